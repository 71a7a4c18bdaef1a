import type { ReactNode } from 'react';
import { ApartmentOutlined, AppstoreOutlined, AuditOutlined, DeploymentUnitOutlined, TeamOutlined } from '@ant-design/icons';
import type { Role } from '../features/auth/api/auth.api.ts';
import { canManageUsers, canReadAudit } from '../features/auth/permissions.ts';
import { NetworkPage } from '../features/network/components/network-page.tsx';
import { NodesPage } from '../features/nodes/components/nodes-page.tsx';
import { CataloguePage } from '../features/catalogue/components/catalogue-page.tsx';
import { UsersPage } from '../features/users/components/users-page.tsx';
import { AuditPage } from '../features/audit/components/audit-page.tsx';

export type AppRoute = {
  path: string;
  /** i18n key of the menu label. */
  labelKey: string;
  icon: ReactNode;
  element: () => ReactNode;
  /** Who sees the menu entry and may open the page; everyone when absent. */
  allowed?: (role: Role) => boolean;
};

/** Every page of the app; only built pages are listed, so the menu has no dead links. */
export const ROUTES: AppRoute[] = [
  { path: '/', labelKey: 'menu.network', icon: <DeploymentUnitOutlined />, element: () => <NetworkPage /> },
  { path: '/catalogue', labelKey: 'menu.catalogue', icon: <AppstoreOutlined />, element: () => <CataloguePage /> },
  { path: '/nodes', labelKey: 'menu.nodes', icon: <ApartmentOutlined />, element: () => <NodesPage /> },
  { path: '/users', labelKey: 'menu.users', icon: <TeamOutlined />, element: () => <UsersPage />, allowed: canManageUsers },
  { path: '/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, element: () => <AuditPage />, allowed: canReadAudit },
];
