import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Builds the web shell into apps/web/dist, which the server serves at `/`. Everything it needs
 * (the schematic map, icons) is bundled: the build and the app work without a network.
 * `vite dev` proxies /api to a running server (ZHANQIN_API, default http://127.0.0.1:8080, the server's default port).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
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
