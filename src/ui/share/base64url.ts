/**
 * Base64url (RFC 4648 §5, no padding) for the bytes of a share link. Strict: any character
 * outside the alphabet, or a length no encoder produces, is an error value, never a guess.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const left = bytes.length - i;
    chunk += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    if (left > 1) chunk += ALPHABET[(n >> 6) & 63]!;
    if (left > 2) chunk += ALPHABET[n & 63]!;
    if (chunk.length >= 4096) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** The bytes, or undefined when `text` is not unpadded base64url. */
export function decodeBase64url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    const count = Math.min(4, text.length - i);
    for (let j = 0; j < 4; j++) {
      let v = 0;
      if (j < count) {
        const code = text.charCodeAt(i + j);
        v = code < 128 ? VALUES[code]! : -1;
        if (v < 0) return undefined;
      }
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 255;
    if (count > 2) out[o++] = (n >> 8) & 255;
    if (count > 3) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}
