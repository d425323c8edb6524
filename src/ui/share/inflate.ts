/**
 * Raw DEFLATE in and out (fflate). Inflating streams the input in small chunks and stops as soon
 * as the output passes a limit, so a small payload that would inflate to gigabytes costs at most
 * the limit plus one chunk's worth.
 */
import { Inflate, deflateSync } from 'fflate';
import { INFLATE_CHUNK_BYTES } from './limits.ts';

export function deflateBytes(bytes: Uint8Array): Uint8Array {
  return deflateSync(bytes, { level: 9, mem: 8 });
}

export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'corrupt' | 'too-large' };

class OutputLimit extends Error {}

export function inflateBytes(compressed: Uint8Array, maxBytes: number): InflateResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > maxBytes) throw new OutputLimit();
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    if (compressed.length === 0) return { ok: false, reason: 'corrupt' };
    for (let at = 0; at < compressed.length; at += INFLATE_CHUNK_BYTES) {
      const end = Math.min(at + INFLATE_CHUNK_BYTES, compressed.length);
      inflater.push(compressed.subarray(at, end), end === compressed.length);
    }
  } catch (error) {
    return { ok: false, reason: error instanceof OutputLimit ? 'too-large' : 'corrupt' };
  }
  if (!ended) return { ok: false, reason: 'corrupt' };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes };
}
