import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { alarmLevelText } from '../../dispatch/reason-text.ts';
import { alarmColour } from '../../dispatch/plan-map-option.ts';

/** The alarm level as a tag: colour and the words "4 级（橙）" together, never colour alone. */
export function AlarmLevelTag({ level }: { level: number }) {
  const { t } = useTranslation();
  return (
    <Tag color={alarmColour(level)} data-testid="alarm-level" data-level={level} style={{ marginInlineEnd: 0 }}>
      {alarmLevelText(level, (key, vars) => t(key, vars))}
    </Tag>
  );
}
