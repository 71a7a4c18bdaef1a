import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { zxingNoCdnPlugin } from './src/features/stock/scanner/zxing-no-cdn.ts';

/**
 * Builds the web shell into apps/web/dist, which the server serves at `/`. Everything it needs
 * (the schematic map, icons) is bundled: the build and the app work without a network.
 * The camera scanner's zxing-wasm .wasm is bundled as an asset too (`?url` import); zxingNoCdnPlugin()
 * removes the library's CDN default from the bundle, so nothing is fetched from a CDN.
 * `vite dev` proxies /api to a running server (ZHANQIN_API, default http://127.0.0.1:8080, the server's default port).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), zxingNoCdnPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd and echarts are large on their own; the warning is expected (see STACK-NOTES).
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env['ZHANQIN_API'] ?? 'http://127.0.0.1:8080' },
  },
});
