/**
 * js-yaml exceptions to problems: a stable code, a readable message (with a hint for the
 * cryptic ones) and the offset of the parser's mark.
 */
import { YAMLException } from 'js-yaml';

export interface DocumentProblem {
  readonly code: string;
  readonly message: string;
  /** Absolute offset in the file. */
  readonly offset: number;
  readonly documentIndex?: number;
}

const HINTS: readonly (readonly [RegExp, string])[] = [
  [/end of the stream or a document separator is expected/, 'a line is probably indented less than the block it belongs to'],
  [/bad indentation of a (mapping entry|sequence entry)/, 'check that this line lines up with its siblings'],
  [/tab characters must not be used in indentation/, 'YAML indentation must use spaces'],
  [/deficient indentation/, 'this line must be indented more than its parent key'],
];

function codeOf(reason: string): string {
  if (/maxDepth|nesting/.test(reason)) return 'yaml-too-deep';
  if (/duplicated mapping key/.test(reason)) return 'duplicate-key';
  if (/maxTotalMergeKeys|maxAliases/.test(reason)) return 'yaml-alias-bomb';
  return 'yaml-syntax';
}

/** A problem for an exception thrown while parsing text that starts at `base` in the file. */
export function describeYamlError(err: unknown, base: number, documentIndex?: number): DocumentProblem {
  if (err instanceof YAMLException) {
    const reason = err.reason || err.message;
    const code = codeOf(reason);
    const hint = HINTS.find(([re]) => re.test(reason))?.[1];
    const what =
      code === 'yaml-too-deep'
        ? `The YAML is nested too deeply (${reason}); Kubernetes objects never need this`
        : code === 'duplicate-key'
          ? `YAML error: ${reason} (a key may appear only once in a mapping)`
          : `YAML syntax error: ${reason}${hint ? ` (${hint})` : ''}`;
    const offset = base + (err.mark?.position ?? 0);
    return documentIndex === undefined ? { code, message: what, offset } : { code, message: what, offset, documentIndex };
  }
  const message = err instanceof Error ? err.message : String(err);
  const problem = { code: 'parse-failed', message: `The text could not be read: ${message}`, offset: base };
  return documentIndex === undefined ? problem : { ...problem, documentIndex };
}
