import { useRef, useState, type ReactNode } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Drawer,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { Item, StockDocument } from '@zhanqin/contracts';
import { ApiError } from '../../../lib/api-client.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { openPdf, type PdfFile } from '../../../lib/open-pdf.ts';
import { navigate, useRoute } from '../../../lib/router.ts';
import { useRequest } from '../../../lib/use-request.ts';
import {
  advanceTransfer,
  advanceTransfers,
  createTransfer,
  listDocuments,
  newIdempotencyKey,
  printTransferNote,
  printTransferNotes,
  receiveTransfer,
  receiveTransfers,
  type TransferLine,
} from '../api/stock.api.ts';
import { createdDaysOf, transferFilterOf } from '../document-filter.ts';
import { codeOfScan } from '../scan.ts';
import { shortageByLine } from '../shortage.ts';
import {
  actionsFor,
  BATCH_ACTIONS,
  batchActionsFor,
  batchFailureOf,
  receiveLinesOf,
  STATE_COLOURS,
  TRANSFER_STATES,
  isTransferState,
  numberFilterOf,
  transfersPath,
  type BatchAction,
  type TransferAction,
} from '../transfer-view.ts';
import { ExportRegisterButton } from './export-register-button.tsx';
import { useItemsById } from './item-names.ts';
import { ItemSelect, NodeSelect, StockNav, useNodeName, useNodes } from './pickers.tsx';

export function TransferStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={isTransferState(state) ? STATE_COLOURS[state] : 'default'} data-testid="transfer-state" data-state={state}>
      {t(`stock.transfer.states.${state}`, { defaultValue: state })}
    </Tag>
  );
}

/**
 * Prints transfer notes (调拨单) into a new tab, one request at a time; a failure shows the server's
 * message. `printing` is the key of the print under way (a transfer id, or 'batch').
 */
export function usePrintTransferNotes() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [printing, setPrinting] = useState<string>();
  const print = async (key: string, fetchNotes: () => Promise<PdfFile>) => {
    setPrinting(key);
    try {
      openPdf(await fetchNotes());
    } catch (cause) {
      void message.error({
        content: t('stock.transfer.print.failed', {
          message: cause instanceof ApiError ? `${cause.code}: ${cause.message}` : String(cause),
        }),
        key: 'transfer-print-error',
      });
    } finally {
      setPrinting(undefined);
    }
  };
  return { printing, print };
}

/** Prints one transfer's note (a row action, and on the document card); printing changes nothing, so every state offers it. */
export function PrintNoteButton({
  doc,
  printing,
  print,
}: {
  doc: StockDocument;
} & ReturnType<typeof usePrintTransferNotes>) {
  const { t } = useTranslation();
  return (
    <Button
      size="small"
      icon={<PrinterOutlined />}
      loading={printing === doc.id}
      disabled={printing !== undefined && printing !== doc.id}
      onClick={() => void print(doc.id, () => printTransferNote(doc.id))}
      data-testid="transfer-action-print"
    >
      {t('stock.transfer.print.action')}
    </Button>
  );
}

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
          message: cause instanceof ApiError ? `${cause.code}: ${cause.message}` : String(cause),
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

type DraftLine = { key: string; item?: Item; qty: number };

function CreateTransferDrawer({
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
  const nextKey = useRef(1);
  const [lines, setLines] = useState<DraftLine[]>([{ key: 'd0', qty: 1 }]);
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const key = useRef(newIdempotencyKey());
  const shortages = error?.code === 'INSUFFICIENT_STOCK' ? shortageByLine(error.details) : new Map();
  const valid = fromNodeId && toNodeId && fromNodeId !== toNodeId && lines.length > 0 && lines.every((l) => l.item && l.qty >= 1);

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
          lines: lines.map((l) => ({ itemId: l.item!.id, qty: l.qty })),
        },
        key.current,
      );
      key.current = newIdempotencyKey();
      setLines([{ key: `d${nextKey.current++}`, qty: 1 }]);
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
        {error && error.code !== 'INSUFFICIENT_STOCK' && (
          <Alert type="error" showIcon title={`${error.code}: ${error.message}`} />
        )}
        {shortages.size > 0 && (
          <Alert type="error" showIcon title={t('stock.transfer.shortTitle')} data-testid="transfer-shortage" />
        )}
        {lines.map((l, index) => {
          const short = shortages.get(index);
          return (
            <div key={l.key}>
              <Space wrap>
                <ItemSelect
                  value={l.item?.id}
                  initial={l.item}
                  onChange={(item) => setLines((ls) => ls.map((x) => (x.key === l.key ? { ...x, item } : x)))}
                  testId={`transfer-line-item-${index}`}
                />
                <InputNumber
                  min={1}
                  precision={0}
                  value={l.qty}
                  status={short ? 'error' : undefined}
                  onChange={(v) => setLines((ls) => ls.map((x) => (x.key === l.key ? { ...x, qty: v ?? 0 } : x)))}
                  data-testid={`transfer-line-qty-${index}`}
                />
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={lines.length === 1}
                  aria-label={t('common.remove')}
                  onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
                />
              </Space>
              {short && (
                <div>
                  <Typography.Text type="danger" data-testid={`transfer-line-short-${index}`}>
                    {t('stock.transfer.shortLine', {
                      item: l.item ? `${l.item.code} ${en ? l.item.nameEn : l.item.nameZh}` : short.itemCode,
                      requested: short.requested,
                      available: short.available,
                      missing: short.missing,
                    })}
                  </Typography.Text>
                </div>
              )}
            </div>
          );
        })}
        <Button icon={<PlusOutlined />} onClick={() => setLines((ls) => [...ls, { key: `d${nextKey.current++}`, qty: 1 }])}>
          {t('stock.receipt.addLine')}
        </Button>
      </Space>
    </Drawer>
  );
}

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
          message: cause instanceof ApiError ? `${cause.code}: ${cause.message}` : String(cause),
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

/** What a failed batch reports: the transfer that stopped it (when the server names one) and why. */
type BatchFailure = { number: string | undefined; message: string };

/**
 * The bulk bar (批量操作) over the selected transfers: an action is enabled only when every selected
 * transfer allows it, and the server applies it to all of them or to none.
 */
function TransferBatchBar({
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
      setFailure({ number: named.number, message: `${error.code}: ${named.message}` });
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
              ? t('stock.transfer.batch.failed', { number: failure.number, message: failure.message })
              : t('stock.transfer.batch.failedUnnamed', { message: failure.message })
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

/**
 * 调拨: transfers between nodes with their state machine. The number filter lives in the address
 * (`#/stock/transfers?number=TR-2026-000001`), so the link on a scanned note's card opens its row.
 * The register (单据台账) exports the transfers the filters select, every page of them.
 */
export function TransfersPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { nodes, byId } = useNodes();
  const nodeName = useNodeName();
  const number = numberFilterOf(useRoute().query);
  const [filter, setFilter] = useState<{
    state?: string;
    nodeId?: string;
    /** Beijing days, `YYYY-MM-DD`, as picked */
    createdFrom?: string;
    createdTo?: string;
    limit: number;
    offset: number;
  }>({
    limit: 20,
    offset: 0,
  });
  const [selectedIds, setSelectedIds] = useState<readonly string[]>([]);
  const [numberText, setNumberText] = useState(number ?? '');
  // A new number in the address (the search box, a link, the back button) starts again from the first
  // page with nothing selected; adjusted while rendering, so no request goes out for the stale page.
  const [shownNumber, setShownNumber] = useState(number);
  if (shownNumber !== number) {
    setShownNumber(number);
    setNumberText(number ?? '');
    setSelectedIds([]);
    setFilter((f) => ({ ...f, offset: 0 }));
  }
  const documentFilter = transferFilterOf({ ...filter, number });
  const query = { ...documentFilter, limit: filter.limit, offset: filter.offset };
  const request = useRequest((signal) => listDocuments(query, signal), query);
  const [creating, setCreating] = useState(false);
  const [receivingPart, setReceivingPart] = useState<StockDocument>();
  const [batchFailure, setBatchFailure] = useState<BatchFailure>();
  const notes = usePrintTransferNotes();
  const actions = useTransferAction(request.reload);
  const rows = request.data?.items ?? [];
  // Only rows on the page being shown can be selected; a filter or page change clears the selection.
  const selected = rows.filter((d) => selectedIds.includes(d.id));
  const changeFilter = (change: (f: typeof filter) => typeof filter) => {
    setSelectedIds([]);
    setFilter(change);
  };
  const searchNumber = (text: string) => {
    const next = codeOfScan(text) || undefined;
    // The same number again changes no address, so nothing would reload: reload here instead.
    if (next === number) request.reload();
    else navigate(transfersPath({ number: next }));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="transfers-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('stock.transfer.title')}
        </Typography.Title>
        <Space wrap>
          <ExportRegisterButton filter={documentFilter} testId="transfers-export" />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="transfer-create">
            {t('stock.transfer.create')}
          </Button>
        </Space>
      </Space>
      <StockNav active="/stock/transfers" />
      <Card size="small">
        <Space wrap>
          <NodeSelect
            nodes={nodes}
            value={filter.nodeId}
            onChange={(nodeId) => changeFilter((f) => ({ ...f, nodeId, offset: 0 }))}
          />
          <Select<string>
            allowClear
            placeholder={t('stock.status')}
            style={{ width: 180 }}
            value={filter.state}
            onChange={(state) => changeFilter((f) => ({ ...f, state, offset: 0 }))}
            options={TRANSFER_STATES.map((s) => ({ value: s, label: t(`stock.transfer.states.${s}`) }))}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            aria-label={t('stock.createdDays')}
            value={[filter.createdFrom ? dayjs(filter.createdFrom) : null, filter.createdTo ? dayjs(filter.createdTo) : null]}
            onChange={(range) =>
              changeFilter((f) => ({ ...f, createdFrom: undefined, createdTo: undefined, ...createdDaysOf(range), offset: 0 }))
            }
            data-testid="transfers-dates"
          />
          <Input.Search
            allowClear
            autoComplete="off"
            spellCheck={false}
            placeholder={t('stock.transfer.numberPlaceholder')}
            aria-label={t('stock.documentNumber')}
            style={{ width: 260 }}
            value={numberText}
            onChange={(e) => setNumberText(e.target.value)}
            onSearch={searchNumber}
            data-testid="transfers-number"
          />
        </Space>
      </Card>
      {request.error && <Alert type="error" showIcon title={`${request.error.code}: ${request.error.message}`} />}
      {/* Rendered only when it shows something, so an empty bar leaves no gap in the page's spacing. */}
      {(selected.length > 0 || batchFailure) && (
        <TransferBatchBar
          selected={selected}
          failure={batchFailure}
          setFailure={setBatchFailure}
          onClear={() => setSelectedIds([])}
          notes={notes}
          onDone={(moved) => {
            if (moved > 0) setSelectedIds([]);
            request.reload();
          }}
        />
      )}
      <Table<StockDocument>
        rowKey="id"
        size="middle"
        loading={request.loading}
        dataSource={rows}
        data-testid="transfers-table"
        rowSelection={{
          selectedRowKeys: [...selectedIds],
          onChange: (keys) => setSelectedIds(keys.map(String)),
          // Every row can be ticked: finished transfers (received, cancelled) only to reprint their notes
          // together; the bar enables a state change only when every selected transfer allows it.
          getCheckboxProps: (d) => ({
            'data-testid': 'transfer-select',
            'aria-label': d.number,
          }),
        }}
        scroll={{ x: 1000 }}
        pagination={{
          current: Math.floor(filter.offset / filter.limit) + 1,
          pageSize: filter.limit,
          total: request.data?.total ?? 0,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (page, pageSize) => changeFilter((f) => ({ ...f, limit: pageSize, offset: (page - 1) * pageSize })),
        }}
        columns={[
          {
            key: 'number',
            dataIndex: 'number',
            title: t('stock.documentNumber'),
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          { key: 'from', title: t('stock.transfer.from'), render: (_v, d) => nodeName(byId.get(d.nodeId)) },
          {
            key: 'to',
            title: t('stock.transfer.to'),
            render: (_v, d) => nodeName(d.toNodeId ? byId.get(d.toNodeId) : undefined),
          },
          {
            key: 'units',
            title: t('stock.transfer.units'),
            align: 'right',
            render: (_v, d) => ((d.lines ?? []) as TransferLine[]).reduce((s, l) => s + l.qty, 0),
          },
          { key: 'state', title: t('stock.status'), render: (_v, d) => <TransferStateTag state={d.state} /> },
          { key: 'reference', dataIndex: 'reference', title: t('stock.receipt.reference') },
          {
            key: 'createdAt',
            dataIndex: 'createdAt',
            title: t('stock.createdAt'),
            render: (v: string) => new Date(v).toLocaleString(),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_v, d) => (
              <TransferActionButtons
                doc={d}
                actions={actionsFor(d.state)}
                onReceivePart={setReceivingPart}
                testIdPrefix="transfer-action"
                {...actions}
              >
                <PrintNoteButton doc={d} {...notes} />
              </TransferActionButtons>
            ),
          },
        ]}
      />
      <CreateTransferDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(doc) => {
          setCreating(false);
          void message.success(t('stock.transfer.createdMsg', { number: doc.number }));
          setFilter((f) => ({ ...f, offset: 0 }));
          request.reload();
        }}
      />
      <ReceivePartModal
        doc={receivingPart}
        onClose={() => setReceivingPart(undefined)}
        onDone={() => {
          setReceivingPart(undefined);
          request.reload();
        }}
      />
    </Space>
  );
}
