/**
 * The one place that registers ECharts parts: only what the app draws (a geo map with scatter
 * markers, tooltip and legend) on the canvas renderer, so the bundle stays small.
 */
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { GeoComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([ScatterChart, GeoComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
