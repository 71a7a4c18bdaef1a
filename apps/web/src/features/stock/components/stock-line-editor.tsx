import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { Button, Card, InputNumber, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Item } from '@zhanqin/contracts';
import { ApiError } from '../../../lib/api-client.ts';
import { getItem } from '../api/stock.api.ts';
import { blankLine, changeLine, itemChange, removeLine, unitChange, type StockLine } from '../stock-lines.ts';
import type { StockUnit } from '../stock-unit.ts';
import { ItemSelect } from './pickers.tsx';
import { UnitPicker } from './unit-picker.tsx';

let lastLineKey = 0;

/** A blank line with a key no other line of this page has had. */
export function newStockLine(): StockLine {
  lastLineKey += 1;
  return blankLine(`line-${lastLineKey}`);
}

type LineUnitPickerProps = {
  item: Item | undefined;
  unit: StockUnit | undefined;
  onUnitChange: (unit: StockUnit | undefined) => void;
  /** The item of a scanned lot or asset, when it is not the line's item yet (none was chosen). */
  onItemChange: (item: Item) => void;
  /** A failed look-up of that item. */
  onError: (error: ApiError) => void;
  testId: string;
  /** Text above the picker; left out where the line's layout names it already. */
  label?: ReactNode;
};

/**
 * The lot or asset a line draws on, shown for items tracked by lot or unit (bulk stock has neither).
 * Scanning a unit before choosing the item fills the item in as well.
 */
export function LineUnitPicker({ item, unit, onUnitChange, onItemChange, onError, testId, label }: LineUnitPickerProps) {
  if (item?.tracking === 'bulk') return null;
  const choose = async (next: StockUnit | undefined) => {
    onUnitChange(next);
    if (next && next.itemId !== item?.id) {
      try {
        onItemChange(await getItem(next.itemId));
      } catch (cause) {
        onError(cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause)));
      }
    }
  };
  const picker = <UnitPicker itemId={item?.id} value={unit} onChange={(u) => void choose(u)} testId={testId} />;
  return label === undefined ? (
    picker
  ) : (
    <div>
      <Typography.Text>{label}</Typography.Text>
      {picker}
    </div>
  );
}

type StockLineEditorProps = {
  lines: readonly StockLine[];
  setLines: Dispatch<SetStateAction<StockLine[]>>;
  /**
   * Names the parts of each line for tests and scripts: `${testIdPrefix}-item-${index}`, `-qty-`,
   * `-unit-` and the line itself `${testIdPrefix}-${index}`.
   */
  testIdPrefix: string;
  /** Lot and asset pickers under each line of a tracked item; `onError` hears a failed item look-up. */
  units?: { onError: (error: ApiError) => void };
  /** A problem to show under one line (a shortage); its quantity is marked in error while there is one. */
  problemOf?: (line: StockLine, index: number) => ReactNode;
};

/**
 * The lines of a transfer or write-off: item × quantity (whole units, at least 1) × remove, and a
 * button adding a line. The last line cannot be removed, so there is always one to fill in.
 */
export function StockLineEditor({ lines, setLines, testIdPrefix, units, problemOf }: StockLineEditorProps) {
  const { t } = useTranslation();
  const change = (key: string, next: Partial<Omit<StockLine, 'key'>>) => setLines((ls) => changeLine(ls, key, next));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {lines.map((l, index) => {
        const problem = problemOf?.(l, index);
        const row = (
          <Space wrap>
            <ItemSelect
              value={l.item?.id}
              initial={l.item}
              onChange={(item) => change(l.key, itemChange(item))}
              testId={`${testIdPrefix}-item-${index}`}
            />
            <InputNumber
              min={1}
              precision={0}
              value={l.qty}
              status={problem ? 'error' : undefined}
              onChange={(qty) => change(l.key, { qty })}
              data-testid={`${testIdPrefix}-qty-${index}`}
            />
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              disabled={lines.length === 1}
              aria-label={t('common.remove')}
              onClick={() => setLines((ls) => removeLine(ls, l.key))}
            />
          </Space>
        );
        return units ? (
          // A line with a unit picker takes two rows: a card keeps them together.
          <Card size="small" key={l.key} data-testid={`${testIdPrefix}-${index}`}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {row}
              <LineUnitPicker
                item={l.item}
                unit={l.unit}
                onUnitChange={(unit) => change(l.key, unitChange(unit))}
                onItemChange={(item) => change(l.key, { item })}
                onError={units.onError}
                testId={`${testIdPrefix}-unit-${index}`}
              />
              {problem && <div>{problem}</div>}
            </Space>
          </Card>
        ) : (
          <div key={l.key} data-testid={`${testIdPrefix}-${index}`}>
            {row}
            {problem && <div>{problem}</div>}
          </div>
        );
      })}
      <Button icon={<PlusOutlined />} onClick={() => setLines((ls) => [...ls, newStockLine()])}>
        {t('stock.receipt.addLine')}
      </Button>
    </Space>
  );
}
