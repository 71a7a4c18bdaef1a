import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeOfScan } from '../scan.ts';

const require = createRequire(import.meta.url);
const dist = (entry: string) => path.join(path.dirname(require.resolve(entry)), '../..');
const bytes = (file: string) => {
  const b = readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('the shipped zxing reader .wasm decodes labels', () => {
  it('reads a QR code of an asset code and a Code 128 barcode, with the .wasm given locally (no fetch)', async () => {
    const writer = await import('zxing-wasm/full');
    writer.prepareZXingModule({ overrides: { wasmBinary: bytes(path.join(dist('zxing-wasm/full'), 'full/zxing_full.wasm')) } });
    const reader = await import('zxing-wasm/reader');
    // The very file the app bundles (`zxing-wasm/reader/zxing_reader.wasm?url`).
    reader.prepareZXingModule({ overrides: { wasmBinary: bytes(require.resolve('zxing-wasm/reader/zxing_reader.wasm')) } });

    const qr = await writer.writeBarcode('zq:asset:GZ-LPS-000029C', { format: 'QRCode', scale: 4 });
    const [read] = await reader.readBarcodes(qr.image!, { formats: ['QRCode'] });
    expect(read?.isValid).toBe(true);
    expect(codeOfScan(read?.text ?? '')).toBe('GZ-LPS-000029C');

    const bar = await writer.writeBarcode('SN-2026-0001', { format: 'Code128', scale: 3 });
    const [line] = await reader.readBarcodes(bar.image!, { formats: ['Code128'] });
    expect(line?.text).toBe('SN-2026-0001');
  }, 30_000);
});
