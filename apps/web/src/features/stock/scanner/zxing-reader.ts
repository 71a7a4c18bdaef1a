/**
 * The camera decoder: zxing-wasm's reader, its WebAssembly served from our own build (Vite copies
 * the .wasm into dist/assets and gives its hashed URL). Nothing is fetched from a CDN; loaded on
 * demand, so the rest of the app does not carry the decoder.
 */
import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

export const ZXING_WASM_URL: string = wasmUrl;

let prepared = false;
function prepare(): void {
  if (prepared) return;
  prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? ZXING_WASM_URL : prefix + path),
    },
  });
  prepared = true;
}

/** Decodes QR codes and the common 1D barcodes in one camera frame. */
export async function decodeFrame(image: ImageData): Promise<string[]> {
  prepare();
  const results: ReadResult[] = await readBarcodes(image, {
    tryHarder: true,
    formats: ['QRCode', 'DataMatrix', 'Code128', 'Code39', 'EAN-13', 'EAN-8', 'ITF'],
    maxNumberOfSymbols: 4,
  });
  return results.filter((r) => r.isValid && r.text).map((r) => r.text);
}
