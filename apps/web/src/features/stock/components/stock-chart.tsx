import { useMemo } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { useTranslation } from 'react-i18next';
import type { StockRow } from '@zhanqin/contracts';
import { EChart } from '../../../components/echart.tsx';
import { echarts } from '../../../lib/echarts/echarts.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { availabilityChartOption } from '../stock-view.ts';

// The stock chart's parts, registered beside the app's base set (lib/echarts/echarts.ts) when this page loads.
echarts.use([BarChart, LineChart, GridComponent]);

/** Availability against the reserve standard for one node. */
export function StockChart({ rows }: { rows: StockRow[] }) {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const option = useMemo(
    () => availabilityChartOption(rows, { available: t('stock.available'), minReserve: t('stock.minReserve'), target: t('stock.target'), unitPercent: t('stock.percentOfTarget') }, language),
    [rows, t, language],
  );
  return <EChart option={option} language={language} ariaLabel={t('stock.chartTitle')} testId="stock-chart" style={{ height: 320 }} />;
}
