import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const walk = async (dir: string): Promise<string[]> =>
  (await Promise.all((await readdir(dir, { withFileTypes: true })).map((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])))).flat();

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy next to every text file
 * under `dir`: the app's build (vite.config.ts) and the canvas bench's Excalidraw page
 * (bench/excalidraw/vite.config.ts) are served compressed the same way. Source maps, files under
 * 1 KiB and files that would not get smaller are left as they are.
 */
export async function precompressDir(dir: string): Promise<void> {
  const files = (await walk(dir)).filter((f) => /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/.test(f));
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
}
