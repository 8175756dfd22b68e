/**
 * A file name from a map's title: characters that some system refuses (/ \ : * ? " < > |,
 * controls) and leading dots removed, whitespace collapsed, a Windows device name (CON, NUL…)
 * avoided, and the length kept well under every file system's limit.
 */
export function exportFileName(title: string, extension: string, fallback = 'journey-map'): string {
  let base = title
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[/\\:*?"<>|]+/g, ' ')
    .replace(/\.{2,}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[. ]+$/, '');
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = `${base}-map`;
  // 120 code points leaves room for the extension within 255 bytes of UTF-8 on most systems
  base = Array.from(base).slice(0, 80).join('').trim();
  return `${base || fallback}.${extension}`;
}
