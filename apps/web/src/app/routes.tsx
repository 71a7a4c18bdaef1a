import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  DatabaseOutlined,
  DeploymentUnitOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { AimOutlined, BarcodeOutlined, FlagOutlined } from '@ant-design/icons';
import type { Role } from '../features/auth/api/auth.api.ts';
import { canManageUsers, canReadAudit, canWriteStock } from '../features/auth/permissions.ts';
import { NetworkPage } from '../features/network/components/network-page.tsx';
import { NodesPage } from '../features/nodes/components/nodes-page.tsx';
import { CataloguePage } from '../features/catalogue/components/catalogue-page.tsx';
import { UsersPage } from '../features/users/components/users-page.tsx';
import { AuditPage } from '../features/audit/components/audit-page.tsx';
import { DispatchPage } from '../features/dispatch/components/dispatch-page.tsx';
import { PickingPage } from '../features/picking/components/picking-page.tsx';
import { DepotPage } from '../features/depot/components/depot-page.tsx';
import { StockPage } from '../features/stock/components/stock-page.tsx';
import { ReceiptPage } from '../features/stock/components/receipt-page.tsx';
import { TransfersPage } from '../features/stock/components/transfers-page.tsx';
import { CountsPage } from '../features/stock/components/counts-page.tsx';
import { ShortfallsPage } from '../features/stock/components/shortfalls-page.tsx';
import { ImportPage } from '../features/stock/components/import-page.tsx';
import { AdjustmentsPage } from '../features/stock/components/adjustments-page.tsx';
import { QuarantinePage } from '../features/stock/components/quarantine-page.tsx';
import { WriteOffsPage } from '../features/stock/components/write-offs-page.tsx';
import { AssetPage } from '../features/stock/components/asset-page.tsx';
import { KitsPage } from '../features/stock/components/kits-page.tsx';

export type AppRoute = {
  path: string;
  /** i18n key of the menu label. */
  labelKey: string;
  icon: ReactNode;
  element: () => ReactNode;
  /** Who sees the menu entry and may open the page; everyone when absent. */
  allowed?: (role: Role) => boolean;
  /** A sub-page reached from its parent page's own navigation: no menu entry of its own, the parent's entry is highlighted. */
  menuParent?: string;
};

/** Every page of the app; only built pages are listed, so the menu has no dead links. */
export const ROUTES: AppRoute[] = [
  { path: '/', labelKey: 'menu.network', icon: <DeploymentUnitOutlined />, element: () => <NetworkPage /> },
  { path: '/catalogue', labelKey: 'menu.catalogue', icon: <AppstoreOutlined />, element: () => <CataloguePage /> },
  { path: '/nodes', labelKey: 'menu.nodes', icon: <ApartmentOutlined />, element: () => <NodesPage /> },
  { path: '/dispatch', labelKey: 'dispatch.menu.dispatch', icon: <AimOutlined />, element: () => <DispatchPage /> },
  { path: '/picking', labelKey: 'dispatch.menu.picking', icon: <BarcodeOutlined />, element: () => <PickingPage /> },
  // The incident is a query parameter (`#/depot?incident=<id>`): routes match whole paths.
  { path: '/depot', labelKey: 'dispatch.menu.depot', icon: <FlagOutlined />, element: () => <DepotPage /> },
  { path: '/stock', labelKey: 'stock.menu', icon: <DatabaseOutlined />, element: () => <StockPage /> },
  {
    path: '/stock/receive',
    labelKey: 'stock.nav.receive',
    icon: <DatabaseOutlined />,
    element: () => <ReceiptPage />,
    menuParent: '/stock',
  },
  {
    path: '/stock/transfers',
    labelKey: 'stock.nav.transfers',
    icon: <DatabaseOutlined />,
    element: () => <TransfersPage />,
    menuParent: '/stock',
  },
  {
    path: '/stock/counts',
    labelKey: 'stock.nav.counts',
    icon: <DatabaseOutlined />,
    element: () => <CountsPage />,
    menuParent: '/stock',
  },
  {
    path: '/stock/shortfalls',
    labelKey: 'stock.nav.shortfalls',
    icon: <DatabaseOutlined />,
    element: () => <ShortfallsPage />,
    menuParent: '/stock',
  },
  {
    path: '/stock/adjustments',
    labelKey: 'stock.nav.adjustments',
    icon: <DatabaseOutlined />,
    element: () => <AdjustmentsPage />,
    menuParent: '/stock',
    allowed: canWriteStock,
  },
  {
    path: '/stock/quarantine',
    labelKey: 'stock.nav.quarantine',
    icon: <DatabaseOutlined />,
    element: () => <QuarantinePage />,
    menuParent: '/stock',
  },
  {
    path: '/stock/write-offs',
    labelKey: 'stock.nav.writeOffs',
    icon: <DatabaseOutlined />,
    element: () => <WriteOffsPage />,
    menuParent: '/stock',
  },
  {
    // The node and the open box are query parameters (`#/stock/kits?nodeId=<id>&kit=<box asset id>`).
    path: '/stock/kits',
    labelKey: 'stock.nav.kits',
    icon: <DatabaseOutlined />,
    element: () => <KitsPage />,
    menuParent: '/stock',
  },
  {
    // The code is a query parameter (`#/stock/assets?code=LPS-000123`): routes match whole paths.
    path: '/stock/assets',
    labelKey: 'stock.nav.assets',
    icon: <DatabaseOutlined />,
    element: () => <AssetPage />,
    menuParent: '/stock',
  },
  {
    path: '/stock/import',
    labelKey: 'stock.nav.import',
    icon: <DatabaseOutlined />,
    element: () => <ImportPage />,
    menuParent: '/stock',
  },
  { path: '/users', labelKey: 'menu.users', icon: <TeamOutlined />, element: () => <UsersPage />, allowed: canManageUsers },
  { path: '/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, element: () => <AuditPage />, allowed: canReadAudit },
];
