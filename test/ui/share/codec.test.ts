import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from '../../../src/ui/share/base64url.ts';
import { decodeSharePayload, encodeShareWorkspace, findSharePayload, shareFragment } from '../../../src/ui/share/codec.ts';
import { deflateBytes } from '../../../src/ui/share/inflate.ts';
import { MAX_PAYLOAD_CHARS } from '../../../src/ui/share/limits.ts';
import { makeShareable, type WorkspaceToShare } from '../../../src/ui/share/shareable.ts';
import { checkFileName, type SharedWorkspace } from '../../../src/ui/share/shared-workspace.ts';

/** A payload carrying any text, as a crafted link would. */
function craft(text: string | Uint8Array): string {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return `v1.${encodeBase64url(deflateBytes(bytes))}`;
}

function encode(workspace: SharedWorkspace): string {
  const result = encodeShareWorkspace(workspace);
  if (!result.ok) throw new Error(result.error.message);
  return result.payload;
}

const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.constant(''));
const anyName = fc.string({ unit: 'grapheme', minLength: 0, maxLength: 60 });
const coordinate = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((v) => v + 0);

const workspaceInput: fc.Arbitrary<WorkspaceToShare> = fc
  .record({
    title: fc.string({ unit: 'grapheme', maxLength: 80 }),
    files: fc.array(fc.record({ name: anyName, text }), { maxLength: 30 }),
    positions: fc.dictionary(fc.string({ minLength: 1, maxLength: 40 }).filter((id) => !['__proto__', 'constructor', 'prototype'].includes(id) && !/\p{Cc}/u.test(id)), fc.record({ x: coordinate, y: coordinate }), { maxKeys: 20 }),
    guide: fc.option(fc.record({ scenarioId: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/), step: fc.nat(1000) }), { nil: undefined }),
    presentation: fc.boolean(),
    active: fc.nat(),
  })
  .map(({ active, ...rest }) => ({ ...rest, activeFile: rest.files[active % Math.max(1, rest.files.length)]?.name ?? '' }));

describe('base64url', () => {
  it('agrees with Node for any bytes, both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = encodeBase64url(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64url'));
        expect(decodeBase64url(encoded)).toEqual(bytes);
      }),
    );
  });

  it('rejects characters outside the alphabet and impossible lengths', () => {
    expect(decodeBase64url('ab+c')).toBeUndefined();
    expect(decodeBase64url('ab/c')).toBeUndefined();
    expect(decodeBase64url('abc=')).toBeUndefined();
    expect(decodeBase64url('abcde')).toBeUndefined();
    expect(decodeBase64url('abé')).toBeUndefined();
  });
});

describe('encodeShareWorkspace and decodeSharePayload', () => {
  it('round-trip any workspace once made shareable: unicode, empty files, many files, positions, guided step', () => {
    fc.assert(
      fc.property(workspaceInput, (input) => {
        const { workspace } = makeShareable(input);
        const decoded = decodeSharePayload(encode(workspace));
        expect(decoded).toEqual({ ok: true, workspace });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every name, title and position that a link can carry exactly as it was', () => {
    fc.assert(
      fc.property(workspaceInput, (input) => {
        const names = new Set<string>();
        const files = input.files.filter((f) => checkFileName(f.name) === undefined && !names.has(f.name) && names.add(f.name));
        const { workspace, renamed } = makeShareable({ ...input, files });
        expect(renamed).toEqual([]);
        expect(workspace.files).toEqual(files);
        expect(workspace.positions).toEqual(input.positions);
      }),
    );
  });

  it('renames what a link cannot carry, and says so', () => {
    const { workspace, renamed } = makeShareable({
      title: 'T',
      files: [
        { name: '<b>x</b>.yaml', text: 'a' },
        { name: 'a.yaml', text: 'b' },
        { name: 'a.yaml', text: 'c' },
        { name: '', text: 'd' },
      ],
      activeFile: '<b>x</b>.yaml',
      positions: { 'default/a': { x: Number.NaN, y: 1 }, 'default/b': { x: 2, y: 3 } },
    });
    expect(workspace.files.map((f) => f.name)).toEqual(['_b_x_/b_.yaml', 'a.yaml', 'a-2.yaml', 'file.yaml']);
    expect(renamed).toHaveLength(3);
    expect(workspace.activeFile).toBe('_b_x_/b_.yaml');
    expect(workspace.positions).toEqual({ 'default/b': { x: 2, y: 3 } });
  });

  it('packs a typical workspace into a short link', () => {
    const yaml = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n';
    const payload = encode(makeShareable({ title: 'Demo', files: [{ name: 'p.yaml', text: yaml.repeat(20) }], activeFile: 'p.yaml', positions: {} }).workspace);
    expect(payload.length).toBeLessThan(400);
  });
});

describe('decodeSharePayload on damaged and crafted links', () => {
  const valid = encode(
    makeShareable({
      title: 'Shared',
      files: [
        { name: 'a.yaml', text: 'kind: Pod\nmetadata:\n  name: a\n' },
        { name: 'b.yaml', text: '' },
      ],
      activeFile: 'a.yaml',
      positions: { 'default/a': { x: 10, y: 20 } },
      guide: { scenarioId: 'seed-all', step: 2 },
    }).workspace,
  );

  it('never throws on truncations of a valid link, and reports them', () => {
    fc.assert(
      fc.property(fc.nat(valid.length - 1), (cut) => {
        const result = decodeSharePayload(valid.slice(0, cut));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random edits of a valid link; whatever opens passes the shape check', () => {
    const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('replace', 'insert', 'delete'), char: fc.string({ minLength: 1, maxLength: 3, unit: 'binary' }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        let payload = valid;
        for (const { at, kind, char } of edits) {
          const i = at % (payload.length + 1);
          payload = payload.slice(0, i) + (kind === 'delete' ? '' : char) + payload.slice(kind === 'insert' ? i : i + 1);
        }
        const result = decodeSharePayload(payload);
        if (result.ok) {
          for (const file of result.workspace.files) expect(checkFileName(file.name)).toBeUndefined();
          for (const p of Object.values(result.workspace.positions)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
        } else {
          expect(result.error.message).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary bytes behind the version, or on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(decodeSharePayload(`v1.${encodeBase64url(bytes)}`).ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = decodeSharePayload(craft(JSON.stringify(value)));
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });

  const cases: [string, string, string][] = [
    ['another version', `v2.${valid.slice(3)}`, 'SHARE_VERSION'],
    ['no version', valid.slice(3), 'SHARE_NOT_A_LINK'],
    ['base64 with padding and + /', `v1.ab+/cd==`, 'SHARE_BASE64'],
    ['bytes that are not deflate', `v1.${encodeBase64url(new TextEncoder().encode('hello, not compressed'))}`, 'SHARE_CORRUPT'],
    ['deflate of text that is not JSON', craft('kind: Pod'), 'SHARE_NOT_JSON'],
    ['deflate of bytes that are not UTF-8', craft(new Uint8Array([0xff, 0xfe, 0x7b])), 'SHARE_NOT_JSON'],
    ['JSON that is a list', craft('[1,2]'), 'SHARE_SHAPE'],
    ['JSON null', craft('null'), 'SHARE_SHAPE'],
    ['files that are not pairs', craft('{"t":"x","f":[{"name":"a","text":""}]}'), 'SHARE_SHAPE'],
    ['a title that is not text', craft('{"t":1,"f":[]}'), 'SHARE_SHAPE'],
    ['an unknown field', craft('{"t":"x","f":[],"x":1}'), 'SHARE_SHAPE'],
    ['a __proto__ field', craft('{"t":"x","f":[],"__proto__":{"polluted":1}}'), 'SHARE_SHAPE'],
    ['a __proto__ position', craft('{"t":"x","f":[],"p":{"__proto__":[1,2]}}'), 'SHARE_SHAPE'],
    ['a position of huge numbers', craft('{"t":"x","f":[],"p":{"a/b":[1e999,2]}}'), 'SHARE_SHAPE'],
    ['a position past the canvas', craft('{"t":"x","f":[],"p":{"a/b":[1e300,2]}}'), 'SHARE_SHAPE'],
    ['a position that is text', craft('{"t":"x","f":[],"p":{"a/b":["1","2"]}}'), 'SHARE_SHAPE'],
    ['markup in a file name', craft('{"t":"x","f":[["<img src=x onerror=alert(1)>.yaml",""]]}'), 'SHARE_SHAPE'],
    ['a control character in a file name', craft('{"t":"x","f":[["a\\u0000.yaml",""]]}'), 'SHARE_SHAPE'],
    ['a file name climbing folders', craft('{"t":"x","f":[["../etc/passwd",""]]}'), 'SHARE_SHAPE'],
    ['two files of one name', craft('{"t":"x","f":[["a.yaml",""],["a.yaml",""]]}'), 'SHARE_SHAPE'],
    ['an open file that is not there', craft('{"t":"x","f":[["a.yaml",""]],"a":"b.yaml"}'), 'SHARE_SHAPE'],
    ['a fractional step', craft('{"t":"x","f":[],"g":{"s":"seed-all","n":1.5}}'), 'SHARE_SHAPE'],
    ['a scenario id with markup', craft('{"t":"x","f":[],"g":{"s":"<x>","n":1}}'), 'SHARE_SHAPE'],
    ['a title with control characters', craft('{"t":"a\\u001bb","f":[]}'), 'SHARE_SHAPE'],
    ['too many files', craft(JSON.stringify({ t: 'x', f: Array.from({ length: 501 }, (_, i) => [`f${i}.yaml`, '']) })), 'SHARE_SHAPE'],
  ];
  it.each(cases)('rejects %s', (_what, payload, code) => {
    const result = decodeSharePayload(payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('stops inflating a zip bomb at the size limit', () => {
    const bomb = craft(new Uint8Array(64 * 1024 * 1024).fill(32));
    expect(bomb.length).toBeLessThan(200_000);
    const result = decodeSharePayload(bomb);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('SHARE_TOO_LARGE');
  });

  it('refuses a payload longer than the limit before decoding it', () => {
    const result = decodeSharePayload(`v1.${'A'.repeat(MAX_PAYLOAD_CHARS)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('SHARE_TOO_LONG');
  });
});

describe('findSharePayload', () => {
  it('reads the payload from #share= and nothing else', () => {
    expect(findSharePayload(shareFragment('v1.abc'))).toBe('v1.abc');
    expect(findSharePayload('#share=')).toBe('');
    expect(findSharePayload('#other=v1.abc')).toBeUndefined();
    expect(findSharePayload('')).toBeUndefined();
  });
});
