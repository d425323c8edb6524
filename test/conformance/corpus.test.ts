/**
 * The corpus itself is data someone transcribed by hand: every case must be well formed, name a
 * cluster that exists and pods that the cluster holds, and its readable truth table (`grid`) must
 * say exactly what its `default` and `overrides` say, so a transcription slip cannot hide.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConformanceCases, type LoadedCase } from '../../src/cli/conformance/run-dir.ts';
import { importManifests } from '../../src/core/parse/index.ts';
import { parseIp } from '../../src/core/model/ipset.ts';

const dirs = [resolve(__dirname, '../../conformance'), resolve(__dirname, '../../../shared/conformance')].filter(existsSync);

interface GridProbe {
  readonly default: boolean | null;
  readonly overrides: readonly (readonly [string, string, boolean])[];
  readonly grid?: readonly string[];
}

function clusterPods(loaded: LoadedCase): Set<string> {
  const text = readFileSync(join(loaded.dir, 'clusters', `${loaded.case.cluster}.yaml`), 'utf8');
  const { model } = importManifests([{ name: 'cluster.yaml', text }]);
  return new Set(model.pods.filter((p) => !p.fromTemplate && !p.inferred).map((p) => p.id));
}

/** The grid's cells that disagree with default/overrides, as `from -> to` strings. */
function gridMismatches(probe: GridProbe): string[] {
  const rows = probe.grid ?? [];
  const columns = rows.map((row) => row.split(' ')[0] ?? '');
  const expected = new Map(probe.overrides.map(([from, to, allowed]) => [`${from} -> ${to}`, allowed]));
  const out: string[] = [];
  rows.forEach((row) => {
    const [from = '', cells = ''] = row.split(' ');
    columns.forEach((to, i) => {
      if (from === to) return;
      const want = expected.get(`${from} -> ${to}`) ?? probe.default;
      if ((cells[i] === '.') !== want) out.push(`${from} -> ${to}`);
    });
  });
  return out;
}

for (const dir of dirs) {
  describe(`conformance corpus is well formed (${basename(resolve(dir, '..'))}/${basename(dir)})`, () => {
    const cases = loadConformanceCases(dir);

    it.each(cases.map((c) => [c.case.id, c] as const))('%s', (_, loaded) => {
      const c = loaded.case;
      expect(basename(loaded.file)).toBe(`${c.id}.json`);
      if (c.type === 'validation') {
        expect(c.expect, 'a validation case says what it expects').toBeDefined();
        return;
      }
      expect(c.type).toBe('reachability');
      expect(existsSync(join(dir, 'clusters', `${c.cluster}.yaml`)), `cluster ${c.cluster} exists`).toBe(true);
      const pods = clusterPods(loaded);
      expect(c.probes?.length, 'at least one probe').toBeGreaterThan(0);
      for (const probe of c.probes ?? []) {
        expect(['TCP', 'UDP', 'SCTP']).toContain(probe.protocol);
        expect(probe.port >= 1 && probe.port <= 65535, `port ${probe.port}`).toBe(true);
        for (const [from, to] of probe.overrides) {
          for (const end of [from, to]) {
            expect(pods.has(end) || parseIp(end) !== null, `${end} is a pod of ${c.cluster} or an address`).toBe(true);
          }
          expect(from === to, `${from} -> itself is never checked`).toBe(false);
        }
        expect(gridMismatches(probe as GridProbe), 'grid cells that disagree with default/overrides').toEqual([]);
      }
    });
  });
}

describe('grid check', () => {
  it('finds a cell that contradicts the overrides', () => {
    const probe: GridProbe = { default: true, overrides: [['x/a', 'x/b', false]], grid: ['x/a ..', 'x/b ..'] };
    expect(gridMismatches(probe)).toEqual(['x/a -> x/b']);
    expect(gridMismatches({ ...probe, grid: ['x/a .X', 'x/b ..'] })).toEqual([]);
  });
});
