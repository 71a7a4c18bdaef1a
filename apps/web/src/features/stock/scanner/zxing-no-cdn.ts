/**
 * zxing-wasm's default `locateFile` points at a CDN (jsdelivr). We always pass our own URL (see
 * zxing-reader.ts), but the default string would still ship in the bundle; this Vite plugin rewrites
 * it to a same-origin path at build time, so the built app names no CDN at all. Pure function + plugin
 * factory, imported by vite.config.ts and tested in Node.
 */
const CDN_PREFIX = /https?:\/\/(?:fastly\.|cdn\.|gcore\.)?(?:jsdelivr\.net|unpkg\.com)\/npm\/zxing-wasm@[^/`'"]+\/dist\//g;

/** Rewrites any CDN prefix of zxing-wasm's .wasm URL to a same-origin path. */
export function stripZxingCdn(code: string): string {
  return code.replace(CDN_PREFIX, '/zxing-wasm-not-configured/');
}

/** Names a CDN host anywhere in the text (used by the tests on the built files). */
export function mentionsCdn(text: string): boolean {
  return /jsdelivr|unpkg\.com/i.test(text);
}

export function zxingNoCdnPlugin() {
  return {
    name: 'zhanqin:zxing-no-cdn',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!id.includes('zxing-wasm')) return null;
      const stripped = stripZxingCdn(code);
      return stripped === code ? null : { code: stripped, map: null };
    },
  };
}
