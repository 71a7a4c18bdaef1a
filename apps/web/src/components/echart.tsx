import { useEffect, useRef, type CSSProperties } from 'react';
import type { EChartsCoreOption, ECharts } from 'echarts/core';
import { echarts } from '../lib/echarts/echarts.ts';
import { echartsLocaleOf, type Language } from '../lib/i18n/languages.ts';

export type EChartEvent = { data?: unknown; name?: string; seriesName?: string; componentType?: string };

type Props = {
  option: EChartsCoreOption;
  language: Language;
  onClick?: (event: EChartEvent) => void;
  style?: CSSProperties;
  /** Accessible name of the chart, read by screen readers instead of the canvas. */
  ariaLabel: string;
  testId?: string;
};

/** The app's one ECharts wrapper: owns init, resize, option updates and disposal; re-inits when the language changes. */
export function EChart({ option, language, onClick, style, ariaLabel, testId }: Props) {
  const elementRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const element = elementRef.current;
    if (!element) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'canvas', locale: echartsLocaleOf(language) });
    chartRef.current = chart;
    // Lets browser tests turn map coordinates into pixels (convertToPixel) and click a real marker.
    Object.defineProperty(element, 'zqChart', { value: chart, configurable: true });
    chart.on('click', (params) => clickRef.current?.(params as EChartEvent));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [language]);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option, language]);

  return (
    <div
      ref={elementRef}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ width: '100%', height: 520, ...style }}
    />
  );
}
