import { useState, type ReactNode } from 'react';
import { Alert, Card, Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { StockDocument } from '@zhanqin/contracts';
import { CheckCircleOutlined, ExclamationCircleOutlined, InboxOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { hrefOf, navigate, useRoute } from '../../../lib/router.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { lookupCode, type AssetDetail } from '../api/stock.api.ts';
import { assetStatusColour, inspectionState, timelineOf, type InspectionState } from '../asset-view.ts';
import { documentActionsOf, documentPageOf, isTransferLike } from '../document-view.ts';
import { kitRelationOf, type KitRelation } from '../kit-view.ts';
import { useItemsById } from './item-names.ts';
import { StockNav, useNodeName, useNodes } from './pickers.tsx';
import { ScanInput } from './scan-input.tsx';
import { TransferActionButtons, useTransferAction } from './transfer-actions.tsx';
import { PrintNoteButton, usePrintTransferNotes } from './transfer-print.tsx';
import { ReceivePartModal } from './transfer-receive-part-modal.tsx';
import { TransferStateTag } from './transfer-state-tag.tsx';

/** The link to an asset's card and history by its code (what labels carry and scanners read). */
export const assetHref = (code: string) => hrefOf(`/stock/assets?code=${encodeURIComponent(code)}`);

export function AssetStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={assetStatusColour(status)} data-testid="asset-status" data-status={status}>
      {t(`stock.asset.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

const INSPECTION_ICONS: Record<InspectionState, ReactNode> = {
  none: null,
  failed: <ExclamationCircleOutlined />,
  overdue: <WarningOutlined />,
  'due-soon': <WarningOutlined />,
  ok: <CheckCircleOutlined />,
};
const INSPECTION_COLOURS: Record<InspectionState, string> = {
  none: 'default',
  failed: 'error',
  overdue: 'error',
  'due-soon': 'warning',
  ok: 'success',
};

const localToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** The kit page with one box open in its drawer. */
export const kitHref = (kitAssetId: string, nodeId?: string | null) =>
  hrefOf(`/stock/kits?${nodeId ? `nodeId=${encodeURIComponent(nodeId)}&` : ''}kit=${encodeURIComponent(kitAssetId)}`);

/** A kit box links to its contents; a unit packed inside a box links to that box. */
function KitLink({ relation, nodeId }: { relation: KitRelation; nodeId: string | null }) {
  const { t } = useTranslation();
  const href = kitHref(relation.kitAssetId, nodeId);
  return (
    <Alert
      type="info"
      showIcon
      icon={<InboxOutlined />}
      data-testid="asset-kit"
      data-role={relation.role}
      title={
        relation.role === 'box'
          ? relation.packed
            ? t('stock.kits.assetIsBox')
            : t('stock.kits.assetWasBox')
          : t('stock.kits.assetInBox', { code: relation.kitCode })
      }
      action={
        <a href={href} data-testid="asset-kit-link">
          {relation.role === 'box' ? t('stock.kits.openContents') : t('stock.kits.openBox')}
        </a>
      }
    />
  );
}

/** The asset card (一物一码) and its life history as a timeline. */
function AssetCard({ asset }: { asset: AssetDetail }) {
  const { t, i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  const { byId } = useNodes();
  const nodeName = useNodeName();
  const item = useItemsById([asset.itemId]).get(asset.itemId);
  const inspection = inspectionState(asset, localToday());
  const entries = timelineOf(asset.history ?? []);
  const kit = kitRelationOf(asset.id, asset.history ?? []);
  const dash = (v: string | null | undefined) => (v ? v : '—');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {kit && <KitLink relation={kit} nodeId={asset.nodeId} />}
      <Card size="small" title={t('stock.asset.card')} data-testid="asset-card" data-asset-id={asset.id}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'item',
              label: t('stock.item'),
              children: (
                <Space size={4}>
                  {item ? (en ? item.nameEn : item.nameZh) : ''}
                  <Typography.Text type="secondary">{asset.itemCode}</Typography.Text>
                </Space>
              ),
            },
            {
              key: 'code',
              label: t('stock.asset.code'),
              children: (
                <Typography.Text code copyable data-testid="asset-code-value">
                  {asset.code}
                </Typography.Text>
              ),
            },
            {
              key: 'serial',
              label: t('stock.asset.serialNo'),
              children: <span data-testid="asset-serial">{asset.serialNo}</span>,
            },
            { key: 'epc', label: t('stock.asset.rfidEpc'), children: dash(asset.rfidEpc) },
            { key: 'status', label: t('stock.status'), children: <AssetStatusTag status={asset.status} /> },
            {
              key: 'node',
              label: t('stock.asset.node'),
              children: <span data-testid="asset-node">{asset.nodeId ? nodeName(byId.get(asset.nodeId)) : '—'}</span>,
            },
            { key: 'slot', label: t('stock.asset.slot'), children: dash(asset.slotCode) },
            { key: 'holder', label: t('stock.asset.holder'), children: dash(asset.holder) },
            { key: 'made', label: t('stock.asset.manufacturedOn'), children: dash(asset.manufacturedOn?.slice(0, 10)) },
            {
              key: 'inspection',
              label: t('stock.asset.nextInspectionDue'),
              children: (
                <Space size={4}>
                  {dash(asset.nextInspectionDue?.slice(0, 10))}
                  {inspection !== 'none' && (
                    <Tag
                      color={INSPECTION_COLOURS[inspection]}
                      icon={INSPECTION_ICONS[inspection]}
                      data-testid="asset-inspection"
                    >
                      {t(`stock.asset.inspection.${inspection}`)}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { key: 'last', label: t('stock.asset.lastInspection'), children: dash(asset.lastInspectionResult) },
          ]}
        />
      </Card>
      <Card size="small" title={t('stock.asset.history')}>
        {entries.length === 0 ? (
          <Empty description={t('stock.asset.noHistory')} />
        ) : (
          <Timeline
            data-testid="asset-history"
            items={entries.map((e) => ({
              key: e.key,
              color: e.tone,
              title: new Date(e.at).toLocaleString(),
              content: (
                <div data-testid="asset-event" data-kind={e.kind}>
                  <Typography.Text strong>{t(`stock.asset.events.${e.kind}`, { defaultValue: e.kind })}</Typography.Text>
                  {e.nodeId && <Typography.Text type="secondary"> · {nodeName(byId.get(e.nodeId))}</Typography.Text>}
                  {e.documentNumber && (
                    <div>
                      <Typography.Text code>{t('stock.asset.document', { number: e.documentNumber })}</Typography.Text>
                    </div>
                  )}
                  {e.source && (
                    <div>
                      {t('stock.asset.source', { source: t(`stock.receipt.sources.${e.source}`, { defaultValue: e.source }) })}
                    </div>
                  )}
                  {e.slot && <div>{t('stock.asset.slotPut', { slot: e.slot })}</div>}
                  {e.reason && <div>{t('stock.asset.reasonText', { reason: e.reason })}</div>}
                </div>
              ),
            }))}
          />
        )}
      </Card>
    </Space>
  );
}

/**
 * A document found by its number (the QR code of a printed transfer note): what it is, where it
 * stands and between which nodes. A transfer or dispatch can print its note again and take the steps
 * its state allows, so a keeper who scans the note on arrival receives it here in one tap.
 */
function DocumentCard({
  doc,
  onChanged,
}: {
  doc: StockDocument;
  /** After an action, done or refused: the card shows the document as it now stands. */
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { byId } = useNodes();
  const nodeName = useNodeName();
  const notes = usePrintTransferNotes();
  const transferAction = useTransferAction(onChanged);
  const [receivingPart, setReceivingPart] = useState<StockDocument>();
  const page = documentPageOf(doc);
  const actions = documentActionsOf(doc);
  return (
    <Card
      size="small"
      title={t('stock.documents.card')}
      data-testid="asset-document"
      data-document-id={doc.id}
      data-kind={doc.kind}
      extra={
        <Space size={8}>
          {isTransferLike(doc.kind) && <PrintNoteButton doc={doc} {...notes} />}
          {page && (
            <a href={hrefOf(page.path)} data-testid="asset-document-link">
              {t(`stock.documents.open.${page.name}`)}
            </a>
          )}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'number',
            label: t('stock.documentNumber'),
            children: (
              <Typography.Text code copyable data-testid="asset-document-number">
                {doc.number}
              </Typography.Text>
            ),
          },
          {
            key: 'kind',
            label: t('stock.documents.kind'),
            children: (
              <span data-testid="asset-document-kind">{t(`stock.documents.kinds.${doc.kind}`, { defaultValue: doc.kind })}</span>
            ),
          },
          {
            key: 'state',
            label: t('stock.status'),
            children: isTransferLike(doc.kind) ? (
              <TransferStateTag state={doc.state} />
            ) : (
              <Tag data-testid="document-state" data-state={doc.state}>
                {t(`stock.documents.states.${doc.state}`, { defaultValue: doc.state })}
              </Tag>
            ),
          },
          {
            key: 'from',
            label: doc.toNodeId ? t('stock.transfer.from') : t('stock.node'),
            children: <span data-testid="asset-document-from">{nodeName(byId.get(doc.nodeId))}</span>,
          },
          ...(doc.toNodeId
            ? [
                {
                  key: 'to',
                  label: t('stock.transfer.to'),
                  children: <span data-testid="asset-document-to">{nodeName(byId.get(doc.toNodeId))}</span>,
                },
              ]
            : []),
          { key: 'createdAt', label: t('stock.createdAt'), children: new Date(doc.createdAt).toLocaleString() },
        ]}
      />
      {actions.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="document-actions">
          <TransferActionButtons
            doc={doc}
            actions={actions}
            size="middle"
            onReceivePart={setReceivingPart}
            testIdPrefix="document-action"
            {...transferAction}
          />
        </div>
      )}
      <ReceivePartModal
        doc={receivingPart}
        onClose={() => setReceivingPart(undefined)}
        onDone={() => {
          setReceivingPart(undefined);
          onChanged();
        }}
      />
    </Card>
  );
}

/** 资产履历: look up any code (typed or scanned) and show the asset card with its life history. */
export function AssetPage() {
  const { t } = useTranslation();
  const { query } = useRoute();
  const code = query.get('code')?.trim() ?? '';
  const found = useRequest((signal) => (code ? lookupCode(code, signal) : Promise.resolve(undefined)), ['asset-code', code]);
  const result = code ? found.data : undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="asset-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('stock.asset.title')}
      </Typography.Title>
      <StockNav active="/stock/assets" />
      <Card size="small">
        <div style={{ maxWidth: 560 }}>
          <ScanInput
            autoFocus
            testId="asset-scan"
            placeholder={t('stock.asset.scanPlaceholder')}
            onScan={(scanned) => navigate(`/stock/assets?code=${encodeURIComponent(scanned)}`)}
          />
        </div>
      </Card>
      {code && found.error && (
        <Alert
          type="error"
          showIcon
          data-testid="asset-error"
          title={found.error.status === 404 ? t('stock.asset.notFound', { code }) : errorText(found.error, t)}
        />
      )}
      {result?.kind === 'asset' && <AssetCard asset={{ ...result.asset, history: result.asset.history ?? [] }} />}
      {result?.kind === 'lot' && (
        <Alert
          type="info"
          showIcon
          data-testid="asset-not-asset"
          title={t('stock.asset.isLot', { code })}
          description={result.lots.map((l) => (
            <div key={l.id}>{t('stock.asset.lotLine', { lotNo: l.lotNo, expiresOn: l.expiresOn ?? '—' })}</div>
          ))}
        />
      )}
      {result?.kind === 'item' && (
        <Alert
          type="info"
          showIcon
          data-testid="asset-not-asset"
          title={t('stock.asset.isItem', { code })}
          action={<a href={hrefOf('/stock')}>{t('stock.asset.openStock')}</a>}
        />
      )}
      {/* One card per document: busy buttons or a half-entered receipt never carry over to the next note scanned. */}
      {result?.kind === 'document' && <DocumentCard key={result.document.id} doc={result.document} onChanged={found.reload} />}
      {result?.kind === 'node' && (
        <Alert
          type="info"
          showIcon
          data-testid="asset-not-asset"
          title={t('stock.asset.isNode', { code })}
          action={<a href={hrefOf(`/stock?nodeId=${encodeURIComponent(result.nodeId)}`)}>{t('stock.asset.openStock')}</a>}
        />
      )}
    </Space>
  );
}
