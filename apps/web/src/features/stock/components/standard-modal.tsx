import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Item } from '@zhanqin/contracts';
import { ApiError } from '../../../lib/api-client.ts';
import { errorText } from '../../../lib/error-text.ts';
import { resolveLanguage } from '../../../lib/i18n/languages.ts';
import { useRequest } from '../../../lib/use-request.ts';
import { getItem, listReserveStandards, setReserveStandard } from '../api/stock.api.ts';
import { formFields, standardProblems, toStandardBody, type StandardProblem } from '../standard-form.ts';
import { ItemSelect, NodeSelect, useNodeName, useNodes } from './pickers.tsx';

/** Where the modal starts: a node × item row being edited, or nothing for a new standard. */
export type StandardStart = { nodeId?: string; itemId?: string; minReserve?: number | null; target?: number | null };

/**
 * Sets the reserve standard of one item at one node: minimum, target (never below the minimum) and
 * backup ratio. The stored standard is read first, so the node's ratio override shows and an
 * untouched form saves it unchanged; saving a blank ratio clears it (the item's own ratio applies).
 */
export function StandardModal({
  start,
  onClose,
  onSaved,
}: {
  /** Open when set; remount (key) to start over. */
  start: StandardStart | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = resolveLanguage(i18n.language) === 'en';
  const { nodes, byId } = useNodes();
  const nodeName = useNodeName();
  const editing = Boolean(start?.nodeId && start.itemId);
  const [nodeId, setNodeId] = useState(start?.nodeId);
  const [item, setItem] = useState<Item>();
  const known = useRequest(
    (signal) => (start?.itemId ? getItem(start.itemId, signal) : Promise.resolve(undefined)),
    ['standard-item', start?.itemId],
  );
  const chosen = item ?? known.data;
  const itemId = chosen?.id ?? start?.itemId;
  const stored = useRequest(
    async (signal) =>
      nodeId && itemId
        ? ((await listReserveStandards({ nodeId, itemId, limit: 1, offset: 0 }, signal)).items.find(
            (s) => s.nodeId === nodeId && s.itemId === itemId,
          ) ?? null)
        : undefined,
    ['standard-stored', nodeId, itemId],
  );
  const [typedMin, setMin] = useState<number | null>();
  const [typedTarget, setTarget] = useState<number | null>();
  const [typedRatio, setRatio] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const { minReserve, target, backupRatio } = formFields(
    { minReserve: typedMin, target: typedTarget, backupRatio: typedRatio },
    { minReserve: start?.minReserve, target: start?.target },
    stored.data,
  );
  const draft = { nodeId, itemId, minReserve, target, backupRatio };
  const problems = standardProblems(draft);
  // Saving before the stored ratio is known could clear it.
  const storedUnknown = Boolean(nodeId && itemId) && (stored.loading || stored.error !== undefined);
  // A figure is flagged once typed; an empty form only keeps the button disabled.
  const flag = (p: StandardProblem, touched: boolean) =>
    problems.includes(p) && touched ? { validateStatus: 'error' as const, help: t(`stock.standardEdit.problem.${p}`) } : {};

  const save = async () => {
    if (problems.length) return;
    setSaving(true);
    setError(undefined);
    try {
      await setReserveStandard(toStandardBody(draft));
      onSaved();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'CLIENT_ERROR', String(cause)));
    } finally {
      setSaving(false);
    }
  };

  const itemLabel = chosen ? `${chosen.code} ${en ? chosen.nameEn : chosen.nameZh}` : '';
  return (
    <Modal
      open={start !== undefined}
      title={
        editing
          ? t('stock.standardEdit.title', { item: itemLabel, node: nodeName(byId.get(nodeId ?? '')) })
          : t('stock.standardEdit.newTitle')
      }
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      okButtonProps={{
        disabled: problems.length > 0 || storedUnknown,
        loading: saving,
        ...({ 'data-testid': 'standard-save' } as object),
      }}
      destroyOnHidden
    >
      <Form layout="vertical" data-testid="standard-form" component="div">
        {!editing && (
          <Space wrap style={{ marginBottom: 16 }}>
            <NodeSelect nodes={nodes} value={nodeId} onChange={setNodeId} allowClear={false} testId="standard-node" />
            <ItemSelect value={chosen?.id} initial={chosen} onChange={setItem} testId="standard-item" />
          </Space>
        )}
        <Space wrap align="start">
          <Form.Item label={t('stock.minReserve')} {...flag('minReserve', minReserve !== null)}>
            <InputNumber min={0} precision={0} value={minReserve} onChange={setMin} data-testid="standard-min" />
          </Form.Item>
          <Form.Item
            label={t('stock.target')}
            {...flag('target', target !== null)}
            {...flag('target-below-minimum', target !== null && minReserve !== null)}
          >
            <InputNumber min={0} precision={0} value={target} onChange={setTarget} data-testid="standard-target" />
          </Form.Item>
          <Form.Item
            label={t('stock.standardEdit.backupRatio')}
            extra={
              chosen?.backupRatio
                ? t('stock.standardEdit.itemDefault', { ratio: chosen.backupRatio })
                : t('stock.standardEdit.backupRatioHint')
            }
            {...flag('backupRatio', true)}
          >
            <Input
              value={backupRatio}
              onChange={(e) => setRatio(e.target.value)}
              placeholder={t('stock.standardEdit.backupRatioPlaceholder')}
              style={{ width: 160 }}
              data-testid="standard-ratio"
            />
          </Form.Item>
        </Space>
        {problems.includes('target-below-minimum') && (
          <Typography.Text type="danger" data-testid="standard-problem">
            {t('stock.standardEdit.problem.target-below-minimum')}
          </Typography.Text>
        )}
        {stored.error && (
          <Alert
            type="error"
            showIcon
            title={errorText(stored.error, t)}
            action={<a onClick={stored.reload}>{t('common.retry')}</a>}
          />
        )}
        {error && <Alert type="error" showIcon title={errorText(error, t)} data-testid="standard-error" />}
      </Form>
    </Modal>
  );
}
