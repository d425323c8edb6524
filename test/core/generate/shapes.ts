/** A two-namespace shop for the shapes the generator writes: cross-namespace, named ports, ranges, addresses. */
import { importManifests } from '../../../src/core/parse/index.ts';
import type { ClusterModel } from '../../../src/core/model/types.ts';
import type { FlowIntent } from '../../../src/core/generate/intent.ts';
import { w } from './seed.ts';

const deployment = (ns: string, name: string, labels: string, ports: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    matchLabels: {${labels}}
  template:
    metadata:
      labels: {${labels}}
    spec:
      containers:
      - name: main
        image: example/${name}
        ports: [${ports}]
`;

export const shopYaml = [
  deployment('shop', 'web', 'app.kubernetes.io/name: web, tier: frontend', '{name: https, containerPort: 8443}'),
  deployment('shop', 'api', 'app: api, tier: backend', '{name: grpc, containerPort: 9000}, {name: metrics, containerPort: 9090}'),
  deployment('payments', 'ledger', 'app: ledger, tier: backend', '{name: postgres, containerPort: 5432}'),
].join('---\n');

export const shopCluster: ClusterModel = importManifests([{ name: 'shop.yaml', text: shopYaml }]).model;

export const shopFlows: FlowIntent[] = [
  { source: w('shop/web'), destination: w('payments/ledger'), ports: { kind: 'declared' } },
  { source: w('shop/web'), destination: w('shop/api'), ports: { kind: 'custom', entries: [{ port: 'grpc' }] } },
  { source: w('shop/api'), destination: w('payments/ledger'), ports: { kind: 'custom', entries: [{ protocol: 'TCP', port: 5432, endPort: 5440 }] } },
  { source: { kind: 'anywhere' }, destination: w('shop/web'), ports: { kind: 'custom', entries: [{ protocol: 'TCP', port: 8443 }] } },
  { source: w('shop/api'), destination: { kind: 'ipBlock', cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }, ports: { kind: 'all' } },
  { source: w('shop/api'), destination: { kind: 'anywhere' }, ports: { kind: 'custom', entries: [{ protocol: 'UDP', port: 123 }] } },
];
