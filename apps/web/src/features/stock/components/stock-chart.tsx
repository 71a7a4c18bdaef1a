import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockRow } from '@zhanqin/contracts';
import { EChart } from '../../../components/echart.tsx';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { availabilityChartOption } from '../stock-view.ts';

/** Availability against the reserve standard for one node. */
export function StockChart({ rows }: { rows: StockRow[] }) {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  const option = useMemo(
    () =>
      availabilityChartOption(
        rows,
        {
          available: t('stock.available'),
          minReserve: t('stock.minReserve'),
          target: t('stock.target'),
          unitPercent: t('stock.percentOfTarget'),
        },
        language,
      ),
    [rows, t, language],
  );
  return (
    <EChart option={option} language={language} ariaLabel={t('stock.chartTitle')} testId="stock-chart" style={{ height: 320 }} />
  );
}
