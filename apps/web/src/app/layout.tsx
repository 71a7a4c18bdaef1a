import { useState, type ReactNode } from 'react';
import { Avatar, Button, Dropdown, Layout, Menu, Space, Tag, Typography } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { hrefOf } from '../lib/router.ts';
import { useSession, useUser } from '../features/auth/components/session-provider.tsx';
import { ChangePasswordModal } from '../features/auth/components/change-password-modal.tsx';
import { ROUTES } from './routes.tsx';

/** The shell: side menu, header with language switch and user menu, page content. */
export function AppLayout({ activePath, children }: { activePath: string; children: ReactNode }) {
  const { t } = useTranslation();
  const user = useUser();
  const { signOut, signedIn } = useSession();
  const [collapsed, setCollapsed] = useState(false);
  // On a phone (the picking page) the menu folds away completely instead of taking a third of the width.
  const [narrow, setNarrow] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(user.mustChangePassword);
  const visible = ROUTES.filter((route) => (!route.allowed || route.allowed(user.role)) && !route.menuParent);
  const menuKey = ROUTES.find((route) => route.path === activePath)?.menuParent ?? activePath;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="md"
        onBreakpoint={setNarrow}
        collapsedWidth={narrow ? 0 : 80}
        theme="light"
        width={200}
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            gap: 8,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {!collapsed && (
            <Typography.Text strong style={{ fontSize: 18 }}>
              {t('app.name')}
            </Typography.Text>
          )}
        </div>
        <Menu
          mode="inline"
          selectedKeys={[menuKey]}
          data-testid="side-menu"
          items={visible.map((route) => ({
            key: route.path,
            icon: route.icon,
            label: (
              <a href={hrefOf(route.path)} data-testid={`menu-${route.path === '/' ? 'network' : route.path.slice(1)}`}>
                {t(route.labelKey)}
              </a>
            ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', paddingInline: 24 }}>
          <Typography.Text style={{ color: '#fff', fontSize: 16, display: narrow ? 'none' : undefined }} data-testid="app-title">
            {t('app.fullName')} <span style={{ opacity: 0.7, fontSize: 13, marginLeft: 8 }}>{t('app.unit')}</span>
          </Typography.Text>
          <Space size="middle">
            <LanguageSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'role', disabled: true, label: `${t('auth.role')}: ${t(`roles.${user.role}`)}` },
                  { type: 'divider' },
                  {
                    key: 'password',
                    icon: <KeyOutlined />,
                    label: t('auth.changePassword'),
                    onClick: () => setPasswordOpen(true),
                  },
                  {
                    key: 'logout',
                    icon: <LogoutOutlined />,
                    label: t('auth.signOut'),
                    onClick: () => void signOut(),
                    danger: true,
                  },
                ],
              }}
            >
              <Button type="text" style={{ color: '#fff' }} data-testid="user-menu">
                <Space>
                  <Avatar size="small" icon={<UserOutlined />} />
                  <span data-testid="user-display-name">{user.displayName}</span>
                  <Tag color="red" style={{ marginInlineEnd: 0 }}>
                    {t(`roles.${user.role}`)}
                  </Tag>
                  <DownOutlined />
                </Space>
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24 }}>{children}</Layout.Content>
      </Layout>
      <ChangePasswordModal
        open={passwordOpen}
        required={user.mustChangePassword}
        onClose={() => setPasswordOpen(false)}
        onChanged={() => signedIn({ ...user, mustChangePassword: false })}
      />
    </Layout>
  );
}
