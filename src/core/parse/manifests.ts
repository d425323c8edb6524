/**
 * parseManifests: one file to objects and issues. Documents are read (YAML or JSON), Lists
 * flattened into their items, and each object read by kind. Never throws.
 */
import type { Issue, SourceRef } from '../model/types.ts';
import { readDocuments, type RawDocument } from './documents.ts';
import { isListKind, itemKindOf } from './kinds.ts';
import { childPath, formatPath, type PathSegment } from './path.ts';
import { readObject } from './read-object.ts';
import { describeValue, field, isMap } from './reader.ts';
import { FileContext, IssueSink, Reporter } from './reporter.ts';
import { checkSize, DEFAULT_MAX_BYTES } from './size.ts';
import type { ManifestFile, ParsedObject, ParseOptions, ParseResult } from './types.ts';

/** Progress is reported every this many documents. */
export const DOCUMENTS_PER_PROGRESS = 200;

/** Lists nested in Lists are flattened this deep at most. */
const MAX_LIST_NESTING = 3;

interface Inherited {
  readonly kind?: string;
  readonly apiVersion?: string;
}

class FileParser {
  readonly objects: ParsedObject[] = [];
  readonly sink = new IssueSink();

  constructor(
    readonly ctx: FileContext,
    readonly nameSeverity: 'error' | 'warning',
  ) {}

  private sourceOf(r: Reporter, doc: RawDocument, base: readonly PathSegment[]): SourceRef {
    const offset = base.length === 0 ? doc.rootOffset : r.spanOf(undefined).start;
    const { line, column } = this.ctx.lines.position(offset);
    const ref = { file: this.ctx.name, line, column, documentIndex: doc.index };
    return base.length === 0 ? ref : { ...ref, itemPath: formatPath(base) };
  }

  readValue(doc: RawDocument, value: unknown, base: readonly PathSegment[], inherited: Inherited, depth: number): void {
    const r = new Reporter(this.ctx, doc, base, this.sink);
    if (!isMap(value)) {
      const where = base.length === 0 ? `Document ${doc.index + 1}` : formatPath(base);
      const what = `${where} is ${describeValue(value)}`;
      r.error('not-a-mapping', `${what}, not a Kubernetes object (a mapping with apiVersion, kind and metadata)`, undefined);
      return;
    }
    const kindValue = field(value, 'kind');
    const apiValue = field(value, 'apiVersion');
    const kind = typeof kindValue === 'string' && kindValue ? kindValue : inherited.kind;
    const apiVersion = typeof apiValue === 'string' && apiValue ? apiValue : inherited.apiVersion;
    if (kind === undefined) {
      const why = kindValue == null ? 'has no "kind"' : `has a "kind" that is ${describeValue(kindValue)}`;
      r.error('missing-kind', `This object ${why}`, childPath(undefined, 'kind'), 'key');
      return;
    }
    if (apiVersion === undefined) {
      r.error('missing-api-version', `${kind} has no "apiVersion"`, childPath(undefined, 'apiVersion'), 'key');
      return;
    }
    const items = field(value, 'items');
    if (isListKind(kind, items)) {
      this.readList(r, doc, items, base, { kind, apiVersion }, depth);
      return;
    }
    const header = { kind, apiVersion, apiVersionWritten: typeof apiValue === 'string' && apiValue !== '' };
    this.objects.push(readObject(r, value, header, this.sourceOf(r, doc, base), this.nameSeverity));
  }

  private readList(
    r: Reporter,
    doc: RawDocument,
    items: unknown,
    base: readonly PathSegment[],
    header: Inherited & { kind: string },
    depth: number,
  ): void {
    const { kind } = header;
    if (items === undefined || items === null) return;
    if (!Array.isArray(items)) {
      const message = `"items" of a ${kind} must be a list, not ${describeValue(items)}`;
      r.error('invalid-type', message, childPath(undefined, 'items'));
      return;
    }
    if (depth >= MAX_LIST_NESTING) {
      r.error('list-too-deep', `Lists nested more than ${MAX_LIST_NESTING} deep are not read`, childPath(undefined, 'items'), 'key');
      return;
    }
    const itemKind = itemKindOf(kind);
    const inherited: Inherited = itemKind ? { kind: itemKind, apiVersion: header.apiVersion } : {};
    items.forEach((item, i) => this.readValue(doc, item, [...base, 'items', i], inherited, depth + 1));
  }
}

function parseFile(file: ManifestFile, options: ParseOptions): ParseResult {
  const ctx = new FileContext(file.name, file.text);
  const parser = new FileParser(ctx, options.nameErrors ?? 'error');
  const tooLarge = checkSize([file], options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (tooLarge) return { objects: [], issues: [ctx.issueAt('input-too-large', 'error', tooLarge, 0)] };
  const nul = file.text.indexOf('\u0000');
  if (nul >= 0) {
    const message = 'This file contains NUL bytes: it looks binary, not YAML or JSON text';
    return { objects: [], issues: [ctx.issueAt('not-text', 'error', message, nul)] };
  }
  const { documents, problems } = readDocuments(file.text);
  const sink = parser.sink;
  for (const p of problems) sink.add(() => ctx.issueAt(p.code, 'error', p.message, p.offset));
  options.onDocuments?.(0, documents.length);
  documents.forEach((doc, i) => {
    if (doc.ok && doc.value !== null && doc.value !== undefined) parser.readValue(doc, doc.value, [], {}, 0);
    if ((i + 1) % DOCUMENTS_PER_PROGRESS === 0) options.onDocuments?.(i + 1, documents.length);
  });
  options.onDocuments?.(documents.length, documents.length);
  const issues: Issue[] = sink.issues;
  if (sink.dropped > 0) {
    const message = `${sink.dropped} more issues in this file are not listed (only the first ${sink.limit} are)`;
    issues.push(ctx.issueAt('too-many-issues', 'info', message, 0));
  }
  if (parser.objects.length === 0 && issues.length === 0) {
    issues.push(ctx.issueAt('no-objects', 'info', 'This file contains no Kubernetes objects', 0));
  }
  return { objects: parser.objects, issues };
}

/** The objects of one file and the issues found, in text order. */
export function parseManifests(file: ManifestFile, options: ParseOptions = {}): ParseResult {
  try {
    return parseFile(file, options);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const ctx = new FileContext(file.name, typeof file.text === 'string' ? file.text : '');
    return { objects: [], issues: [ctx.issueAt('internal-error', 'error', `The file could not be read (${message})`, 0)] };
  }
}
