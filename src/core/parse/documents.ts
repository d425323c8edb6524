/**
 * Text to documents. JSON texts go through JSON.parse (fast); YAML through js-yaml's event
 * parser. When the whole text does not parse, it is split at `---` lines and each piece parsed
 * alone, so one broken document does not lose the others. Every failure becomes a problem with
 * an offset; nothing here throws.
 */
import { CORE_SCHEMA, EVENT_ID, constructFromEvents, mergeTag, parseEvents, type Event } from 'js-yaml';
import { checkAliasExpansion } from './alias-guard.ts';
import { buildJsonPositions } from './json-positions.ts';
import type { PosNode } from './position-tree.ts';
import { describeYamlError, type DocumentProblem } from './yaml-errors.ts';
import { buildYamlPositions } from './yaml-positions.ts';
import { splitYamlChunks } from './yaml-chunks.ts';
import { firstOffset, sliceDocument } from './event-slice.ts';

export type { DocumentProblem } from './yaml-errors.ts';

/** Nesting deeper than this is refused (Kubernetes objects stay far below it). */
export const MAX_DEPTH = 100;

/** Broken documents parsed one by one at most per file; the rest of a garbage file is not read. */
export const MAX_BROKEN_DOCUMENTS = 200;

/** Documents per file at most (10 MB of the smallest real objects is about 100,000). */
export const MAX_DOCUMENTS = 100_000;

const MARKER = /^---(?=[ \t]|\r?$)/gm;

function tooManyDocuments(text: string): boolean {
  MARKER.lastIndex = 0;
  let count = 0;
  while (MARKER.exec(text)) if (++count > MAX_DOCUMENTS) return true;
  return false;
}

function tooManyBroken(offset: number): DocumentProblem {
  const message = `More than ${MAX_BROKEN_DOCUMENTS} documents have YAML errors; the rest of the file, from here, was not read`;
  return { code: 'too-many-yaml-errors', message, offset };
}

const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

export interface RawDocument {
  /** 0-based index of the document in its file. */
  readonly index: number;
  /** False when the document could not be read (its problem is reported). */
  readonly ok: boolean;
  readonly value: unknown;
  /** Offset of the document's root node. */
  readonly rootOffset: number;
  /** Position tree of the document, built on first call. */
  positions(): PosNode | undefined;
}

export interface ReadDocumentsResult {
  readonly documents: RawDocument[];
  readonly problems: DocumentProblem[];
}

interface Segment {
  readonly events: Event[];
  readonly source: string;
  readonly base: number;
}

function lazy<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}

function firstContentOffset(text: string): number {
  const m = /[^\s\uFEFF]/.exec(text);
  return m ? m.index : -1;
}

function readJson(text: string, start: number): RawDocument | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return undefined;
  }
  return { index: 0, ok: true, value, rootOffset: start, positions: lazy(() => buildJsonPositions(text)) };
}

interface Range {
  /** Events [from, to) of the document. */
  readonly from: number;
  to: number;
  aliases: boolean;
  /** First text offset the document's events refer to (-1: none). */
  textStart: number;
}

/** Event ranges of the documents of a segment, whether each has aliases, where each starts. */
function documentRanges(events: readonly Event[]): Range[] {
  const ranges: Range[] = [];
  let last: Range | undefined;
  for (let i = 0; i < events.length; i++) {
    const ev = events[i] as Event;
    if (ev.type === EVENT_ID.DOCUMENT) {
      if (last) last.to = i;
      last = { from: i, to: events.length, aliases: false, textStart: -1 };
      ranges.push(last);
    } else if (last) {
      if (ev.type === EVENT_ID.ALIAS) last.aliases = true;
      if (last.textStart < 0) last.textStart = firstOffset(ev);
    }
  }
  return ranges;
}

/** Construct one document against its own text (see event-slice.ts). */
function constructOne(
  ranges: readonly Range[],
  k: number,
  seg: Segment,
  index: number,
): { ok: true; value: unknown } | { ok: false; problem: DocumentProblem } {
  const r = ranges[k] as Range;
  const start = Math.max(r.textStart, 0);
  let end = seg.source.length;
  for (let j = k + 1; j < ranges.length; j++) {
    const next = (ranges[j] as Range).textStart;
    if (next >= 0) {
      end = next;
      break;
    }
  }
  const slice = sliceDocument(seg.events, r.from, r.to, seg.source, start, end);
  try {
    return { ok: true, value: construct(slice.events, slice.text)[0] };
  } catch (err) {
    return { ok: false, problem: describeYamlError(err, seg.base + start, index) };
  }
}

function rootOffsetOf(events: readonly Event[], from: number, base: number): number {
  const ev = events[from + 1];
  if (!ev) return base;
  if (ev.type === EVENT_ID.SCALAR) return Math.max(ev.valueStart, 0) + base;
  if (ev.type === EVENT_ID.SEQUENCE || ev.type === EVENT_ID.MAPPING) return ev.start + base;
  return base;
}

function construct(events: Event[], source: string): unknown[] {
  return constructFromEvents(events, { source, schema: SCHEMA });
}

function readSegment(seg: Segment, firstIndex: number, withValues: boolean, out: ReadDocumentsResult): void {
  const ranges = documentRanges(seg.events);
  let values: unknown[] | undefined;
  if (withValues) {
    try {
      values = construct(seg.events, seg.source);
    } catch {
      values = undefined; // construct document by document below, to find the broken one
    }
  }
  let broken = 0;
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k] as Range;
    const index = firstIndex + k;
    const rootOffset = rootOffsetOf(seg.events, r.from, seg.base);
    const positions = lazy(() => buildYamlPositions(seg.events, r.from, r.to, seg.source, seg.base));
    if (broken === MAX_BROKEN_DOCUMENTS) {
      out.problems.push(tooManyBroken(rootOffset));
      return;
    }
    const fail = (problem: DocumentProblem): void => {
      broken++;
      out.problems.push(problem);
      out.documents.push({ index, ok: false, value: undefined, rootOffset, positions });
    };
    if (r.aliases) {
      const bomb = checkAliasExpansion(seg.events, r.from, r.to, seg.source);
      if (bomb) {
        fail({ code: 'yaml-alias-bomb', message: bomb.message, offset: bomb.offset + seg.base, documentIndex: index });
        continue;
      }
    }
    let value: unknown = values?.[k];
    if (withValues && !values) {
      const one = constructOne(ranges, k, seg, index);
      if (!one.ok) {
        fail(one.problem);
        continue;
      }
      value = one.value;
    }
    out.documents.push({ index, ok: true, value, rootOffset, positions });
  }
}

/**
 * The documents of a text. `construct: false` skips building values (for `locateField`).
 */
export function readDocuments(text: string, options: { construct?: boolean } = {}): ReadDocumentsResult {
  const withValues = options.construct !== false;
  const out: ReadDocumentsResult = { documents: [], problems: [] };
  const start = firstContentOffset(text);
  if (start < 0) return out;
  const c = text.charCodeAt(start);
  if (c === 0x7b || c === 0x5b) {
    const doc = readJson(text, start);
    if (doc) {
      out.documents.push(doc);
      return out;
    }
  }
  if (tooManyDocuments(text)) {
    const message = `This file has more than ${MAX_DOCUMENTS.toLocaleString('en-US')} documents; it was not read`;
    out.problems.push({ code: 'too-many-documents', message, offset: 0 });
    return out;
  }
  let whole: Event[] | undefined;
  try {
    whole = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch {
    whole = undefined; // parse document by document below
  }
  if (whole) {
    readSegment({ events: whole, source: text, base: 0 }, 0, withValues, out);
    return out;
  }
  let index = 0;
  let broken = 0;
  for (const chunk of splitYamlChunks(text)) {
    let events: Event[];
    if (broken === MAX_BROKEN_DOCUMENTS) {
      out.problems.push(tooManyBroken(chunk.offset));
      break;
    }
    try {
      events = parseEvents(chunk.text, { maxDepth: MAX_DEPTH });
    } catch (err) {
      broken++;
      out.problems.push(describeYamlError(err, chunk.offset, index));
      out.documents.push({ index, ok: false, value: undefined, rootOffset: chunk.offset, positions: () => undefined });
      index++;
      continue;
    }
    const before = out.documents.length;
    readSegment({ events, source: chunk.text, base: chunk.offset }, index, withValues, out);
    index += out.documents.length - before;
  }
  return out;
}
