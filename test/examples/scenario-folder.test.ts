import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifestFiles, readWorkspaceFiles } from '../../src/cli/files.ts';
import { examplesDir } from '../helpers/scenarios.ts';

const names = (files: readonly { name: string }[]) => files.map((f) => path.relative(examplesDir, f.name));

describe('a scenario folder on the command line', () => {
  it('reads as the files its scenario.json lists, in order, without the files of its steps', () => {
    const dir = path.join(examplesDir, 'lesson-default-deny');
    expect(names(readManifestFiles([dir]))).toEqual(['lesson-default-deny/cluster.yaml', 'lesson-default-deny/policies.yaml']);
    expect(names(readWorkspaceFiles([dir]))).toEqual([
      'lesson-default-deny/cluster.yaml',
      'lesson-default-deny/policies.yaml',
      'lesson-default-deny/expected.flows',
    ]);
  });

  it('does so inside a folder of scenarios too', () => {
    const files = names(readManifestFiles([examplesDir]));
    expect(files).toContain('mistake-stray-dash/policies.yaml');
    expect(files).not.toContain('mistake-stray-dash/fixed.yaml');
    expect(files.some((f) => f.endsWith('scenario.json'))).toBe(false);
  });
});
