/**
 * What a share link carries, and the shape check every decoded payload passes through before the
 * editor sees it. The check walks the parsed JSON field by field with the limits of limits.ts; any
 * surprise (an unknown field, a wrong type, a name with markup, a coordinate that is not a finite
 * number, a `__proto__` key) makes the whole payload an error value, never a partial workspace.
 */
import type { ManifestFile } from '../../core/index.ts';
import {
  MAX_COORDINATE,
  MAX_FILE_NAME_CHARS,
  MAX_FILES,
  MAX_GUIDE_STEP,
  MAX_NODE_ID_CHARS,
  MAX_POSITIONS,
  MAX_SCENARIO_ID_CHARS,
  MAX_TITLE_CHARS,
} from './limits.ts';

export interface SharedGuide {
  readonly scenarioId: string;
  readonly step: number;
}

/** A workspace as a link carries it. */
export interface SharedWorkspace {
  readonly title: string;
  readonly files: readonly ManifestFile[];
  /** The file shown in the YAML pane. */
  readonly activeFile: string | undefined;
  /** Dragged node positions, by canvas node id. */
  readonly positions: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
  /** The guided tour and step the sender was on (contract D), if any. */
  readonly guide: SharedGuide | undefined;
  readonly presentation: boolean;
}

export type ShareErrorCode =
  | 'SHARE_NOT_A_LINK'
  | 'SHARE_VERSION'
  | 'SHARE_TOO_LONG'
  | 'SHARE_BASE64'
  | 'SHARE_CORRUPT'
  | 'SHARE_TOO_LARGE'
  | 'SHARE_NOT_JSON'
  | 'SHARE_SHAPE';

export interface ShareError {
  readonly code: ShareErrorCode;
  /** One sentence for the person who opened the link. */
  readonly message: string;
  /** Where in the payload the shape check failed (`files[3][0]`). */
  readonly path?: string;
}

/** Wire form (v1): short keys, files as [name, text] pairs, positions as [x, y]. */
export interface SharePayloadV1 {
  t: string;
  f: [string, string][];
  a?: string;
  p?: Record<string, [number, number]>;
  g?: { s: string; n: number };
  m?: 1;
}

export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** Control characters and the bidirectional overrides that can disguise a name. */
export const INVISIBLE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** Markup, and what no file system or tab label should carry. */
export const FORBIDDEN_IN_NAME = /[<>:"\\|?*]/;
const SCENARIO_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Why `name` cannot travel in a link, or undefined when it can. */
export function checkFileName(name: string): string | undefined {
  if (name.length === 0) return 'a file name is empty';
  if (name.length > MAX_FILE_NAME_CHARS) return `a file name is longer than ${MAX_FILE_NAME_CHARS} characters`;
  if (INVISIBLE.test(name)) return 'a file name contains control characters';
  if (FORBIDDEN_IN_NAME.test(name)) return 'a file name contains one of < > : " \\ | ? *';
  if (name.trim() !== name) return 'a file name starts or ends with a space';
  if (name.split('/').some((part) => part === '' || part === '.' || part === '..' || RESERVED_KEYS.has(part))) {
    return 'a file name has an empty, "." or ".." folder part';
  }
  return undefined;
}

export function checkTitle(title: string): string | undefined {
  if (title.length > MAX_TITLE_CHARS) return `the title is longer than ${MAX_TITLE_CHARS} characters`;
  if (INVISIBLE.test(title)) return 'the title contains control characters';
  return undefined;
}

function checkNodeId(id: string): string | undefined {
  if (id.length === 0 || id.length > MAX_NODE_ID_CHARS) return 'a node id is empty or too long';
  if (RESERVED_KEYS.has(id)) return `"${id}" is not a node id`;
  if (INVISIBLE.test(id)) return 'a node id contains control characters';
  return undefined;
}

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_COORDINATE;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

type Checked<T> = { ok: true; value: T } | { ok: false; error: ShareError };

function shapeError(path: string, problem: string): { ok: false; error: ShareError } {
  return { ok: false, error: { code: 'SHARE_SHAPE', message: `The link's content is not a workspace: ${problem}.`, path } };
}

const TOP_KEYS = new Set(['t', 'f', 'a', 'p', 'g', 'm']);

function checkFiles(value: unknown): Checked<ManifestFile[]> {
  if (!Array.isArray(value)) return shapeError('f', 'the files are not a list');
  if (value.length > MAX_FILES) return shapeError('f', `there are more than ${MAX_FILES} files`);
  const files: ManifestFile[] = [];
  const names = new Set<string>();
  for (const [i, entry] of value.entries()) {
    if (!Array.isArray(entry) || entry.length !== 2) return shapeError(`f[${i}]`, 'a file is not a [name, text] pair');
    const [name, text] = entry as unknown[];
    if (typeof name !== 'string') return shapeError(`f[${i}][0]`, 'a file name is not text');
    const problem = checkFileName(name);
    if (problem) return shapeError(`f[${i}][0]`, problem);
    if (names.has(name)) return shapeError(`f[${i}][0]`, `two files are named "${name}"`);
    if (typeof text !== 'string') return shapeError(`f[${i}][1]`, 'a file’s content is not text');
    names.add(name);
    files.push({ name, text });
  }
  return { ok: true, value: files };
}

function checkPositions(value: unknown): Checked<SharedWorkspace['positions']> {
  if (value === undefined) return { ok: true, value: {} };
  if (!isRecord(value)) return shapeError('p', 'the positions are not an object');
  const entries = Object.entries(value);
  if (entries.length > MAX_POSITIONS) return shapeError('p', `there are more than ${MAX_POSITIONS} positions`);
  const positions: [string, { x: number; y: number }][] = [];
  for (const [id, point] of entries) {
    const problem = checkNodeId(id);
    if (problem) return shapeError('p', problem);
    if (!Array.isArray(point) || point.length !== 2 || !isCoordinate(point[0]) || !isCoordinate(point[1])) {
      return shapeError(`p[${JSON.stringify(id)}]`, 'a position is not two finite numbers');
    }
    positions.push([id, { x: point[0], y: point[1] }]);
  }
  // Object.fromEntries defines own properties: no key can reach a prototype.
  return { ok: true, value: Object.fromEntries(positions) };
}

function checkGuide(value: unknown): Checked<SharedGuide | undefined> {
  if (value === undefined) return { ok: true, value: undefined };
  if (!isRecord(value) || Object.keys(value).some((k) => k !== 's' && k !== 'n')) return shapeError('g', 'the guided step is not {s, n}');
  const { s, n } = value;
  if (typeof s !== 'string' || s.length > MAX_SCENARIO_ID_CHARS || !SCENARIO_ID.test(s)) return shapeError('g.s', 'the scenario id is not an id');
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_GUIDE_STEP) return shapeError('g.n', 'the step is not a small whole number');
  return { ok: true, value: { scenarioId: s, step: n } };
}

/** The workspace in a parsed payload, or the first thing wrong with it. */
export function checkSharePayload(value: unknown): Checked<SharedWorkspace> {
  if (!isRecord(value)) return shapeError('', 'it is not an object');
  const unknown = Object.keys(value).find((key) => !TOP_KEYS.has(key));
  if (unknown !== undefined) return shapeError(unknown, `unexpected field ${JSON.stringify(unknown.slice(0, 40))}`);
  const { t, a, m } = value;
  if (typeof t !== 'string') return shapeError('t', 'the title is not text');
  const titleProblem = checkTitle(t);
  if (titleProblem) return shapeError('t', titleProblem);
  const files = checkFiles(value['f']);
  if (!files.ok) return files;
  if (a !== undefined && (typeof a !== 'string' || !files.value.some((f) => f.name === a))) {
    return shapeError('a', 'the open file is not one of the files');
  }
  const positions = checkPositions(value['p']);
  if (!positions.ok) return positions;
  const guide = checkGuide(value['g']);
  if (!guide.ok) return guide;
  if (m !== undefined && m !== 1) return shapeError('m', 'the presentation flag is not 1');
  return {
    ok: true,
    value: {
      title: t,
      files: files.value,
      activeFile: a,
      positions: positions.value,
      guide: guide.value,
      presentation: m === 1,
    },
  };
}

/** The wire form of a workspace (the inverse of checkSharePayload for workspaces that pass it). */
export function toSharePayload(workspace: SharedWorkspace): SharePayloadV1 {
  const payload: SharePayloadV1 = { t: workspace.title, f: workspace.files.map((f) => [f.name, f.text]) };
  if (workspace.activeFile !== undefined) payload.a = workspace.activeFile;
  const ids = Object.keys(workspace.positions);
  if (ids.length > 0) payload.p = Object.fromEntries(ids.map((id) => [id, [workspace.positions[id]!.x, workspace.positions[id]!.y]]));
  if (workspace.guide) payload.g = { s: workspace.guide.scenarioId, n: workspace.guide.step };
  if (workspace.presentation) payload.m = 1;
  return payload;
}
