import { useMemo, useState } from 'react';
import { Segmented, Select, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Item, Node } from '@zhanqin/contracts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { navigate } from '../../../lib/router.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { listItems } from '../../catalogue/api/catalogue.api.ts';
import { listNodes } from '../../nodes/api/nodes.api.ts';
import type { Role } from '../../auth/api/auth.api.ts';
import { useUser } from '../../auth/components/session-provider.tsx';
import { canWriteStock } from '../../auth/permissions.ts';

/** Every node in scope, loaded once per page (the network has tens of nodes, not thousands). */
export function useNodes() {
  const request = useRequest((signal) => listNodes({ limit: 500, offset: 0, sort: 'code', order: 'asc' }, signal), 'stock-nodes');
  const nodes = useMemo(() => request.data?.items ?? [], [request.data]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  return { nodes, byId, loading: request.loading };
}

export function useNodeName() {
  const { i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  return (node: Pick<Node, 'code' | 'nameZh' | 'nameEn'> | undefined) =>
    node ? `${en ? node.nameEn : node.nameZh} (${node.code})` : '—';
}

type NodeSelectProps = {
  nodes: Node[];
  value?: string;
  onChange: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  width?: number | string;
  testId?: string;
  exclude?: string;
};
export function NodeSelect({
  nodes,
  value,
  onChange,
  placeholder,
  allowClear = true,
  width = 260,
  testId,
  exclude,
}: NodeSelectProps) {
  const { t } = useTranslation();
  const name = useNodeName();
  return (
    <Select<string>
      showSearch
      allowClear={allowClear}
      optionFilterProp="label"
      placeholder={placeholder ?? t('stock.node')}
      style={{ width }}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      data-testid={testId}
      options={nodes.filter((n) => n.id !== exclude).map((n) => ({ value: n.id, label: name(n) }))}
    />
  );
}

type ItemSelectProps = {
  value?: string;
  onChange: (item: Item | undefined) => void;
  width?: number | string;
  testId?: string;
  initial?: Item;
};
/** Searches the catalogue on the server as the user types (code or name). */
export function ItemSelect({ value, onChange, width = 300, testId, initial }: ItemSelectProps) {
  const { t, i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  const [q, setQ] = useState('');
  const request = useRequest(
    (signal) => listItems({ limit: 50, offset: 0, sort: 'code', order: 'asc', q: q || undefined }, signal),
    ['stock-items', q],
  );
  const items = request.data?.items ?? [];
  const options = initial && !items.some((i) => i.id === initial.id) ? [initial, ...items] : items;
  return (
    <Select<string>
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={request.loading}
      placeholder={t('stock.itemPlaceholder')}
      style={{ width }}
      value={value}
      data-testid={testId}
      onChange={(id) => onChange(options.find((i) => i.id === id))}
      options={options.map((i) => ({ value: i.id, label: `${i.code} · ${en ? i.nameEn : i.nameZh}` }))}
      notFoundContent={request.loading ? t('common.loading') : t('common.none')}
    />
  );
}

/** Several items (a cycle count of some items only); searches the catalogue on the server. */
export function ItemsSelect({
  value,
  onChange,
  placeholder,
  width = 300,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  placeholder?: string;
  width?: number | string;
}) {
  const { i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  const [q, setQ] = useState('');
  const [known, setKnown] = useState<Map<string, Item>>(new Map());
  const request = useRequest(
    (signal) => listItems({ limit: 50, offset: 0, sort: 'code', order: 'asc', q: q || undefined }, signal),
    ['stock-items', q],
  );
  const found = request.data?.items ?? [];
  const options = [
    ...value.flatMap((id) => (known.has(id) && !found.some((i) => i.id === id) ? [known.get(id)!] : [])),
    ...found,
  ];
  return (
    <Select<string[]>
      mode="multiple"
      allowClear
      filterOption={false}
      onSearch={setQ}
      loading={request.loading}
      placeholder={placeholder}
      style={{ minWidth: width }}
      value={value}
      maxTagCount="responsive"
      onChange={(ids) => {
        setKnown((m) => {
          const next = new Map(m);
          for (const item of found) if (ids.includes(item.id)) next.set(item.id, item);
          return next;
        });
        onChange(ids);
      }}
      options={options.map((i) => ({ value: i.id, label: `${i.code} · ${en ? i.nameEn : i.nameZh}` }))}
    />
  );
}

/** The partner-stock flag: visible in the same view, held under an agreement, not owned. */
export function PartnerTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('stock.partnerHint')}>
      <Tag color="purple" data-testid="partner-tag">
        {t('stock.partner')}
      </Tag>
    </Tooltip>
  );
}

const NAV = [
  { path: '/stock', key: 'stock.nav.stock' },
  { path: '/stock/receive', key: 'stock.nav.receive' },
  { path: '/stock/transfers', key: 'stock.nav.transfers' },
  { path: '/stock/counts', key: 'stock.nav.counts' },
  { path: '/stock/shortfalls', key: 'stock.nav.shortfalls' },
  { path: '/stock/adjustments', key: 'stock.nav.adjustments', allowed: canWriteStock },
  { path: '/stock/quarantine', key: 'stock.nav.quarantine' },
  { path: '/stock/write-offs', key: 'stock.nav.writeOffs' },
  { path: '/stock/kits', key: 'stock.nav.kits' },
  { path: '/stock/assets', key: 'stock.nav.assets' },
  { path: '/stock/import', key: 'stock.nav.import' },
] as const satisfies readonly { path: string; key: string; allowed?: (role: Role) => boolean }[];

/** The stock pages' own navigation (the side menu shows one 库存 entry); pages the role may not use are left out. */
export function StockNav({ active }: { active: (typeof NAV)[number]['path'] }) {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
      <Segmented
        value={active}
        data-testid="stock-nav"
        onChange={(path) => navigate(path)}
        options={NAV.filter((n) => !('allowed' in n) || n.allowed(user.role)).map((n) => ({
          value: n.path,
          label: <span data-testid={`stock-nav-${n.path.split('/')[2] ?? 'stock'}`}>{t(n.key)}</span>,
        }))}
      />
    </div>
  );
}
