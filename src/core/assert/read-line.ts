/**
 * One line of a `.flows` file (or one flow query) into its parts, with the column of every
 * word so errors point at it.
 */
import { PROTOCOLS, type Protocol } from '../model/types.ts';
import { suggestName } from '../parse/suggest.ts';
import { readFlowEndpoint } from './read-endpoint.ts';
import type { FlowEndpoint, FlowExpectation, FlowQuery } from './types.ts';

export interface LineError {
  readonly code: string;
  readonly message: string;
  /** 1-based; `endColumn` is just past the offending text. */
  readonly column: number;
  readonly endColumn: number;
}

interface Word {
  readonly text: string;
  /** 1-based. */
  readonly column: number;
}

export type LineRead =
  | { readonly query: FlowQuery; readonly expect?: FlowExpectation; readonly column: number; readonly endColumn: number }
  | { readonly error: LineError };

const VERDICTS: readonly FlowExpectation[] = ['allowed', 'denied'];
const FORMAT = '`FROM -> TO [PROTOCOL] [PORT] allowed|denied`';
const QUERY_FORMAT = '`FROM -> TO [PROTOCOL] [PORT]`';

/** The text before a comment: `#` at the start or after whitespace. */
function stripComment(text: string): string {
  const match = /(^|\s)#/.exec(text);
  return match ? text.slice(0, match.index) : text;
}

function wordsOf(text: string, offset: number): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/\S+/g)) out.push({ text: m[0], column: offset + (m.index ?? 0) + 1 });
  return out;
}

function errorAt(code: string, message: string, word: Word): { error: LineError } {
  return { error: { code, message, column: word.column, endColumn: word.column + word.text.length } };
}

function protocolOf(text: string): Protocol | undefined {
  return PROTOCOLS.find((p) => p === text.toUpperCase());
}

function verdictOf(text: string): FlowExpectation | undefined {
  return VERDICTS.find((v) => v === text.toLowerCase());
}

function didYouMean(text: string, known: readonly string[]): string {
  const guess = suggestName(text, known);
  return guess ? ` Did you mean \`${guess}\`?` : '';
}

interface Middle {
  readonly protocol: Protocol;
  readonly port?: number;
}

/** The optional `[PROTOCOL] [PORT]` between the destination and the verdict. */
function readMiddle(words: readonly Word[], mode: 'assertion' | 'query'): Middle | { error: LineError } {
  let protocol: Protocol | undefined;
  let port: number | undefined;
  for (const word of words) {
    const asProtocol = protocolOf(word.text);
    if (asProtocol) {
      if (protocol !== undefined) return errorAt('flows/syntax', `the protocol is given twice ("${word.text}").`, word);
      if (port !== undefined) return errorAt('flows/syntax', `the protocol comes before the port: \`${asProtocol} ${port}\`.`, word);
      protocol = asProtocol;
      continue;
    }
    if (/^[0-9]+$/.test(word.text)) {
      if (port !== undefined) return errorAt('flows/bad-port', `one port per line: "${word.text}" follows port ${port}.`, word);
      const n = Number(word.text);
      if (n < 1 || n > 65535) return errorAt('flows/bad-port', `port ${word.text} is out of range: a port is 1-65535.`, word);
      port = n;
      continue;
    }
    if (/^[0-9]+\s*[-:,][0-9,:-]*$/.test(word.text)) {
      return errorAt('flows/bad-port', `"${word.text}" is not one port: write one line per port (a line without a port means every port).`, word);
    }
    if (mode === 'assertion' && verdictOf(word.text)) {
      return errorAt('flows/syntax', `the verdict "${word.text}" must be the last word.`, word);
    }
    if (protocol === undefined && port === undefined && /^[A-Za-z]+$/.test(word.text)) {
      const guess = suggestName(word.text, PROTOCOLS);
      if (guess) return errorAt('flows/bad-protocol', `unknown protocol "${word.text}": expected TCP, UDP or SCTP. Did you mean \`${guess}\`?`, word);
    }
    if (port === undefined && /^[a-z][-a-z0-9]*$/i.test(word.text)) {
      return errorAt(
        'flows/bad-port',
        `"${word.text}" is not a port number (named ports are not supported here: write the number; protocols are TCP, UDP and SCTP).`,
        word,
      );
    }
    return errorAt('flows/syntax', `unexpected "${word.text}": expected ${mode === 'query' ? QUERY_FORMAT : FORMAT}.`, word);
  }
  return port === undefined ? { protocol: protocol ?? 'TCP' } : { protocol: protocol ?? 'TCP', port };
}

function endpointOrError(word: Word): FlowEndpoint | { error: LineError } {
  const read = readFlowEndpoint(word.text, word.column);
  if ('message' in read) return { error: { code: read.code, message: read.message, column: word.column, endColumn: word.column + word.text.length } };
  return read;
}

/** The words after the destination, without the verdict (which ends an assertion, and a query must not have). */
function splitVerdict(
  words: readonly Word[],
  last: Word,
  mode: 'assertion' | 'query',
): { readonly rest: readonly Word[]; readonly expect?: FlowExpectation } | { error: LineError } {
  const final = words[words.length - 1];
  const verdict = final ? verdictOf(final.text) : undefined;
  if (mode === 'query') {
    if (final && verdict) return errorAt('flows/syntax', `a flow query has no verdict: remove "${final.text}" (the evaluator answers it).`, final);
    return { rest: words };
  }
  if (final && verdict) return { rest: words.slice(0, -1), expect: verdict };
  if (final && !protocolOf(final.text) && !/^[0-9]+$/.test(final.text)) {
    return errorAt('flows/syntax', `expected \`allowed\` or \`denied\`, found "${final.text}".${didYouMean(final.text, VERDICTS)}`, final);
  }
  const end = last.column + last.text.length;
  return { error: { code: 'flows/syntax', message: 'missing the verdict: end the line with `allowed` or `denied`.', column: end, endColumn: end } };
}

/** Undefined for a blank or comment-only line. */
export function readFlowLine(raw: string, mode: 'assertion' | 'query'): LineRead | undefined {
  const body = stripComment(raw);
  const all = wordsOf(body, 0);
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return undefined;
  const arrow = body.indexOf('->');
  const format = mode === 'query' ? QUERY_FORMAT : FORMAT;
  if (arrow < 0) return errorAt('flows/syntax', `missing "->": expected ${format}.`, first);
  const before = wordsOf(body.slice(0, arrow), 0);
  const after = wordsOf(body.slice(arrow + 2), arrow + 2);
  const arrowWord: Word = { text: '->', column: arrow + 1 };
  const source = before[0];
  if (!source) return errorAt('flows/syntax', `missing the source before "->": expected ${format}.`, arrowWord);
  if (before.length > 1) return errorAt('flows/syntax', `one source endpoint before "->", found "${before.map((w) => w.text).join(' ')}".`, before[1]!);
  const second = after.find((w) => w.text.includes('->'));
  if (second) return errorAt('flows/syntax', 'one "->" per line.', second);
  const destination = after[0];
  if (!destination) return errorAt('flows/syntax', `missing the destination after "->": expected ${format}.`, arrowWord);
  const verdict = splitVerdict(after.slice(1), last, mode);
  if ('error' in verdict) return verdict;
  const { rest, expect } = verdict;
  const from = endpointOrError(source);
  if ('error' in from) return from;
  const to = endpointOrError(destination);
  if ('error' in to) return to;
  const middle = readMiddle(rest, mode);
  if ('error' in middle) return middle;
  const query: FlowQuery = middle.port === undefined ? { from, to, protocol: middle.protocol } : { from, to, protocol: middle.protocol, port: middle.port };
  const endColumn = last.column + last.text.length;
  return expect === undefined ? { query, column: first.column, endColumn } : { query, expect, column: first.column, endColumn };
}
