import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mentionsCdn, stripZxingCdn, zxingNoCdnPlugin } from './zxing-no-cdn.ts';

const require = createRequire(import.meta.url);
const WEB = path.resolve(import.meta.dirname, '../../../..');

describe('zxing-wasm is served from our own build', () => {
  it("rewrites the library's CDN default so the bundle names no CDN", () => {
    const share = readFileSync(path.join(path.dirname(require.resolve('zxing-wasm/reader')), '../share.js'), 'utf8');
    expect(mentionsCdn(share)).toBe(true); // the library still defaults to a CDN: the plugin is needed
    expect(mentionsCdn(stripZxingCdn(share))).toBe(false);
    const plugin = zxingNoCdnPlugin();
    expect(plugin.transform(share, '/node_modules/zxing-wasm/dist/es/share.js')?.code).not.toMatch(/jsdelivr|unpkg/);
    expect(plugin.transform(share, '/src/other.ts')).toBeNull();
  });

  it('is wired into the Vite config, and the reader passes our own .wasm URL to locateFile', () => {
    expect(readFileSync(path.join(WEB, 'vite.config.ts'), 'utf8')).toContain('zxingNoCdnPlugin()');
    const reader = readFileSync(path.join(import.meta.dirname, 'zxing-reader.ts'), 'utf8');
    expect(reader).toContain("from 'zxing-wasm/reader/zxing_reader.wasm?url'");
    expect(reader).toMatch(/locateFile: .*ZXING_WASM_URL/);
    expect(mentionsCdn(reader)).toBe(false);
  });

  it('builds the reader with Vite into a chunk that names no CDN plus the .wasm as our own asset', async () => {
    const { build } = await import('vite');
    const output = await build({
      configFile: false,
      logLevel: 'silent',
      root: WEB,
      plugins: [zxingNoCdnPlugin()],
      build: { write: false, rollupOptions: { input: path.join(import.meta.dirname, 'zxing-reader.ts') } },
    });
    const results = (Array.isArray(output) ? output : [output]) as {
      output: { type: string; fileName: string; code?: string; source?: string | Uint8Array }[];
    }[];
    const files = results.flatMap((r) => r.output);
    expect(files.some((f) => f.type === 'asset' && /zxing_reader-.*\.wasm$/.test(f.fileName))).toBe(true);
    const chunks = files.filter((f) => f.type === 'chunk');
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.filter((f) => mentionsCdn(f.code ?? '')).map((f) => f.fileName)).toEqual([]);
  }, 60_000);
});
