import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { StockDocument } from '@zhanqin/contracts';
import { errorText } from '../../../lib/error-text.ts';
import { navigate, useRoute } from '../../../lib/router.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { listDocuments, type TransferLine } from '../api/stock.api.ts';
import { createdDaysIn, createdDaysOf, transferFilterOf } from '../document-filter.ts';
import { codeOfScan } from '../scan.ts';
import { actionsFor, TRANSFER_STATES, numberFilterOf, transfersPath } from '../transfer-view.ts';
import { ExportRegisterButton } from './export-register-button.tsx';
import { StockNav, NodeSelect, useNodeName, useNodes } from './pickers.tsx';
import { TransferActionButtons, useTransferAction } from './transfer-actions.tsx';
import { CreateTransferDrawer } from './transfer-create-drawer.tsx';
import { PrintNoteButton, usePrintTransferNotes } from './transfer-print.tsx';
import { ReceivePartModal } from './transfer-receive-part-modal.tsx';
import { TransferStateTag } from './transfer-state-tag.tsx';
import { TransferBatchBar, type BatchFailure } from './transfers-batch-bar.tsx';

export { TransferStateTag };

/**
 * 调拨: transfers between nodes with their state machine. The number and created-day filters live in
 * the address (`#/stock/transfers?number=TR-2026-000001&createdFrom=2026-03-01`), so the link on a
 * scanned note's card opens its row, and a reloaded or shared link shows the same days.
 * The register (单据台账) exports the transfers the filters select, every page of them.
 */
export function TransfersPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { nodes, byId } = useNodes();
  const nodeName = useNodeName();
  const { query: addressQuery } = useRoute();
  // createdFrom/createdTo: Beijing days, `YYYY-MM-DD`, as picked
  const address = { number: numberFilterOf(addressQuery), ...createdDaysIn(addressQuery) };
  const { number } = address;
  const [filter, setFilter] = useState<{ state?: string; nodeId?: string; limit: number; offset: number }>({
    limit: 20,
    offset: 0,
  });
  const [selectedIds, setSelectedIds] = useState<readonly string[]>([]);
  const [numberText, setNumberText] = useState(number ?? '');
  // A new number or days in the address (the filters, a link, the back button) start again from the first
  // page with nothing selected; adjusted while rendering, so no request goes out for the stale page.
  const [shown, setShown] = useState(address);
  if (transfersPath(shown) !== transfersPath(address)) {
    setShown(address);
    if (shown.number !== number) setNumberText(number ?? '');
    setSelectedIds([]);
    setFilter((f) => ({ ...f, offset: 0 }));
  }
  const documentFilter = transferFilterOf({ ...filter, ...address });
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
    else navigate(transfersPath({ ...address, number: next }));
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
            value={[address.createdFrom ? dayjs(address.createdFrom) : null, address.createdTo ? dayjs(address.createdTo) : null]}
            onChange={(range) => navigate(transfersPath({ number, ...createdDaysOf(range) }))}
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
      {request.error && <Alert type="error" showIcon title={errorText(request.error, t)} />}
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
