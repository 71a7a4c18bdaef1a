/**
 * The one place that registers ECharts parts: only what the app draws (a geo map with scatter
 * markers, tooltip and legend; `lines` and `effectScatter` for the dispatch map's routes and incidents;
 * bars and lines on a grid for the stock chart) on the canvas renderer, so the bundle stays small.
 */
import * as echarts from 'echarts/core';
import { BarChart, EffectScatterChart, LineChart, LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  ScatterChart,
  LinesChart,
  EffectScatterChart,
  BarChart,
  LineChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };
