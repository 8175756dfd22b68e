import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  const walk = async (dir: string): Promise<string[]> =>
    (await Promise.all((await readdir(dir, { withFileTypes: true })).map((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])))).flat();
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
        const files = (await walk(EXCALIDRAW_OUT_DIR)).filter((f) => /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/.test(f));
        await Promise.all(
          files.map(async (file) => {
            if ((await stat(file)).size < 1024) return;
            const raw = await readFile(file);
            const [br, gzipped] = await Promise.all([
              brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
              gz(raw, { level: 9 }),
            ]);
            if (br.length < raw.length) await writeFile(`${file}.br`, br);
            if (gzipped.length < raw.length) await writeFile(`${file}.gz`, gzipped);
          }),
        );
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
