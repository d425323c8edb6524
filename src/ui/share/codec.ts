/**
 * Share links: a workspace as `#share=v1.<base64url(deflate(JSON))>`. Pure (no DOM, no store):
 * encodeShareWorkspace builds the payload, decodeSharePayload reads one back and returns either
 * the workspace or an error value; it never throws, whatever the text (truncated, altered, crafted).
 * Order of checks: length, version, alphabet, inflate with an output cap, UTF-8, JSON, shape.
 */
import { decodeBase64url, encodeBase64url } from './base64url.ts';
import { deflateBytes, inflateBytes } from './inflate.ts';
import { MAX_INFLATED_BYTES, MAX_PAYLOAD_CHARS, SHARE_KEY, SHARE_VERSION } from './limits.ts';
import { checkSharePayload, toSharePayload, type ShareError, type SharedWorkspace } from './shared-workspace.ts';

export type ShareDecodeResult = { readonly ok: true; readonly workspace: SharedWorkspace } | { readonly ok: false; readonly error: ShareError };
export type ShareEncodeResult = { readonly ok: true; readonly payload: string } | { readonly ok: false; readonly error: ShareError };

const FRAGMENT_PREFIX = `${SHARE_KEY}=`;

function failure(code: ShareError['code'], message: string): { ok: false; error: ShareError } {
  return { ok: false, error: { code, message } };
}

/** `v1.<base64url>` for a workspace, or an error when it is too large for a link. */
export function encodeShareWorkspace(workspace: SharedWorkspace): ShareEncodeResult {
  const json = new TextEncoder().encode(JSON.stringify(toSharePayload(workspace)));
  if (json.length > MAX_INFLATED_BYTES) {
    return failure('SHARE_TOO_LARGE', `This workspace is too large for a link (${formatBytes(json.length)}; a link holds at most ${formatBytes(MAX_INFLATED_BYTES)}). Use Export… instead.`);
  }
  const payload = `${SHARE_VERSION}.${encodeBase64url(deflateBytes(json))}`;
  if (payload.length > MAX_PAYLOAD_CHARS) {
    return failure('SHARE_TOO_LONG', `This workspace makes a link of ${payload.length.toLocaleString('en')} characters, more than a link may hold. Use Export… instead.`);
  }
  return { ok: true, payload };
}

/** The share payload in a URL fragment (`#share=…`), or undefined when the fragment holds none. */
export function findSharePayload(hash: string): string | undefined {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  return fragment.startsWith(FRAGMENT_PREFIX) ? fragment.slice(FRAGMENT_PREFIX.length) : undefined;
}

/** The fragment (with `#`) for a payload. */
export function shareFragment(payload: string): string {
  return `#${FRAGMENT_PREFIX}${payload}`;
}

/** The workspace a payload carries, or why it cannot be opened. Never throws. */
export function decodeSharePayload(text: string): ShareDecodeResult {
  try {
    return decodeChecked(text);
  } catch {
    // Every step above returns error values; this is the last guard (an engine limit, say).
    return failure('SHARE_CORRUPT', 'This link is damaged: its content could not be read.');
  }
}

function decodeChecked(text: string): ShareDecodeResult {
  if (text.length > MAX_PAYLOAD_CHARS) {
    return failure('SHARE_TOO_LONG', `This link is too long to open (${text.length.toLocaleString('en')} characters; at most ${MAX_PAYLOAD_CHARS.toLocaleString('en')}).`);
  }
  const dot = text.indexOf('.');
  const version = dot < 0 ? '' : text.slice(0, dot);
  if (version !== SHARE_VERSION) {
    return /^v\d{1,6}$/.test(version)
      ? failure('SHARE_VERSION', `This link was made by another version of netpol-canvas (format ${version}); this one reads ${SHARE_VERSION} links.`)
      : failure('SHARE_NOT_A_LINK', 'This is not a netpol-canvas share link: it has no format version.');
  }
  const bytes = decodeBase64url(text.slice(dot + 1));
  if (!bytes) {
    return failure('SHARE_BASE64', 'This link is damaged: it has characters a share link never has (was it changed when it was copied?).');
  }
  const inflated = inflateBytes(bytes, MAX_INFLATED_BYTES);
  if (!inflated.ok) {
    return inflated.reason === 'too-large'
      ? failure('SHARE_TOO_LARGE', `This link unpacks to more than ${formatBytes(MAX_INFLATED_BYTES)}, more than a workspace link may hold.`)
      : failure('SHARE_CORRUPT', 'This link is damaged or incomplete: it may have been cut short when it was copied.');
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return failure('SHARE_NOT_JSON', 'This link is damaged: its content is not text.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return failure('SHARE_NOT_JSON', 'This link is damaged: its content is not a workspace.');
  }
  const checked = checkSharePayload(parsed);
  return checked.ok ? { ok: true, workspace: checked.value } : checked;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
