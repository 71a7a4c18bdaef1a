import { useState, type ReactNode } from 'react';
import { App as AntApp, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StockDocument } from '@zhanqin/contracts';
import { errorText } from '../../../lib/error-text.ts';
import { advanceTransfer, receiveTransfer } from '../api/stock.api.ts';
import type { TransferAction } from '../transfer-view.ts';

/**
 * Runs one state change of a transfer (a partial receipt needs its form instead) and reports it by
 * number, or shows the server's message. `onSettled` runs either way: after a refusal the state shown
 * may be stale (someone else shipped or cancelled it), so the caller reloads what is true now.
 */
export function useTransferAction(onSettled: () => void) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  /** `${document id}:${action}` of the action under way. */
  const [busy, setBusy] = useState<string>();
  const run = async (doc: StockDocument, action: Exclude<TransferAction, 'receive-part'>) => {
    setBusy(`${doc.id}:${action}`);
    try {
      if (action === 'receive-all') await receiveTransfer(doc.id, {});
      else await advanceTransfer(doc.id, action);
      void message.success(t(`stock.transfer.done.${action}`, { number: doc.number }));
    } catch (cause) {
      void message.error({
        content: t('stock.transfer.failed', {
          number: doc.number,
          message: errorText(cause, t),
        }),
        key: `transfer-action-error-${doc.id}`,
      });
    } finally {
      setBusy(undefined);
      onSettled();
    }
  };
  return { busy, run };
}

/**
 * The state changes offered for one transfer, as a row of buttons (its row in the list, the document
 * card of a scanned note) that wraps with `children` after them; cancelling asks first, and one action
 * at a time runs per transfer.
 */
export function TransferActionButtons({
  doc,
  actions,
  busy,
  run,
  onReceivePart,
  size = 'small',
  testIdPrefix,
  children,
}: {
  doc: StockDocument;
  /** What the transfer's state allows (`actionsFor`), in that order. */
  actions: readonly TransferAction[];
  onReceivePart: (doc: StockDocument) => void;
  size?: 'small' | 'middle';
  /** Each button's test id is `${testIdPrefix}-${action}`. */
  testIdPrefix: string;
  /** Further buttons in the same row (e.g. printing the note). */
  children?: ReactNode;
} & ReturnType<typeof useTransferAction>) {
  const { t } = useTranslation();
  const busyHere = busy?.startsWith(`${doc.id}:`) ? busy.slice(doc.id.length + 1) : undefined;
  return (
    <Space wrap size={size === 'small' ? 4 : 8}>
      {actions.map((action) => {
        const button = (
          <Button
            key={action}
            size={size}
            type={action === 'ship' || action === 'receive-all' ? 'primary' : 'default'}
            danger={action === 'cancel'}
            loading={busyHere === action}
            disabled={busyHere !== undefined && busyHere !== action}
            onClick={
              action === 'cancel' ? undefined : () => (action === 'receive-part' ? onReceivePart(doc) : void run(doc, action))
            }
            data-testid={`${testIdPrefix}-${action}`}
          >
            {t(`stock.transfer.actions.${action}`)}
          </Button>
        );
        return action === 'cancel' ? (
          <Popconfirm
            key={action}
            title={t('stock.transfer.cancelConfirm')}
            disabled={busyHere !== undefined}
            onConfirm={() => void run(doc, action)}
          >
            {button}
          </Popconfirm>
        ) : (
          button
        );
      })}
      {children}
    </Space>
  );
}
