/**
 * Set or remove labels in a manifest's text, touching nothing else: the mapping at a path
 * (`metadata.labels`, `spec.template.metadata.labels`, inside a List `items[2].metadata.labels`)
 * of one document gets the edit, in its own style (block or flow, YAML or JSON); a missing
 * mapping is created under its nearest existing parent. Every other byte of the file stays
 * as it was: comments, quoting, key order, line breaks.
 */
import { readDocuments } from '../parse/documents.ts';
import { formatPath, parsePath, type PathSegment } from '../parse/path.ts';
import type { PosNode } from '../parse/position-tree.ts';
import { lineBreakOf } from './documents.ts';

/** `value: null` removes the label. */
export interface LabelEdit {
  readonly key: string;
  readonly value: string | null;
}

export type LabelPatch = { readonly text: string } | { readonly problem: string };

const PLAIN = /^[A-Za-z_][A-Za-z0-9._/-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null)$/i;

/** A key or value as YAML writes it: plain when it reads back as the same string, else double-quoted. */
export function yamlScalar(text: string, json: boolean): string {
  return !json && PLAIN.test(text) && !RESERVED.test(text) ? text : JSON.stringify(text);
}

interface Doc {
  readonly root: PosNode;
  readonly json: boolean;
}

function documentAt(text: string, documentIndex: number): Doc | undefined {
  const { documents } = readDocuments(text, { construct: false });
  const doc = documents.find((d) => d.index === documentIndex);
  const root = doc?.ok ? doc.positions() : undefined;
  if (!root) return undefined;
  return { root, json: text.trimStart().startsWith('{') && !text.includes('\n---') };
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Where the line holding `at` ends (before its `\n` or `\r\n`). */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  if (nl < 0) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

function columnOf(text: string, at: number): number {
  return at - lineStart(text, at);
}

function isFlow(text: string, node: PosNode): boolean {
  return text[node.start] === '{';
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** End of the last entry of a mapping (its value's end), or just after `{` for an empty flow map. */
function lastEntryEnd(node: PosNode): number {
  let end = -1;
  for (const child of node.keys?.values() ?? []) end = Math.max(end, child.end, child.keyEnd);
  return end;
}

/** The colon after a key (skipping spaces and a closing quote). */
function colonAfter(text: string, keyEnd: number): number {
  const at = text.indexOf(':', keyEnd);
  return at < 0 ? keyEnd : at;
}

/** Nested mapping text for `segments` (outermost first) ending in `key: value`. */
function nestedBlock(segments: readonly string[], entry: string, indent: number, eol: string): string {
  const lines = segments.map((s, i) => `${' '.repeat(indent + 2 * i)}${s}:`);
  lines.push(`${' '.repeat(indent + 2 * segments.length)}${entry}`);
  return lines.join(eol);
}

function nestedFlow(segments: readonly string[], entry: string, json: boolean): string {
  return segments.reduceRight((inner, s) => `${yamlScalar(s, json)}: {${inner}}`, entry);
}

/** Adds `entry` (`key: value`, already rendered) as the last entry of a mapping. */
function appendEntry(text: string, map: PosNode, entry: string, flowEntry: string, eol: string): string {
  const keys = [...(map.keys?.values() ?? [])];
  if (isFlow(text, map)) {
    if (keys.length === 0) return splice(text, map.start + 1, map.start + 1, flowEntry);
    const first = keys[0]!;
    const end = lastEntryEnd(map);
    const multiline = text.slice(map.start, first.keyStart).includes('\n');
    return splice(text, end, end, multiline ? `,${eol}${' '.repeat(columnOf(text, first.keyStart))}${flowEntry}` : `, ${flowEntry}`);
  }
  const first = keys[0];
  if (!first) return text;
  const at = lineEnd(text, lastEntryEnd(map));
  const indent = ' '.repeat(columnOf(text, first.keyStart));
  const lines = entry.split('\n').map((line) => indent + line).join(eol);
  return splice(text, at, at, `${eol}${lines}`);
}

/** Removes one entry of a mapping; an emptied block mapping becomes `{}`. */
function removeEntry(text: string, map: PosNode, entry: PosNode, mapKeyEnd: number): string {
  const keys = [...(map.keys?.values() ?? [])];
  if (isFlow(text, map)) {
    const after = /^\s*,[ \t]*/.exec(text.slice(entry.end));
    if (after) return splice(text, entry.keyStart, entry.end + after[0].length, '');
    const before = /,\s*$/.exec(text.slice(0, entry.keyStart));
    return splice(text, before ? entry.keyStart - before[0].length : entry.keyStart, entry.end, '');
  }
  const start = lineStart(text, entry.keyStart);
  const endLine = lineEnd(text, Math.max(entry.end, entry.keyEnd));
  const end = endLine < text.length ? text.indexOf('\n', endLine) + 1 : endLine;
  const removed = splice(text, start, end, '');
  if (keys.length > 1 || mapKeyEnd < 0) return removed;
  // The mapping had only this entry: leave `labels: {}` rather than a null value.
  const colon = colonAfter(removed, mapKeyEnd);
  return splice(removed, colon + 1, colon + 1, ' {}');
}

function applyEdit(text: string, documentIndex: number, segments: readonly PathSegment[], edit: LabelEdit): LabelPatch {
  const doc = documentAt(text, documentIndex);
  if (!doc) return { problem: 'the document could not be read (fix the YAML first)' };
  const eol = lineBreakOf(text);
  const entry = `${yamlScalar(edit.key, doc.json)}: ${yamlScalar(edit.value ?? '', doc.json)}`;
  // Walk down as far as the path exists.
  let node = doc.root;
  let depth = 0;
  for (; depth < segments.length; depth++) {
    const seg = segments[depth]!;
    const next = typeof seg === 'number' ? node.items?.[seg] : node.keys?.get(seg);
    if (!next) break;
    node = next;
  }
  if (depth === segments.length) {
    if (!node.keys) {
      // `labels:` with no value (or null): give it a mapping.
      if (edit.value === null) return { text };
      const empty = node.start === node.end;
      if (node.keyStart < 0) return { problem: `${formatPath(segments)} is not a mapping` };
      if (!empty && !/^(null|~)$/.test(text.slice(node.start, node.end))) return { problem: `${formatPath(segments)} is not a mapping` };
      if (empty) {
        const colon = colonAfter(text, node.keyEnd);
        return { text: splice(text, colon + 1, colon + 1, ` {${entry}}`) };
      }
      return { text: splice(text, node.start, node.end, `{${entry}}`) };
    }
    const existing = node.keys.get(edit.key);
    if (edit.value === null) return { text: existing ? removeEntry(text, node, existing, node.keyEnd) : text };
    if (!existing) return { text: appendEntry(text, node, entry, entry, eol) };
    const value = yamlScalar(edit.value, doc.json);
    if (existing.start === existing.end) {
      const colon = colonAfter(text, existing.keyEnd);
      return { text: splice(text, colon + 1, colon + 1, ` ${value}`) };
    }
    if (existing.keys || existing.items) return { problem: `label ${edit.key} is not a string` };
    return { text: splice(text, existing.start, existing.end, value) };
  }
  if (edit.value === null) return { text };
  const missing = segments.slice(depth);
  if (!node.keys || missing.some((s) => typeof s === 'number')) return { problem: `${formatPath(segments.slice(0, depth + 1))} is missing` };
  const names = missing as string[];
  const flowEntry = nestedFlow(names, entry, doc.json);
  return { text: appendEntry(text, node, nestedBlock(names, entry, 0, '\n'), flowEntry, eol) };
}

/**
 * The text with `edits` applied to the labels mapping at `path` of document `documentIndex`
 * (0-based, as in SourceRef), or why it cannot be done.
 */
export function setLabelsInText(text: string, documentIndex: number, path: string, edits: readonly LabelEdit[]): LabelPatch {
  const segments = parsePath(path);
  if (!segments) return { problem: `bad path ${path}` };
  let current = text;
  for (const edit of edits) {
    const result = applyEdit(current, documentIndex, segments, edit);
    if ('problem' in result) return result;
    current = result.text;
  }
  return { text: current };
}
