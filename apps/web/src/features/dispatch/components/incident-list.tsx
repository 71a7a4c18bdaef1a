import { Checkbox, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import type { Incident } from '../../incidents/api/incidents.api.ts';
import { AlarmLevelTag } from '../../incidents/components/alarm-level-tag.tsx';
import { IncidentStateTag } from '../../incidents/components/incident-state-tag.tsx';

type Props = {
  incidents: Incident[];
  activeId: string | undefined;
  checkedIds: string[];
  onActivate: (id: string) => void;
  onToggle: (id: string, checked: boolean) => void;
};

/** Incidents newest first: number, type, state, exercise badge, alarm level in words, priority; a tick box for joint planning. */
export function IncidentList({ incidents, activeId, checkedIds, onActivate, onToggle }: Props) {
  const { t, i18n } = useTranslation();
  const language = resolveLanguage(i18n.language);
  if (incidents.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.noIncidents')} />;
  return (
    <ul data-testid="incident-list" style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 560, overflowY: 'auto' }}>
      {incidents.map((incident) => {
        const active = incident.id === activeId;
        const plannable = incident.state === 'open' || incident.state === 'dispatched';
        return (
          <li
            key={incident.id}
            data-incident-number={incident.number}
            data-incident-state={incident.state}
            onClick={() => onActivate(incident.id)}
            style={{
              display: 'flex',
              gap: 8,
              padding: '8px 12px',
              borderBottom: '1px solid #f0f0f0',
              cursor: 'pointer',
              background: active ? '#fff1f0' : undefined,
              borderLeft: active ? '3px solid #cf1322' : '3px solid transparent',
            }}
          >
            <Checkbox
              checked={checkedIds.includes(incident.id)}
              disabled={!plannable}
              onClick={(event) => event.stopPropagation()}
              onChange={(event) => onToggle(incident.id, event.target.checked)}
              aria-label={incident.number}
              data-testid="incident-check"
            />
            <div style={{ flex: 1, minWidth: 0 }}>
              <Space size={6} wrap>
                <Typography.Text strong>{incident.number}</Typography.Text>
                <Typography.Text>{language === 'en' ? incident.typeNameEn : incident.typeNameZh}</Typography.Text>
              </Space>
              {incident.title && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {incident.title}
                  </Typography.Text>
                </div>
              )}
              <Space size={4} wrap style={{ marginTop: 4 }}>
                <AlarmLevelTag level={incident.alarmLevel} />
                <Tag style={{ marginInlineEnd: 0 }}>{t('dispatch.priority', { priority: incident.priority })}</Tag>
                <IncidentStateTag state={incident.state} isExercise={incident.isExercise} />
              </Space>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
