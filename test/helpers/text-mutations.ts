/**
 * Mutations of manifest text for the fuzz suite: plain data (so fast-check prints a failing
 * case as something a person can replay with `applyMutations`), each cheap on a large file
 * (one pass over the text). Byte edits break the YAML; line and value edits keep it valid
 * YAML but give fields the wrong type, range or key, which is what reaches the validators.
 */
import fc from 'fast-check';

export type Mutation =
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'duplicate-line'; readonly line: number }
  | { readonly op: 'dedent-line'; readonly line: number }
  | { readonly op: 'indent-line'; readonly line: number }
  | { readonly op: 'swap-lines'; readonly line: number; readonly other: number }
  | { readonly op: 'set-value'; readonly entry: number; readonly value: string }
  | { readonly op: 'rename-key'; readonly entry: number; readonly key: string }
  | { readonly op: 'line-endings'; readonly eol: '\r\n' | '\r' };

/** Text that YAML and the readers find awkward: syntax, tags, anchors, odd Unicode. */
const TOKENS = [
  '- ', '  ', '\t', ':', ': ', '{', '}', '[', ']', ',', '&a ', '*a', '!!binary ', '!!str ', '!!set ', '!<tag:x> ',
  '---\n', '...\n', '%YAML 1.1\n', '? ', '|\n', '>-\n', '#', '"', "'", '\\', '<<: ', '\r', '\n', '\ufeff',
  '\u200b', '\u202e', '\ud800', '\u0085', '<img src=x onerror=alert(1)>',
] as const;

/** Values that are valid YAML but wrong for some field: types, ranges, CIDRs, selectors, markup. */
const VALUES = [
  '', 'null', '~', '[]', '{}', '[{}]', '-1', '0', '65535', '65536', '99999999999999999999', '1e309', '.nan', '0x50',
  '80.5', '"80"', 'true', 'TCP', 'UDP', 'SCTP', 'ICMP', 'tcp', 'http', 'Ingress', '[Ingress, Egress, Sideways]',
  '10.0.0.0/8', '0.0.0.0/0', '10.0.0.0/33', '999.1.1.1/8', '10.0.0.1', '::/0', 'fe80::1/129', '2001:db8::/32',
  '::ffff:10.0.0.0/104', '"::ffff:10.0.0.1"', '010.0.0.0/8', '10.0.0.0/08', '"10.0.0.1 "', '10.0.0.1/32', '::/128',
  '"a-b"', 'HTTP', '"-"', 'In', 'NotIn', 'Exists', 'DoesNotExist', '[{key: app, operator: NotIn, values: [web]}]',
  '{matchLabels: {app: web}}', '{matchLabels: {app: [web]}}', '{matchExpressions: [{key: app, operator: Exists}]}',
  '{matchExpressions: [{key: app, operator: In, values: []}]}', '{matchExpressions: [{key: app, operator: Bogus}]}',
  '[{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/7, 10.1.0.0/16]}}]', '[{port: 80, endPort: 10}]',
  '[{port: http, endPort: 90}]', '[{podSelector: {}, namespaceSelector: {}}]', '{__proto__: {polluted: yes}}',
  '{"__proto__": {"polluted": true}}', 'constructor', '"<img src=x onerror=alert(1)>"', '"javascript:alert(1)"',
  '"\u202eevil"', `"${'x'.repeat(10_000)}"`, '*nowhere', '&anchor value', '!!binary aGVsbG8=', '!!timestamp 2001-12-14',
  '!!set {a, b}', '!!omap [a: 1]', '|\n  block', '[[[[[[[[[[1]]]]]]]]]]',
] as const;

/** Keys of the objects the readers know, and keys that collide with Object.prototype. */
const KEYS = [
  'apiVersion', 'kind', 'metadata', 'name', 'namespace', 'labels', 'annotations', 'ownerReferences', 'items', 'spec',
  'status', 'podIP', 'podIPs', 'containers', 'ports', 'containerPort', 'protocol', 'template', 'selector', 'replicas',
  'podSelector', 'namespaceSelector', 'matchLabels', 'matchExpressions', 'key', 'operator', 'values', 'policyTypes',
  'ingress', 'egress', 'from', 'to', 'ipBlock', 'cidr', 'except', 'port', 'endPort', '__proto__', 'constructor',
  'toString', 'hasOwnProperty', '<<',
] as const;

/** A `key: value` entry on one line, in YAML (`  - key: v`) or JSON (`"key": v,`). */
const ENTRY = /^([ \t]*(?:- )*)("?)([^\s":#{}[\],]+)("?[ \t]*:)([ \t].*?)?(,?)$/;

const clampIndex = (at: number, length: number): number => at % (length + 1);

function splitLines(text: string): string[] {
  return text.split('\n');
}

/** Replace the `entry`-th key-value line (modulo their number) with `edit` of its parts. */
function editEntry(text: string, entry: number, edit: (m: RegExpExecArray) => string): string {
  const lines = splitLines(text);
  const hits: number[] = [];
  lines.forEach((l, i) => {
    if (ENTRY.test(l)) hits.push(i);
  });
  if (hits.length === 0) return text;
  const i = hits[entry % hits.length] as number;
  lines[i] = edit(ENTRY.exec(lines[i] as string) as RegExpExecArray);
  return lines.join('\n');
}

function editLines(text: string, line: number, edit: (lines: string[], i: number) => void): string {
  const lines = splitLines(text);
  edit(lines, line % lines.length);
  return lines.join('\n');
}

export function applyMutation(text: string, m: Mutation): string {
  switch (m.op) {
    case 'delete': {
      const at = clampIndex(m.at, text.length);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = clampIndex(m.at, text.length);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, clampIndex(m.at, text.length));
    case 'duplicate-line':
      return editLines(text, m.line, (lines, i) => lines.splice(i, 0, lines[i] as string));
    case 'dedent-line':
      return editLines(text, m.line, (lines, i) => (lines[i] = (lines[i] as string).replace(/^ {1,2}/, '')));
    case 'indent-line':
      return editLines(text, m.line, (lines, i) => (lines[i] = `  ${lines[i] as string}`));
    case 'swap-lines':
      return editLines(text, m.line, (lines, i) => {
        const j = m.other % lines.length;
        [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
      });
    case 'set-value':
      return editEntry(text, m.entry, (p) => `${p[1]}${p[2]}${p[3]}${p[4]} ${m.value}${p[6]}`);
    case 'rename-key':
      return editEntry(text, m.entry, (p) => `${p[1]}${p[2]}${m.key}${p[4]}${p[5] ?? ''}${p[6]}`);
    case 'line-endings':
      return text.replace(/\r?\n/g, m.eol);
  }
}

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyMutation, text);
}

const at = fc.nat();

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insert' as const), at, text: fc.constantFrom(...TOKENS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insert' as const), at, text: fc.string({ maxLength: 12, unit: 'binary' }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate-line' as const), line: at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dedent-line' as const), line: at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('indent-line' as const), line: at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swap-lines' as const), line: at, other: at }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set-value' as const), entry: at, value: fc.constantFrom(...VALUES) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('rename-key' as const), entry: at, key: fc.constantFrom(...KEYS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('line-endings' as const), eol: fc.constantFrom('\r\n' as const, '\r' as const) }) },
);

/** One to `max` mutations, applied in order. */
export const mutationsArb = (max = 4): fc.Arbitrary<Mutation[]> => fc.array(mutationArb, { minLength: 1, maxLength: max });
