import { cp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompressDir } from '../../scripts/precompress';

const here = path.dirname(fileURLToPath(import.meta.url));
/** git-ignored (`dist/` in .gitignore); canvas.bench.ts builds into it and serves it */
export const EXCALIDRAW_OUT_DIR = path.join(here, 'dist');

/**
 * After the build: copies Excalidraw's fonts next to the page (window.EXCALIDRAW_ASSET_PATH = '/',
 * see assetPath.ts), then writes brotli and gzip copies of every text file exactly as the app's
 * own build does (vite.config.ts, `precompress`), so the one static server sends both apps
 * compressed the same way.
 */
function fontsAndPrecompress(): Plugin {
  return {
    name: 'bench:fonts-and-precompress',
    apply: 'build',
    enforce: 'post',
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const fonts = path.join(path.dirname(fileURLToPath(import.meta.resolve('@excalidraw/excalidraw'))), 'fonts');
        await cp(fonts, path.join(EXCALIDRAW_OUT_DIR, 'fonts'), { recursive: true });
        await precompressDir(EXCALIDRAW_OUT_DIR);
      },
    },
  };
}

export default defineConfig({
  root: here,
  // public/asset-path.js: where the fonts are
  publicDir: path.join(here, 'public'),
  plugins: [react(), fontsAndPrecompress()],
  build: {
    outDir: EXCALIDRAW_OUT_DIR,
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
  },
  logLevel: 'warn',
});
