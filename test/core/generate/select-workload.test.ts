/**
 * selectWorkload: the smallest set of a workload's labels that selects it and nothing else of
 * its namespace, preferring app.kubernetes.io/name and app; or why none does, and what to add.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectWorkload } from '../../../src/core/generate/select-workload.ts';
import { matchesSelector } from '../../../src/core/model/selector.ts';
import type { ClusterModel, Labels } from '../../../src/core/model/types.ts';
import { cluster } from '../evaluate/fixture.ts';

const model = (pods: Record<string, Labels>): ClusterModel => cluster(Object.entries(pods).map(([id, labels]) => ({ id, labels })), []);

describe('selectWorkload', () => {
  it('prefers app.kubernetes.io/name, then app, over other unique labels', () => {
    const m = model({
      'shop/web': { 'app.kubernetes.io/name': 'web', app: 'web', zone: 'a' },
      'shop/api': { app: 'api', version: 'v1' },
      'shop/other': {},
    });
    expect(selectWorkload(m, 'shop/web')).toEqual({ selector: { matchLabels: { 'app.kubernetes.io/name': 'web' } } });
    expect(selectWorkload(m, 'shop/api')).toEqual({ selector: { matchLabels: { app: 'api' } } });
  });

  it('combines labels when no single one singles the workload out', () => {
    const m = model({
      'shop/web-blue': { app: 'web', color: 'blue' },
      'shop/web-green': { app: 'web', color: 'green' },
      'shop/db-blue': { app: 'db', color: 'blue' },
    });
    expect(selectWorkload(m, 'shop/web-blue')).toEqual({ selector: { matchLabels: { app: 'web', color: 'blue' } } });
    expect(selectWorkload(m, 'shop/db-blue')).toEqual({ selector: { matchLabels: { app: 'db' } } });
  });

  it('looks only at the workload’s own namespace', () => {
    const m = model({ 'a/web': { app: 'web' }, 'b/web': { app: 'web' } });
    expect(selectWorkload(m, 'b/web')).toEqual({ selector: { matchLabels: { app: 'web' } } });
  });

  it('never uses labels that change on every rollout', () => {
    const m = model({ 'shop/web': { app: 'web', 'pod-template-hash': '7d9f' }, 'shop/web2': { app: 'web' } });
    const result = selectWorkload(m, 'shop/web');
    expect(result.selector).toBeUndefined();
    expect(result.suggestion).toEqual({ key: 'app.kubernetes.io/name', value: 'web' });
  });

  it('says when no label set singles the workload out, and suggests a label only it would carry', () => {
    const m = model({ 'shop/web': { app: 'web' }, 'shop/web-canary': { app: 'web', track: 'canary' }, 'shop/bare': {} });
    const web = selectWorkload(m, 'shop/web');
    expect(web.problem).toMatch(/every set of shop\/web's labels also selects other pods of namespace shop/);
    expect(web.suggestion).toEqual({ key: 'app.kubernetes.io/name', value: 'web' });
    expect(selectWorkload(m, 'shop/web-canary').selector).toEqual({ matchLabels: { track: 'canary' } });
    expect(selectWorkload(m, 'shop/bare')).toMatchObject({
      problem: expect.stringMatching(/has no labels/),
      suggestion: { key: 'app.kubernetes.io/name', value: 'bare' },
    });
  });

  it('reports an unknown workload', () => {
    expect(selectWorkload(model({}), 'shop/nope')).toEqual({ problem: 'shop/nope is not a workload of the cluster' });
  });

  it('chooses a selector that selects exactly the workload, with no smaller subset of its labels doing so', () => {
    const labels = fc.dictionary(fc.constantFrom('app', 'app.kubernetes.io/name', 'tier', 'team', 'zone'), fc.constantFrom('a', 'b', 'c'), { maxKeys: 4 });
    fc.assert(
      fc.property(fc.array(labels, { minLength: 1, maxLength: 6 }), (all) => {
        const m = model(Object.fromEntries(all.map((l, i) => [`ns/w${i}`, l])));
        for (const w of m.workloads) {
          const others = m.pods.filter((p) => p.workloadId !== w.id);
          const singles = (keys: string[]) => !others.some((p) => keys.every((k) => p.labels[k] === w.labels[k]));
          const subsets = (keys: string[]): string[][] => keys.reduce<string[][]>((acc, k) => [...acc, ...acc.map((s) => [...s, k])], [[]]).slice(1);
          const result = selectWorkload(m, w.id);
          if (result.selector) {
            const chosen = Object.keys(result.selector.matchLabels ?? {});
            expect(matchesSelector(result.selector, w.labels)).toBe(true);
            expect(others.filter((p) => matchesSelector(result.selector!, p.labels))).toEqual([]);
            expect(subsets(Object.keys(w.labels)).filter((s) => s.length < chosen.length && singles(s))).toEqual([]);
          } else {
            expect(subsets(Object.keys(w.labels)).filter(singles)).toEqual([]);
            const { key, value } = result.suggestion!;
            const fixed = cluster(m.pods.map((p) => ({ id: p.id, labels: p.id === w.id ? { ...p.labels, [key]: value } : p.labels })), []);
            expect(selectWorkload(fixed, w.id).selector).toBeDefined();
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
