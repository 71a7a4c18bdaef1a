import { useRef, useState } from 'react';
import { Alert, Button, Drawer, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StockDocument } from '@zhanqin/contracts';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { createTransfer, newIdempotencyKey } from '../api/stock.api.ts';
import { shortageByLine } from '../shortage.ts';
import { NodeSelect, useNodes } from './pickers.tsx';
import { newStockLine, StockLineEditor } from './stock-line-editor.tsx';

/** Creates a transfer between two nodes; a shortage names the lines that cannot be met and by how much. */
export function CreateTransferDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (doc: StockDocument) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  const { nodes } = useNodes();
  const [fromNodeId, setFrom] = useState<string>();
  const [toNodeId, setTo] = useState<string>();
  const [reference, setReference] = useState('');
  const [lines, setLines] = useState(() => [newStockLine()]);
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());
  const shortages = error?.code === 'INSUFFICIENT_STOCK' ? shortageByLine(error.details) : new Map();
  const valid =
    fromNodeId &&
    toNodeId &&
    fromNodeId !== toNodeId &&
    lines.length > 0 &&
    lines.every((l) => l.item && l.qty !== null && l.qty >= 1);

  const submit = async () => {
    if (!valid || !fromNodeId || !toNodeId) return;
    setSaving(true);
    setError(undefined);
    try {
      const doc = await createTransfer(
        {
          fromNodeId,
          toNodeId,
          ...(reference.trim() ? { reference: reference.trim() } : {}),
          lines: lines.map((l) => ({ itemId: l.item!.id, qty: l.qty! })),
        },
        key.current,
      );
      key.current = newIdempotencyKey();
      setLines([newStockLine()]);
      setReference('');
      onCreated(doc);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause)));
      // A refusal (4xx, e.g. a shortage) posted nothing: the next attempt is a new submission; after a
      // network failure the same key replays the first post instead of reserving twice.
      if (cause instanceof ApiError && cause.status >= 400 && cause.status < 500) key.current = newIdempotencyKey();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={t('stock.transfer.create')}
      destroyOnHidden
      extra={
        <Button type="primary" disabled={!valid} loading={saving} onClick={() => void submit()} data-testid="transfer-submit">
          {t('common.create')}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="transfer-form">
        <Space wrap>
          <NodeSelect
            nodes={nodes}
            value={fromNodeId}
            onChange={setFrom}
            placeholder={t('stock.transfer.from')}
            testId="transfer-from"
            exclude={toNodeId}
          />
          <NodeSelect
            nodes={nodes}
            value={toNodeId}
            onChange={setTo}
            placeholder={t('stock.transfer.to')}
            testId="transfer-to"
            exclude={fromNodeId}
          />
          <Input
            value={reference}
            onChange={(e) => setReference(e.target.value)}
            placeholder={t('stock.receipt.reference')}
            style={{ width: 200 }}
          />
        </Space>
        {error && error.code !== 'INSUFFICIENT_STOCK' && <Alert type="error" showIcon title={errorText(error, t)} />}
        {shortages.size > 0 && (
          <Alert type="error" showIcon title={t('stock.transfer.shortTitle')} data-testid="transfer-shortage" />
        )}
        <StockLineEditor
          lines={lines}
          setLines={setLines}
          testIdPrefix="transfer-line"
          problemOf={(l, index) => {
            const short = shortages.get(index);
            return (
              short && (
                <Typography.Text type="danger" data-testid={`transfer-line-short-${index}`}>
                  {t('stock.transfer.shortLine', {
                    item: l.item ? `${l.item.code} ${en ? l.item.nameEn : l.item.nameZh}` : short.itemCode,
                    requested: short.requested,
                    available: short.available,
                    missing: short.missing,
                  })}
                </Typography.Text>
              )
            );
          }}
        />
      </Space>
    </Drawer>
  );
}
