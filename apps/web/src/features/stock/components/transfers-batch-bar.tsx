import type { Translate } from '../../../lib/i18n/translate.ts';
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { StockDocument } from '@zhanqin/contracts';
import { ApiError } from '../../../lib/api-client.ts';
import { errorPartsOf, errorText } from '../../../lib/error-text.ts';
import { advanceTransfers, printTransferNotes, receiveTransfers } from '../api/stock.api.ts';
import { BATCH_ACTIONS, batchActionsFor, batchFailureOf, type BatchAction } from '../transfer-view.ts';
import type { usePrintTransferNotes } from './transfer-print.tsx';

/**
 * What a failed batch reports: the transfer that stopped it (when the server names one) and why — the
 * error keeps the server's code, with its message stripped of the request index; it is worded on render.
 */
export type BatchFailure = { number: string | undefined; error: ApiError };

/** The code, its title and the server's message for the batch alert; the code leads (see the alert's template). */
function batchReasonOf(error: ApiError, t: Translate): { code: string; title: string; detail: string } {
  const parts = errorPartsOf(error, t);
  return { ...parts, detail: parts.detail || parts.title };
}

/**
 * The bulk bar (批量操作) over the selected transfers: an action is enabled only when every selected
 * transfer allows it, and the server applies it to all of them or to none.
 */
export function TransferBatchBar({
  selected,
  failure,
  setFailure,
  onDone,
  onClear,
  notes,
}: {
  selected: readonly StockDocument[];
  /** The last batch's failure; the page keeps it so the alert outlives the selection. */
  failure: BatchFailure | undefined;
  setFailure: (failure: BatchFailure | undefined) => void;
  /** After a batch: `moved` is how many transfers changed state (0 when the batch failed). */
  onDone: (moved: number) => void;
  onClear: () => void;
  /** Printing the selected transfers' notes: it changes no state, so any selection may print. */
  notes: ReturnType<typeof usePrintTransferNotes>;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [running, setRunning] = useState<BatchAction>();
  const allowed = batchActionsFor(selected);

  const run = async (action: BatchAction) => {
    // The request names the transfers in this order, so the server's index maps back through `numbers`.
    const docs = [...selected];
    const numbers = docs.map((d) => d.number);
    setRunning(action);
    setFailure(undefined);
    try {
      const { documents } =
        action === 'receive-all'
          ? await receiveTransfers(docs.map((d) => ({ id: d.id })))
          : await advanceTransfers(
              docs.map((d) => d.id),
              action,
            );
      void message.success(t(`stock.transfer.batch.done.${action}`, { count: documents.length }));
      onDone(documents.length);
    } catch (cause) {
      const error = cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause));
      const named = batchFailureOf(error, numbers);
      setFailure({ number: named.number, error: new ApiError(error.status, error.code, named.message, error.details) });
      // Nothing moved, but the list may be stale (someone else shipped or cancelled one): show what is true now.
      onDone(0);
    } finally {
      setRunning(undefined);
    }
  };

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      {failure && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setFailure(undefined) }}
          data-testid="transfers-batch-error"
          data-number={failure.number}
          title={
            failure.number
              ? t('stock.transfer.batch.failed', { number: failure.number, ...batchReasonOf(failure.error, t) })
              : t('stock.transfer.batch.failedUnnamed', { message: errorText(failure.error, t) })
          }
        />
      )}
      {selected.length > 0 && (
        <Card size="small" data-testid="transfers-batch-bar">
          <Space wrap>
            <Typography.Text strong data-testid="transfers-batch-count" data-count={selected.length}>
              {t('stock.transfer.batch.selected', { count: selected.length })}
            </Typography.Text>
            {BATCH_ACTIONS.map((action) => {
              const button = (
                <Button
                  key={action}
                  type={action === 'ship' || action === 'receive-all' ? 'primary' : 'default'}
                  danger={action === 'cancel'}
                  disabled={!allowed.includes(action) || (running !== undefined && running !== action)}
                  loading={running === action}
                  onClick={action === 'cancel' ? undefined : () => void run(action)}
                  data-testid={`transfers-batch-${action}`}
                >
                  {t(`stock.transfer.batch.actions.${action}`)}
                </Button>
              );
              return action === 'cancel' ? (
                <Popconfirm
                  key={action}
                  title={t('stock.transfer.batch.cancelConfirm', { count: selected.length })}
                  disabled={!allowed.includes(action) || running !== undefined}
                  onConfirm={() => void run(action)}
                >
                  {button}
                </Popconfirm>
              ) : (
                button
              );
            })}
            <Button
              icon={<PrinterOutlined />}
              loading={notes.printing === 'batch'}
              disabled={notes.printing !== undefined && notes.printing !== 'batch'}
              onClick={() => {
                const ids = selected.map((d) => d.id);
                void notes.print('batch', () => printTransferNotes(ids));
              }}
              data-testid="transfers-batch-print"
            >
              {t('stock.transfer.print.batch')}
            </Button>
            <Button type="link" disabled={running !== undefined} onClick={onClear} data-testid="transfers-batch-clear">
              {t('stock.transfer.batch.clear')}
            </Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
