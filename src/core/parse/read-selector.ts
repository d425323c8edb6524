/**
 * Label selectors: matchLabels and matchExpressions, validated as the API server does
 * (operators, values required by In/NotIn and forbidden for Exists/DoesNotExist, label syntax).
 * Absent and empty are kept apart: `matchLabels: {}` stays `{}`.
 */
import type { LabelSelector, LabelSelectorRequirement, SelectorOperator } from '../model/types.ts';
import { REQUIREMENT, SELECTOR } from './fields.ts';
import { childPath, type Path } from './path.ts';
import { checkKeyAt, checkValueAt, readLabels } from './read-labels.ts';
import { checkFields, describeValue, field, hasField, label, readList, readMap, readString } from './reader.ts';
import type { Reporter } from './reporter.ts';
import { suggestName } from './suggest.ts';

const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

function readOperator(r: Reporter, v: unknown, path: Path, reqPath: Path): SelectorOperator | undefined {
  const op = readString(r, v, path);
  if (op === undefined) {
    if (v === null || v === undefined) r.error('missing-field', `${label(reqPath)} has no "operator"`, reqPath);
    return undefined;
  }
  if ((OPERATORS as readonly string[]).includes(op)) return op as SelectorOperator;
  const guess = suggestName(op, OPERATORS);
  r.error(
    'invalid-selector-operator',
    `Unknown selector operator ${JSON.stringify(op)}: use In, NotIn, Exists or DoesNotExist${guess ? ` (did you mean "${guess}"?)` : ''}`,
    path,
  );
  return undefined;
}

function readValues(r: Reporter, v: unknown, path: Path): string[] | undefined {
  const list = readList(r, v, path);
  if (!list) return undefined;
  const values: string[] = [];
  list.forEach((item, i) => {
    const at = childPath(path, i);
    if (typeof item !== 'string') {
      r.error('invalid-type', `Selector values must be strings, not ${describeValue(item)}`, at);
      return;
    }
    checkValueAt(r, item, at);
    values.push(item);
  });
  return values;
}

function readRequirement(r: Reporter, v: unknown, path: Path): LabelSelectorRequirement | undefined {
  const req = readMap(r, v, path);
  if (!req) {
    if (v === null) r.error('missing-field', `${label(path)} is empty: a requirement needs "key" and "operator"`, path);
    return undefined;
  }
  checkFields(r, req, path, REQUIREMENT);
  const keyPath = childPath(path, 'key');
  const key = readString(r, field(req, 'key'), keyPath);
  if (key === undefined && !hasField(req, 'key')) r.error('missing-field', `${label(path)} has no "key"`, path);
  if (key !== undefined) checkKeyAt(r, key, keyPath, 'value');
  const opPath = childPath(path, 'operator');
  const operator = readOperator(r, field(req, 'operator'), opPath, path);
  const valuesPath = childPath(path, 'values');
  const values = readValues(r, field(req, 'values'), valuesPath);
  if (operator === 'In' || operator === 'NotIn') {
    if (!values || values.length === 0) {
      r.error('missing-selector-values', `Operator ${operator} needs at least one value in "values"`, values ? valuesPath : opPath);
    }
  } else if (operator && values && values.length > 0) {
    r.error('unexpected-selector-values', `Operator ${operator} must not have "values" (found ${values.length})`, valuesPath, 'key');
  }
  if (key === undefined || operator === undefined) return undefined;
  return values ? { key, operator, values } : { key, operator };
}

/** A selector, or undefined when absent/null (or not a mapping, which is reported). */
export function readSelector(r: Reporter, v: unknown, path: Path): LabelSelector | undefined {
  const sel = readMap(r, v, path);
  if (!sel) return undefined;
  checkFields(r, sel, path, SELECTOR);
  const out: { matchLabels?: LabelSelector['matchLabels']; matchExpressions?: LabelSelectorRequirement[] } = {};
  const matchLabels = readLabels(r, field(sel, 'matchLabels'), childPath(path, 'matchLabels'));
  if (matchLabels) out.matchLabels = matchLabels;
  const exprPath = childPath(path, 'matchExpressions');
  const exprs = readList(r, field(sel, 'matchExpressions'), exprPath);
  if (exprs) {
    const reqs: LabelSelectorRequirement[] = [];
    exprs.forEach((item, i) => {
      const req = readRequirement(r, item, childPath(exprPath, i));
      if (req) reqs.push(req);
    });
    out.matchExpressions = reqs;
  }
  return out;
}
