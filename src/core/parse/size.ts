/**
 * The input size limit, checked before any parsing: a 20 MB paste is refused at once.
 */
import type { ManifestFile } from './types.ts';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** UTF-8 length of a string, without allocating. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Why the files are too large, or undefined. Cheap when clearly under or over the limit. */
export function checkSize(files: readonly ManifestFile[], maxBytes: number): string | undefined {
  let units = 0;
  for (const f of files) units += typeof f.text === 'string' ? f.text.length : 0;
  if (units * 3 <= maxBytes) return undefined;
  let bytes = units;
  if (units <= maxBytes) {
    bytes = 0;
    for (const f of files) bytes += utf8Length(f.text);
    if (bytes <= maxBytes) return undefined;
  }
  const size = units > maxBytes ? `at least ${formatMiB(bytes)}` : formatMiB(bytes);
  return `The input is ${size}, over the limit of ${formatMiB(maxBytes)}; nothing was imported. Split it into smaller pastes or files.`;
}
