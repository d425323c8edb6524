/**
 * Issues with positions. A Reporter belongs to one object being read: it turns a field path
 * into the line/column of that field (building the document's position tree on first use) and
 * counts errors, so the caller knows whether the object is rejected.
 */
import type { Issue, Severity } from '../model/types.ts';
import type { RawDocument } from './documents.ts';
import { formatPath, pathSegments, type Path, type PathSegment } from './path.ts';
import { spanAt, type Span } from './position-tree.ts';
import { LineIndex } from './text-index.ts';

/** One file being parsed: its name and a lazily built line index. */
export class FileContext {
  readonly lines: LineIndex;

  constructor(
    readonly name: string,
    text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  /** An issue spanning [start, end) of the text. */
  issueAt(code: string, severity: Severity, message: string, start: number, end?: number, path?: string): Issue {
    const { line, column } = this.lines.position(start);
    const issue: { -readonly [K in keyof Issue]: Issue[K] } = { code, severity, message, file: this.name, line, column };
    if (path) issue.path = path;
    if (end !== undefined && end > start) {
      const e = this.lines.position(end);
      issue.endLine = e.line;
      issue.endColumn = e.column;
    }
    return issue;
  }
}

export type Target = 'key' | 'value';

/** Issues listed per file at most; the rest are counted (a garbage paste must stay cheap). */
export const MAX_ISSUES_PER_FILE = 1000;

/** The issues of one file, up to a limit. */
export class IssueSink {
  readonly issues: Issue[] = [];
  dropped = 0;

  constructor(readonly limit = MAX_ISSUES_PER_FILE) {}

  get full(): boolean {
    return this.issues.length >= this.limit;
  }

  add(make: () => Issue): void {
    if (this.full) this.dropped++;
    else this.issues.push(make());
  }
}

export class Reporter {
  errors = 0;

  constructor(
    readonly file: FileContext,
    readonly doc: RawDocument,
    /** Path of the object inside its document (`items[3]` in a List), for positions. */
    readonly base: readonly PathSegment[],
    private readonly sink: IssueSink,
  ) {}

  /** Where `path` (relative to the object) is in the text. */
  spanOf(path: Path | undefined, target: Target = 'value'): Span {
    const tree = this.doc.positions();
    if (!tree) return { start: this.doc.rootOffset, end: this.doc.rootOffset };
    const segments = pathSegments(path);
    return spanAt(tree, this.base.length ? [...this.base, ...segments] : segments, target);
  }

  report(code: string, severity: Severity, message: string, path: Path | undefined, target: Target = 'value'): void {
    if (severity === 'error') this.errors++;
    this.sink.add(() => {
      const span = this.spanOf(path, target);
      const text = formatPath(pathSegments(path));
      return this.file.issueAt(code, severity, message, span.start, span.end, text || undefined);
    });
  }

  error(code: string, message: string, path: Path | undefined, target: Target = 'value'): void {
    this.report(code, 'error', message, path, target);
  }

  warn(code: string, message: string, path: Path | undefined, target: Target = 'value'): void {
    this.report(code, 'warning', message, path, target);
  }

  info(code: string, message: string, path: Path | undefined, target: Target = 'value'): void {
    this.report(code, 'info', message, path, target);
  }
}
