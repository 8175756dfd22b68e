import { Inflate } from 'fflate';

/**
 * A bounded zip reader for files from outside (space exports, src/export/spaceArchive.ts). It
 * walks the central directory itself, so it can refuse before inflating anything: too many
 * entries, names that are not plain relative paths (`../x`, `/etc/x`, `C:\x`, backslashes),
 * encrypted or zip64 entries, methods other than stored and deflate, declared sizes over the
 * limits. Inflating then stops as soon as an entry's output passes what it declared or the
 * archive's total passes its limit (a zip bomb whose headers lie is cut off after at most one
 * chunk's worth of output), and each entry's CRC-32 is checked.
 *
 * Writing is fflate's `zipSync`; only reading needs this care.
 */

export interface ZipLimits {
  /** bytes of the zip file itself */
  archiveBytes: number;
  entries: number;
  /** uncompressed bytes of one entry */
  entryBytes: number;
  /** uncompressed bytes of all entries together */
  totalBytes: number;
}

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export type ZipReadResult = { ok: true; entries: ZipEntry[] } | { ok: false; path: string; message: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** compressed bytes handed to the inflater at a time: deflate expands at most ~1032:1, so one push yields at most ~16 MiB */
const CHUNK = 16 * 1024;

class ZipRefusal extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** A name the archive may hold: forward slashes, no empty, `.` or `..` segment, not absolute, no drive, no control characters. */
export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 512) return false;
  if (/[\u0000-\u001f\u007f\\:]/.test(name)) return false;
  if (name.startsWith('/')) return false;
  return name.split('/').every((seg, i, all) => (seg !== '' || i === all.length - 1) && seg !== '.' && seg !== '..');
}

export function readZip(bytes: Uint8Array, limits: ZipLimits): ZipReadResult {
  try {
    return { ok: true, entries: readEntries(bytes, limits) };
  } catch (error) {
    if (error instanceof ZipRefusal) return { ok: false, path: error.path, message: error.message };
    return { ok: false, path: '(file)', message: `is not a readable zip file: ${(error as Error).message}` };
  }
}

function readEntries(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  if (bytes.length > limits.archiveBytes) throw new ZipRefusal('(file)', `is too large (${mib(bytes.length)}); space exports are limited to ${mib(limits.archiveBytes)}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const inside = (at: number, length: number) => at >= 0 && length >= 0 && at + length <= bytes.length;

  // the end record: the last 22 bytes, or earlier by a comment of at most 65535 bytes
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD && at + 22 + u16(at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipRefusal('(file)', 'is not a zip file');
  const count = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryAt = u32(end + 16);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 8) !== count) throw new ZipRefusal('(file)', 'is a zip split over several files, which is not supported');
  if (count === 0xffff || directoryAt === 0xffffffff) throw new ZipRefusal('(file)', 'is a zip64 file, which is not supported');
  if (count > limits.entries) throw new ZipRefusal('(file)', `has ${count} entries; a space export holds at most ${limits.entries}`);
  if (!inside(directoryAt, directorySize) || directoryAt + directorySize > end) throw new ZipRefusal('(file)', 'has a damaged central directory');

  interface Found {
    name: string;
    method: number;
    crc: number;
    compressed: number;
    size: number;
    local: number;
  }
  const found: Found[] = [];
  const names = new Set<string>();
  let declaredTotal = 0;
  let at = directoryAt;
  for (let i = 0; i < count; i++) {
    if (!inside(at, 46) || u32(at) !== CENTRAL) throw new ZipRefusal('(file)', 'has a damaged central directory');
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const compressed = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const skip = nameLength + u16(at + 30) + u16(at + 32);
    const local = u32(at + 42);
    if (!inside(at + 46, skip)) throw new ZipRefusal('(file)', 'has a damaged central directory');
    const name = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    const shown = isSafeEntryName(name) ? name : JSON.stringify(name).slice(0, 120);
    if (!isSafeEntryName(name)) throw new ZipRefusal(shown, 'is not a plain relative path inside the archive (no "..", no leading "/", no drive, no backslash)');
    if (names.has(name)) throw new ZipRefusal(name, 'is in the archive twice');
    names.add(name);
    if (flags & 1) throw new ZipRefusal(name, 'is encrypted, which is not supported');
    if (method !== 0 && method !== 8) throw new ZipRefusal(name, `is compressed with method ${method}; only stored and deflate are supported`);
    if (size === 0xffffffff || compressed === 0xffffffff) throw new ZipRefusal(name, 'is a zip64 entry, which is not supported');
    if (size > limits.entryBytes) throw new ZipRefusal(name, `is ${mib(size)} uncompressed; an entry is limited to ${mib(limits.entryBytes)}`);
    declaredTotal += size;
    if (declaredTotal > limits.totalBytes) throw new ZipRefusal('(file)', `would be more than ${mib(limits.totalBytes)} uncompressed; a space export is limited to that`);
    if (name.endsWith('/')) continue; // a folder
    found.push({ name, method, crc, compressed, size, local });
  }

  const entries: ZipEntry[] = [];
  let total = 0;
  for (const entry of found) {
    if (!inside(entry.local, 30) || u32(entry.local) !== LOCAL) throw new ZipRefusal(entry.name, 'has a damaged header');
    const dataAt = entry.local + 30 + u16(entry.local + 26) + u16(entry.local + 28);
    if (!inside(dataAt, entry.compressed)) throw new ZipRefusal(entry.name, 'is cut off');
    const raw = bytes.subarray(dataAt, dataAt + entry.compressed);
    const data = entry.method === 0 ? raw.slice() : inflateBounded(raw, entry.name, entry.size, limits.totalBytes - total);
    if (data.length !== entry.size) throw new ZipRefusal(entry.name, `holds ${data.length} bytes but declares ${entry.size}`);
    if (crc32(data) !== entry.crc) throw new ZipRefusal(entry.name, 'is damaged (CRC-32 does not match)');
    total += data.length;
    entries.push({ name: entry.name, data });
  }
  return entries;
}

/** Inflates raw deflate data, refusing as soon as the output passes `declared` (what the entry said) or `room` (what the archive has left). */
function inflateBounded(raw: Uint8Array, name: string, declared: number, room: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const inflater = new Inflate((chunk) => {
    length += chunk.length;
    if (length > declared) throw new ZipRefusal(name, `inflates to more than the ${declared} bytes it declares (a zip bomb?); refused`);
    if (length > room) throw new ZipRefusal(name, 'inflates past the size limit of a space export; refused');
    chunks.push(chunk.slice());
  });
  for (let at = 0; at < raw.length; at += CHUNK) inflater.push(raw.subarray(at, Math.min(raw.length, at + CHUNK)), at + CHUNK >= raw.length);
  if (raw.length === 0) inflater.push(new Uint8Array(0), true);
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

let table: Uint32Array | null = null;

export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
