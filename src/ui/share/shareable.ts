/**
 * The workspace as it may travel in a link. Names a link cannot carry (markup characters, control
 * characters, empty folder parts: possible in imported files) are replaced by close, unique ones;
 * the title is cut to its limit; positions that are not finite numbers are left out. The share
 * dialog says when anything was changed.
 */
import type { ManifestFile } from '../../core/index.ts';
import { MAX_COORDINATE, MAX_FILE_NAME_CHARS, MAX_NODE_ID_CHARS, MAX_TITLE_CHARS } from './limits.ts';
import { FORBIDDEN_IN_NAME, INVISIBLE, RESERVED_KEYS, checkFileName, type SharedGuide, type SharedWorkspace } from './shared-workspace.ts';

export interface WorkspaceToShare {
  readonly title: string;
  readonly files: readonly ManifestFile[];
  readonly activeFile: string;
  readonly positions: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
  readonly guide?: SharedGuide | undefined;
  readonly presentation?: boolean;
}

export interface Shareable {
  readonly workspace: SharedWorkspace;
  /** Files whose names had to change, old name → new name. */
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
}

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
const FORBIDDEN_ALL = new RegExp(FORBIDDEN_IN_NAME.source, 'g');

function cleanName(name: string): string {
  const parts = name
    .replace(INVISIBLE_ALL, '')
    .replace(FORBIDDEN_ALL, '_')
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== '.')
    .map((part) => (part === '..' || RESERVED_KEYS.has(part) ? `_${part}_` : part));
  const joined = truncate(parts.join('/'), MAX_FILE_NAME_CHARS).replace(/\/+$/, '').trim();
  return checkFileName(joined) === undefined ? joined : 'file.yaml';
}

/** At most `max` UTF-16 units, never cutting a character in two. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let i = 2; ; i++) {
    const suffixed = `${stem.slice(0, Math.max(0, MAX_FILE_NAME_CHARS - ext.length - 8))}-${i}${ext}`;
    const candidate = checkFileName(suffixed) === undefined ? suffixed : `file-${i}.yaml`;
    if (!taken.has(candidate)) return candidate;
  }
}

function isPoint(p: { x: number; y: number }): boolean {
  return Number.isFinite(p.x) && Number.isFinite(p.y) && Math.abs(p.x) <= MAX_COORDINATE && Math.abs(p.y) <= MAX_COORDINATE;
}

export function makeShareable(input: WorkspaceToShare): Shareable {
  const taken = new Set<string>();
  const renamed: { from: string; to: string }[] = [];
  const names = new Map<string, string>();
  const files = input.files.map((file) => {
    const clean = checkFileName(file.name) === undefined && !taken.has(file.name) ? file.name : uniqueName(cleanName(file.name), taken);
    taken.add(clean);
    if (clean !== file.name) renamed.push({ from: file.name, to: clean });
    if (!names.has(file.name)) names.set(file.name, clean);
    return { name: clean, text: file.text };
  });
  const positions = Object.fromEntries(
    Object.entries(input.positions)
      .filter(([id, p]) => id.length > 0 && id.length <= MAX_NODE_ID_CHARS && !RESERVED_KEYS.has(id) && !INVISIBLE.test(id) && isPoint(p))
      // JSON has no -0: store +0 so what is shared is what is restored.
      .map(([id, p]) => [id, { x: p.x + 0, y: p.y + 0 }]),
  );
  const title = truncate(input.title.replace(INVISIBLE_ALL, ' '), MAX_TITLE_CHARS);
  return {
    workspace: {
      title,
      files,
      activeFile: names.get(input.activeFile),
      positions,
      guide: input.guide,
      presentation: input.presentation ?? false,
    },
    renamed,
  };
}
