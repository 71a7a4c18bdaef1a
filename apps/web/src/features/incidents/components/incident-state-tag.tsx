import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../api/incidents.api.ts';

const STATE_COLOUR: Record<Incident['state'], string> = {
  open: 'processing',
  dispatched: 'warning',
  closed: 'default',
  cancelled: 'default',
};

/** State in words, plus an "exercise" badge for drills. */
export function IncidentStateTag({ state, isExercise }: { state: Incident['state']; isExercise: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Tag color={STATE_COLOUR[state]} data-testid="incident-state" style={{ marginInlineEnd: 0 }}>
        {t(`dispatch.state.${state}`)}
      </Tag>
      {isExercise && (
        <Tag color="purple" data-testid="exercise-badge" style={{ marginInlineEnd: 0 }}>
          {t('dispatch.exercise')}
        </Tag>
      )}
    </Space>
  );
}
