import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { Button, Input, Space, type InputRef } from 'antd';
import { CameraOutlined, ScanOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { splitScans } from '../scan.ts';
import { CameraScanner } from './camera-scanner.tsx';

export type ScanInputProps = {
  /** Called once per scanned code (already cleaned; QR links reduced to their code). */
  onScan: (code: string) => void | Promise<void>;
  placeholder?: string;
  disabled?: boolean;
  /** Focus the field when it appears, so a handheld can scan at once. */
  autoFocus?: boolean;
  testId?: string;
};
export type ScanInputHandle = { focus: () => void };

/**
 * One scan field for every kind of scanner: a keyboard-wedge handheld types the code and Enter (one
 * scan; pasted lists give one scan per line), and the 摄像头 button decodes with the phone camera.
 * The field keeps focus after each scan, ready for the next.
 */
export const ScanInput = forwardRef<ScanInputHandle, ScanInputProps>(function ScanInput(
  { onScan, placeholder, disabled, autoFocus, testId = 'scan-input' },
  ref,
) {
  const { t } = useTranslation();
  const inputRef = useRef<InputRef>(null);
  const [value, setValue] = useState('');
  const [cameraOpen, setCameraOpen] = useState(false);
  useImperativeHandle(ref, () => ({ focus: () => inputRef.current?.focus() }), []);

  const submit = async (text: string) => {
    setValue('');
    for (const code of splitScans(text)) await onScan(code);
    inputRef.current?.focus();
  };

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        ref={inputRef}
        value={value}
        disabled={disabled}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        prefix={<ScanOutlined />}
        placeholder={placeholder ?? t('stock.scan.placeholder')}
        aria-label={t('stock.scan.label')}
        data-testid={testId}
        onChange={(e) => setValue(e.target.value)}
        onPressEnter={(e) => {
          e.preventDefault();
          void submit(value);
        }}
        onPaste={(e) => {
          const text = e.clipboardData.getData('text');
          if (/[\r\n\t]/.test(text)) {
            e.preventDefault();
            void submit(text);
          }
        }}
      />
      <Button icon={<CameraOutlined />} disabled={disabled} onClick={() => setCameraOpen(true)} data-testid={`${testId}-camera`}>
        {t('stock.scan.camera')}
      </Button>
      <CameraScanner
        open={cameraOpen}
        onClose={() => {
          setCameraOpen(false);
          inputRef.current?.focus();
        }}
        onCode={(code) => void submit(code)}
      />
    </Space.Compact>
  );
});
