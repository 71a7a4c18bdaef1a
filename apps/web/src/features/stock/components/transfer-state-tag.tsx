import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATE_COLOURS, isTransferState } from '../transfer-view.ts';

export function TransferStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={isTransferState(state) ? STATE_COLOURS[state] : 'default'} data-testid="transfer-state" data-state={state}>
      {t(`stock.transfer.states.${state}`, { defaultValue: state })}
    </Tag>
  );
}
