import { useEffect, useRef, useState } from 'react';
import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { cameraBlockedReason } from '../scan.ts';

type Props = { open: boolean; onClose: () => void; onCode: (code: string) => void };

/**
 * Opens the phone's rear camera and decodes QR codes and barcodes in the browser with zxing-wasm
 * (self-hosted .wasm, loaded on first use). The same code is reported once until it leaves the view.
 */
export function CameraScanner({ open, onClose, onCode }: Props) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string>();
  const [lastCode, setLastCode] = useState<string>();
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  const blocked =
    typeof window === 'undefined'
      ? 'unsupported'
      : cameraBlockedReason({
          isSecureContext: window.isSecureContext,
          hasMediaDevices: Boolean(navigator.mediaDevices?.getUserMedia),
        });

  useEffect(() => {
    if (!open || blocked) return undefined;
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let previous = '';
    setError(undefined);
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const tick = async (decode: (image: ImageData) => Promise<string[]>) => {
      const video = videoRef.current;
      if (stopped || !video || !context) return;
      if (video.readyState >= 2 && video.videoWidth > 0) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0);
        const codes = await decode(context.getImageData(0, 0, canvas.width, canvas.height)).catch(() => [] as string[]);
        const first = codes[0];
        if (first && first !== previous) {
          previous = first;
          setLastCode(first);
          onCodeRef.current(first);
        } else if (!first) previous = '';
      }
      if (!stopped) timer = setTimeout(() => void tick(decode), 250);
    };

    void (async () => {
      try {
        const [{ decodeFrame }, media] = await Promise.all([
          import('../scanner/zxing-reader.ts'),
          navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }),
        ]);
        stream = media;
        if (stopped) return;
        const video = videoRef.current;
        if (!video) return;
        video.srcObject = media;
        await video.play();
        void tick(decodeFrame);
      } catch (cause) {
        setError(cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause));
      }
    })();

    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [open, blocked]);

  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      title={t('stock.scan.cameraTitle')}
      destroyOnHidden
      data-testid="camera-scanner"
    >
      {blocked ? (
        <Alert
          type="warning"
          showIcon
          title={t(blocked === 'insecure' ? 'stock.scan.cameraInsecure' : 'stock.scan.cameraUnsupported')}
          data-testid="camera-blocked"
        />
      ) : (
        <>
          <video ref={videoRef} muted playsInline style={{ width: '100%', background: '#000', borderRadius: 6 }} />
          {error && <Alert type="error" showIcon title={t('stock.scan.cameraError', { error })} style={{ marginTop: 8 }} />}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {lastCode ? t('stock.scan.lastCode', { code: lastCode }) : t('stock.scan.cameraHint')}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
