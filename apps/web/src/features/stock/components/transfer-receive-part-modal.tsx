import { useState } from 'react';
import { App as AntApp, Input, InputNumber, Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StockDocument } from '@zhanqin/contracts';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { receiveTransfer, type TransferLine } from '../api/stock.api.ts';
import { receiveLinesOf } from '../transfer-view.ts';
import { useItemsById } from './item-names.ts';

/** Receives what arrived of a shipped transfer, line by line; a note gives the reason for a difference. */
export function ReceivePartModal({
  doc,
  onClose,
  onDone,
}: {
  doc: StockDocument | undefined;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  const { message } = AntApp.useApp();
  const shipped = (doc?.lines ?? []) as TransferLine[];
  const items = useItemsById(shipped.map((l) => l.itemId));
  const [arrived, setArrived] = useState<Map<number, number>>(new Map());
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!doc) return;
    setSaving(true);
    try {
      const received = await receiveTransfer(doc.id, {
        lines: receiveLinesOf(shipped, arrived),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      // Every shipped unit entered as arrived is a full receipt, whichever form took it.
      void message.success(
        t(`stock.transfer.done.${received.state === 'received' ? 'receive-all' : 'receive-part'}`, { number: doc.number }),
      );
      setArrived(new Map());
      setNote('');
      onDone();
    } catch (cause) {
      void message.error(
        t('stock.transfer.failed', {
          number: doc.number,
          message: errorText(cause, t),
        }),
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={doc !== undefined}
      onCancel={() => {
        // What was entered for this transfer must not carry over to the next one opened.
        setArrived(new Map());
        setNote('');
        onClose();
      }}
      onOk={() => void submit()}
      confirmLoading={saving}
      title={t('stock.transfer.receivePartTitle', { number: doc?.number ?? '' })}
      width={680}
      destroyOnHidden
    >
      <Table<TransferLine & { index: number }>
        size="small"
        pagination={false}
        rowKey="index"
        dataSource={shipped.map((l, index) => ({ ...l, index }))}
        data-testid="receive-part-lines"
        columns={[
          {
            key: 'item',
            title: t('stock.item'),
            render: (_v, l) => {
              const item = items.get(l.itemId);
              return item ? `${item.code} ${en ? item.nameEn : item.nameZh}` : l.itemId;
            },
          },
          { key: 'shipped', title: t('stock.transfer.shipped'), dataIndex: 'qty', align: 'right' },
          {
            key: 'arrived',
            title: t('stock.transfer.arrived'),
            render: (_v, l) => (
              <InputNumber
                min={0}
                max={l.qty}
                precision={0}
                value={arrived.get(l.index) ?? l.qty}
                onChange={(v) => setArrived((m) => new Map(m).set(l.index, v ?? 0))}
                data-testid={`receive-part-qty-${l.index}`}
              />
            ),
          },
        ]}
      />
      <Input.TextArea
        style={{ marginTop: 12 }}
        rows={2}
        maxLength={500}
        placeholder={t('stock.transfer.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </Modal>
  );
}
