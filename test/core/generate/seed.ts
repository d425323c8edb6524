/** The seed tutorial's five pods, and the five flows of its policies drawn on the canvas. */
import { readFileSync } from 'node:fs';
import { importManifests } from '../../../src/core/parse/index.ts';
import type { ClusterModel } from '../../../src/core/model/types.ts';
import type { FlowEnd, FlowIntent } from '../../../src/core/generate/intent.ts';

const clusterYaml = readFileSync(new URL('../../../examples/seed-all/cluster.yaml', import.meta.url), 'utf8');

export const seedCluster: ClusterModel = importManifests([{ name: 'cluster.yaml', text: clusterYaml }]).model;

export const w = (id: string): FlowEnd => ({ kind: 'workload', id: id.includes('/') ? id : `default/${id}` });

/** frontend ← backend (all ports); frontend → database TCP 3306; backend → 8.8.8.8/32; api → backend; backend → db TCP 5432. */
export const seedFlows: FlowIntent[] = [
  { source: w('backend'), destination: w('frontend'), ports: { kind: 'all' } },
  { source: w('frontend'), destination: w('database'), ports: { kind: 'custom', entries: [{ protocol: 'TCP', port: 3306 }] } },
  { source: w('backend'), destination: { kind: 'ipBlock', cidr: '8.8.8.8/32' }, ports: { kind: 'all' } },
  { source: w('api'), destination: w('backend'), ports: { kind: 'declared' } },
  { source: w('backend'), destination: w('db'), ports: { kind: 'custom', entries: [{ protocol: 'TCP', port: 5432 }] } },
];
