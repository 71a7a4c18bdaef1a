import { useState } from 'react';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { lookupCode } from '../api/stock.api.ts';
import { unitOfLookup, type StockUnit, type UnitOfCode } from '../stock-unit.ts';
import { ScanInput } from './scan-input.tsx';

/** The message for each reason a scanned code names no unit of the item. */
const PROBLEM_KEYS: Record<Extract<UnitOfCode, { ok: false }>['problem'], string> = {
  'other-item': 'stock.unit.otherItem',
  'not-a-unit': 'stock.unit.notAUnit',
  document: 'stock.scan.isDocument',
};

type UnitPickerProps = {
  /** The chosen item; without one, a scanned lot or asset names the item (the parent takes it from `unit.itemId`). */
  itemId?: string;
  value?: StockUnit;
  onChange: (unit: StockUnit | undefined) => void;
  testId: string;
};

/**
 * Names the lot or asset a line draws on, by scanning or typing its lot number or asset code. Left
 * empty, the server chooses (first-expiry-first-out for lots, by code for assets).
 */
export function UnitPicker({ itemId, value, onChange, testId }: UnitPickerProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string>();

  const onScan = async (code: string) => {
    setProblem(undefined);
    try {
      const result = unitOfLookup(await lookupCode(code), code, itemId);
      if (result.ok) onChange(result.unit);
      else setProblem(t(PROBLEM_KEYS[result.problem], { code }));
    } catch (cause) {
      setProblem(cause instanceof ApiError && cause.status === 404 ? t('stock.scan.unknown', { code }) : errorText(cause, t));
    }
  };

  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <ScanInput onScan={onScan} placeholder={t('stock.unit.placeholder')} testId={testId} />
      {value ? (
        <Tag
          closable
          color={value.kind === 'asset' ? 'blue' : 'geekblue'}
          onClose={() => onChange(undefined)}
          data-testid={`${testId}-chosen`}
          data-kind={value.kind}
        >
          {t(value.kind === 'asset' ? 'stock.unit.asset' : 'stock.unit.lot', { label: value.label })}
        </Tag>
      ) : (
        <Typography.Text type="secondary">{t('stock.unit.auto')}</Typography.Text>
      )}
      {problem && (
        <Typography.Text type="danger" data-testid={`${testId}-problem`}>
          {problem}
        </Typography.Text>
      )}
    </Space>
  );
}
