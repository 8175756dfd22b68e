import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompressDir } from './scripts/precompress';

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy next to every text file of
 * the build, once, so the server (sirv, `brotli: true, gzip: true`) sends them to browsers that
 * accept them instead of compressing on every request, or not at all. Runs after the PWA plugin
 * has written the service worker, so that is compressed too; the precache lists the files
 * themselves, and a browser that fetches one gets it decoded as it was. Source maps are left
 * as they are (only developer tools load them), as is any file under 1 KiB or that would not
 * get smaller.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'waymark:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        await precompressDir(outDir);
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    // An installable app that opens with no network: Workbox precaches the built app, and every
    // map lives in IndexedDB, so after the first visit the library and all maps open offline.
    VitePWA({
      registerType: 'autoUpdate',
      // registered by the app once its first screen has painted (src/app/serviceWorker.ts), not at load
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: 'Waymark — customer journey maps',
        short_name: 'Waymark',
        description: 'Local-first, collaborative customer journey mapping.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f8fafc',
        theme_color: '#1e293b',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: '/index.html',
        // server endpoints are never answered from the cache
        navigateFallbackDenylist: [/^\/healthz/, /^\/metrics/, /^\/api\//, /^\/sync\//],
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
  },
});
