import { describe, expect, it } from 'vitest';
import { importNotice } from '../../src/ui/yaml/FileDrop.tsx';
import {
  dialogManifests,
  isManifestName,
  MAX_FILE_BYTES,
  readManifestFiles,
  withUniqueNames,
  type FileSource,
} from '../../src/ui/yaml/import-files.ts';

const source = (path: string, text: string, size = text.length): FileSource => ({ path, size, text: async () => text });

describe('isManifestName', () => {
  it('accepts .yaml, .yml and .json, in any case', () => {
    expect(['a.yaml', 'b.YML', 'dir/c.json', 'expected.flows'].every(isManifestName)).toBe(true);
    expect(['README.md', 'yaml', 'a.yaml.bak', 'x.txt'].some(isManifestName)).toBe(false);
  });
});

describe('readManifestFiles', () => {
  it('reads manifest files sorted by path, keeping their text exactly', async () => {
    const read = await readManifestFiles([source('z/b.yaml', 'b: 1'), source('a.json', '{ }\r\n'), source('notes.txt', 'x')]);
    expect(read.files).toEqual([
      { name: 'a.json', text: '{ }\r\n' },
      { name: 'z/b.yaml', text: 'b: 1' },
    ]);
    expect(read.skipped.map((s) => s.name)).toEqual(['notes.txt']);
  });
  it('skips huge files and files that cannot be read, without throwing', async () => {
    const failing: FileSource = { path: 'gone.yaml', size: 3, text: () => Promise.reject(new Error('NotFoundError')) };
    const read = await readManifestFiles([source('huge.yaml', '', MAX_FILE_BYTES + 1), failing]);
    expect(read.files).toEqual([]);
    expect(read.skipped.map((s) => s.name)).toEqual(['gone.yaml', 'huge.yaml']);
    expect(read.skipped[1]?.reason).toMatch(/MB/);
  });
});

describe('dialogManifests', () => {
  it('names pasted text pasted.yaml, after the picked files', () => {
    expect(dialogManifests([{ name: 'a.yaml', text: 'a' }], 'kind: Pod\n')).toEqual([
      { name: 'a.yaml', text: 'a' },
      { name: 'pasted.yaml', text: 'kind: Pod\n' },
    ]);
  });
  it('ignores blank pasted text and renames a clash', () => {
    expect(dialogManifests([], ' \n')).toEqual([]);
    expect(dialogManifests([{ name: 'pasted.yaml', text: 'x' }], 'y').map((f) => f.name)).toEqual(['pasted.yaml', 'pasted-2.yaml']);
  });
});

describe('withUniqueNames', () => {
  it('numbers names already taken', () => {
    const named = withUniqueNames(
      [
        { name: 'a.yaml', text: '1' },
        { name: 'a.yaml', text: '2' },
        { name: 'b', text: '3' },
      ],
      ['b'],
    );
    expect(named.map((f) => f.name)).toEqual(['a.yaml', 'a-2.yaml', 'b-2']);
  });
});

describe('importNotice', () => {
  it('says when nothing could be imported, and what was skipped', () => {
    expect(importNotice({ files: [], skipped: [{ name: 'x.png', reason: 'r' }] })).toMatch(/Nothing imported/);
    expect(importNotice({ files: [{ name: 'a.yaml', text: '' }], skipped: [] })).toBeUndefined();
    expect(importNotice({ files: [{ name: 'a.yaml', text: '' }], skipped: [{ name: 'x.png', reason: 'r' }] })).toBe(
      'Imported 1 file; skipped 1 (x.png: r).',
    );
  });
});
