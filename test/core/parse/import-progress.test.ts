import { describe, expect, it } from 'vitest';
import { importManifests, type ImportProgress } from '../../../src/core/index.ts';
import { DOCUMENTS_PER_PROGRESS } from '../../../src/core/parse/manifests.ts';

function pods(count: number): string {
  return Array.from({ length: count }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p-${i}\n  labels: {app: a}\n`).join('---\n');
}

describe('import progress', () => {
  it('reports each file from no documents read to all of them, in order, and changes nothing', () => {
    const files = [
      { name: 'a.yaml', text: pods(DOCUMENTS_PER_PROGRESS * 2 + 5) },
      { name: 'b.yaml', text: pods(3) },
    ];
    const seen: ImportProgress[] = [];
    const result = importManifests(files, { onProgress: (p) => seen.push(p) });
    expect(result).toEqual(importManifests(files));
    const first = seen.filter((p) => p.fileIndex === 0);
    expect(first.map((p) => p.stage)).toEqual(['parsing', 'reading', 'reading', 'reading', 'reading']);
    expect(first.map((p) => p.documentsRead)).toEqual([0, 0, DOCUMENTS_PER_PROGRESS, DOCUMENTS_PER_PROGRESS * 2, DOCUMENTS_PER_PROGRESS * 2 + 5]);
    expect(seen.at(-1)).toEqual({ stage: 'reading', fileIndex: 1, files: 2, documentsRead: 3, documents: 3 });
    expect(seen.every((p) => p.documents >= p.documentsRead && p.files === 2)).toBe(true);
  });
});
