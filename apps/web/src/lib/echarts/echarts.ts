/**
 * The one place that registers ECharts parts: only what the app draws (a geo map with scatter
 * markers, tooltip and legend; `lines` and `effectScatter` for the dispatch map's routes and incidents) on the canvas renderer, so the bundle stays small.
 */
import * as echarts from 'echarts/core';
import { EffectScatterChart, LinesChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([ScatterChart, LinesChart, EffectScatterChart, GeoComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
