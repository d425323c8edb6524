/**
 * syncDocuments: only the documents of generated policies change; every other byte stays,
 * comments, `---` variations, CRLF and a missing final newline included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GeneratedPolicies } from '../../../src/core/generate/intent.ts';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from '../../../src/core/generate/managed.ts';
import { renderPolicy } from '../../../src/core/generate/render.ts';
import { replacePolicyDocument, syncFiles } from '../../../src/core/generate/sync-files.ts';
import { syncDocuments } from '../../../src/core/generate/sync.ts';
import type { NetworkPolicy } from '../../../src/core/model/types.ts';
import { importManifests } from '../../../src/core/parse/index.ts';

const managed = { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };
const allow = (name: string, app: string, from = 'api', ns = 'shop'): NetworkPolicy => ({
  kind: 'NetworkPolicy',
  name,
  namespace: ns,
  labels: managed,
  spec: { podSelector: { matchLabels: { app } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: from } } }] }] },
});
const gen = (...policies: NetworkPolicy[]): GeneratedPolicies => ({ policies, comments: {} });
const doc = (p: NetworkPolicy) => renderPolicy(p);

const configMap = `# The app's settings
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings   # keep me
  namespace: shop
data:
  banner: "--- not a marker ---"
`;

describe('syncDocuments', () => {
  it('replaces a generated document in place and keeps every other byte', () => {
    const text = `${configMap}--- # policies below\n${doc(allow('allow-db-ingress', 'db'))}# trailing note\n---\n${configMap}`;
    const { text: out, changes } = syncDocuments(text, gen(allow('allow-db-ingress', 'db', 'web')));
    expect(out).toBe(`${configMap}--- # policies below\n${doc(allow('allow-db-ingress', 'db', 'web'))}# trailing note\n---\n${configMap}`);
    expect(changes).toEqual([{ kind: 'replaced', policy: 'shop/allow-db-ingress' }]);
  });

  it('deletes generated documents that are no longer generated, keeping the comments after them', () => {
    const text = `${doc(allow('allow-db-ingress', 'db'))}---\n${configMap}---\n${doc(allow('allow-web-ingress', 'web'))}# end\n`;
    const { text: out, changes } = syncDocuments(text, gen());
    expect(out).toBe(`---\n${configMap}# end\n`);
    expect(changes.map((c) => c.kind)).toEqual(['deleted', 'deleted']);
  });

  it('never touches a hand-written policy, even one with a generated name', () => {
    const handWritten = { ...allow('allow-db-ingress', 'db'), labels: { team: 'db' } };
    const text = doc(handWritten);
    const { text: out } = syncDocuments(text, gen(allow('allow-db-ingress', 'db', 'web')));
    expect(out.startsWith(text)).toBe(true);
    expect(out.slice(text.length)).toBe(`---\n${doc(allow('allow-db-ingress', 'db', 'web'))}`);
  });

  it('inserts new documents next to the generated ones already there, in output order', () => {
    const [a, b, c] = [allow('allow-a-ingress', 'a'), allow('allow-b-ingress', 'b'), allow('allow-c-ingress', 'c')];
    const text = `${configMap}---\n${doc(b)}---\n${configMap}`;
    const { text: out, changes } = syncDocuments(text, gen(a, b, c));
    expect(out).toBe(`${configMap}---\n${doc(a)}---\n${doc(b)}---\n${doc(c)}---\n${configMap}`);
    expect(changes).toEqual([
      { kind: 'unchanged', policy: 'shop/allow-b-ingress' },
      { kind: 'inserted', policy: 'shop/allow-a-ingress' },
      { kind: 'inserted', policy: 'shop/allow-c-ingress' },
    ]);
  });

  it('appends to a file without generated documents, adding the missing final newline', () => {
    const a = allow('allow-a-ingress', 'a');
    expect(syncDocuments('', gen(a)).text).toBe(doc(a));
    expect(syncDocuments('# only a comment', gen(a)).text).toBe(`# only a comment\n---\n${doc(a)}`);
    const noNewline = configMap.trimEnd();
    expect(syncDocuments(noNewline, gen(a)).text).toBe(`${noNewline}\n---\n${doc(a)}`);
  });

  it('keeps CRLF line breaks, writing new documents with them too', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const text = crlf(`${configMap}---\n${doc(allow('allow-a-ingress', 'a'))}`);
    const { text: out } = syncDocuments(text, gen(allow('allow-a-ingress', 'a', 'web'), allow('allow-b-ingress', 'b')));
    expect(out).toBe(crlf(`${configMap}---\n${doc(allow('allow-a-ingress', 'a', 'web'))}---\n${doc(allow('allow-b-ingress', 'b'))}`));
  });

  it('recognises a generated document by its label, however it is written', () => {
    const metadata = `{"name": "allow-a-ingress", "namespace": "shop", "labels": {"${MANAGED_BY_LABEL}": "${MANAGED_BY_VALUE}"}}`;
    const json = `{"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": ${metadata}, "spec": {"podSelector": {}}}\n`;
    const { text: out } = syncDocuments(`${configMap}---\n${json}`, gen(allow('allow-a-ingress', 'a')));
    expect(out).toBe(`${configMap}---\n${doc(allow('allow-a-ingress', 'a'))}`);
  });

  it('leaves generated policies inside a List alone', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- ${doc(allow('allow-a-ingress', 'a')).trimEnd().replace(/\n/g, '\n  ')}\n`;
    const { text: out } = syncDocuments(list, gen());
    expect(out).toBe(list);
  });
});

describe('syncFiles and replacePolicyDocument', () => {
  it('updates generated documents where they are and puts new ones in the target file', () => {
    const files = [
      { name: 'cluster.yaml', text: `${configMap}---\n${doc(allow('allow-a-ingress', 'a'))}` },
      { name: 'policies.yaml', text: '' },
    ];
    const { files: out, changes } = syncFiles(files, gen(allow('allow-a-ingress', 'a', 'web'), allow('allow-b-ingress', 'b')), 'policies.yaml');
    expect(out).toEqual([
      { name: 'cluster.yaml', text: `${configMap}---\n${doc(allow('allow-a-ingress', 'a', 'web'))}` },
      { name: 'policies.yaml', text: doc(allow('allow-b-ingress', 'b')) },
    ]);
    expect(changes).toEqual([
      { kind: 'replaced', policy: 'shop/allow-a-ingress', file: 'cluster.yaml' },
      { kind: 'inserted', policy: 'shop/allow-b-ingress', file: 'policies.yaml' },
    ]);
  });

  it('re-renders one hand-written document, keeping the comments around it', () => {
    const mine = { ...allow('mine', 'db'), labels: { team: 'db' } };
    const text = `${configMap}--- # mine\n# written by hand\n${doc(mine)}# after\n---\n${configMap}`;
    const narrowed = { ...mine, spec: { ...mine.spec, ingress: [] } };
    expect(replacePolicyDocument(text, narrowed)).toBe(`${configMap}--- # mine\n# written by hand\n${doc(narrowed)}# after\n---\n${configMap}`);
    expect(replacePolicyDocument(configMap, narrowed)).toBeUndefined();
  });
});

describe('syncDocuments (property)', () => {
  const otherArb = fc
    .record({
      lead: fc.constantFrom('', '# note\n', '#\n\n'),
      kind: fc.constantFrom('ConfigMap', 'Namespace', 'Service'),
      n: fc.nat(99),
      tail: fc.constantFrom('', '  # inline', ' # a --- b'),
    })
    .map(({ lead, kind, n, tail }) => `${lead}apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: x${n}${tail}\n`);
  const names = ['allow-a-ingress', 'allow-b-ingress', 'default-deny-ingress'];
  const poolArb = fc.constantFrom(...names.flatMap((name) => ['x', 'y'].map((ns) => ({ name, ns }))));
  const policyArb = fc
    .record({ id: poolArb, app: fc.constantFrom('a', 'b'), from: fc.constantFrom('api', 'web') })
    .map(({ id, app, from }) => allow(id.name, app, from, id.ns));
  const trailerArb = fc.constantFrom('', '# after\n', '\n# after\n');
  const pieceArb = fc.oneof(
    otherArb.map((text) => ({ text, managed: false, keep: text })),
    fc.tuple(policyArb, trailerArb).map(([p, trailer]) => ({ text: doc(p) + trailer, managed: true, keep: trailer.trim() ? '# after\n' : '' })),
  );
  const fileArb = fc.record({
    pieces: fc.array(fc.record({ piece: pieceArb, sep: fc.constantFrom('---\n', '--- # cut\n', '---   \n') }), { minLength: 1, maxLength: 6 }),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
    generated: fc.uniqueArray(policyArb, { maxLength: 4, selector: (p) => `${p.namespace}/${p.name}` }),
  });

  it('keeps every other document byte for byte, writes exactly the generated ones, and is idempotent', () => {
    fc.assert(
      fc.property(fileArb, ({ pieces, crlf, finalNewline, generated }) => {
        const eol = (s: string) => (crlf ? s.replace(/\n/g, '\r\n') : s);
        const chunks = pieces.map(({ piece, sep }, i) => ({
          text: eol(i === 0 ? piece.text : sep + piece.text),
          keep: eol(piece.managed ? piece.keep : i === 0 ? piece.text : sep + piece.text),
        }));
        let text = chunks.map((c) => c.text).join('');
        if (!finalNewline) text = text.replace(/\r?\n$/, '');
        const out = syncDocuments(text, gen(...generated)).text;
        let cursor = 0;
        for (const [i, c] of chunks.entries()) {
          if (c.keep === '') continue;
          const kept = finalNewline || i < chunks.length - 1 ? c.keep : c.keep.replace(/\r?\n$/, '');
          const at = out.indexOf(kept, cursor);
          expect(at, `kept ${JSON.stringify(kept)}`).toBeGreaterThanOrEqual(cursor);
          cursor = at + kept.length;
        }
        if (crlf) expect(out.replace(/\r\n/g, '')).not.toContain('\n');
        const { model } = importManifests([{ name: 'out.yaml', text: out }]);
        const written = model.policies.filter((p) => p.labels?.[MANAGED_BY_LABEL]).map(({ source: _s, ...p }) => p);
        const byId = (a: NetworkPolicy, b: NetworkPolicy) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`);
        expect(written.sort(byId)).toEqual([...generated].sort(byId));
        expect(out.split(`${MANAGED_BY_LABEL}: ${MANAGED_BY_VALUE}`).length - 1).toBe(generated.length);
        const again = syncDocuments(out, gen(...generated));
        expect(again.text).toBe(out);
        expect(again.changes.every((c) => c.kind === 'unchanged')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
