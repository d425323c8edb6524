/**
 * Synthetic clusters for the benchmarks: namespaces of workloads with app/tier labels, and
 * per-app policies of the kinds real clusters have (default deny, allow from app, from a
 * namespace, to DNS, to external CIDRs, named ports). Deterministic for a given size.
 */
export interface ClusterSize {
  readonly pods: number;
  readonly workloads: number;
  readonly policies: number;
  /** `pods`: one Pod manifest per pod (owned by a ReplicaSet when workloads < pods); `deployments`: templates with replicas. */
  readonly style: 'pods' | 'deployments';
}

export const SIZES: readonly ClusterSize[] = [
  { pods: 9, workloads: 9, policies: 10, style: 'pods' },
  { pods: 500, workloads: 500, policies: 100, style: 'pods' },
  { pods: 5_000, workloads: 500, policies: 1_000, style: 'pods' },
  { pods: 50_000, workloads: 2_000, policies: 5_000, style: 'deployments' },
];

function namespaceCount(workloads: number): number {
  return Math.max(1, Math.round(Math.sqrt(workloads) / 2));
}

const TIERS = ['web', 'api', 'db', 'cache'];

function workload(i: number, namespaces: number) {
  return { ns: `team-${i % namespaces}`, app: `app-${i}`, tier: TIERS[i % TIERS.length]! };
}

function podYaml(name: string, w: ReturnType<typeof workload>, ip: string, owner?: string): string {
  const ownerYaml = owner
    ? `  ownerReferences:\n  - apiVersion: apps/v1\n    kind: ReplicaSet\n    name: ${owner}\n    uid: ${owner}-uid\n    controller: true\n`
    : '';
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${w.ns}
  labels:
    app: ${w.app}
    tier: ${w.tier}
${ownerYaml}spec:
  containers:
  - name: main
    image: example/${w.app}:1.0
    ports:
    - name: http
      containerPort: 8080
      protocol: TCP
    - name: metrics
      containerPort: 9090
      protocol: TCP
status:
  podIP: ${ip}
`;
}

function deploymentYaml(w: ReturnType<typeof workload>, replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${w.app}
  namespace: ${w.ns}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${w.app}
  template:
    metadata:
      labels:
        app: ${w.app}
        tier: ${w.tier}
    spec:
      containers:
      - name: main
        image: example/${w.app}:1.0
        ports:
        - name: http
          containerPort: 8080
        - name: metrics
          containerPort: 9090
`;
}

function policyYaml(i: number, size: ClusterSize, namespaces: number): string {
  const w = workload(i % size.workloads, namespaces);
  const peer = workload((i * 7 + 3) % size.workloads, namespaces);
  const head = (name: string, types: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: ${w.ns}
spec:
${types}`;
  switch (i % 5) {
    case 0:
      return head(`allow-${peer.app}-to-${w.app}-${i}`, `  podSelector:
    matchLabels:
      app: ${w.app}
  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: ${peer.ns}
      podSelector:
        matchLabels:
          app: ${peer.app}
    ports:
    - port: http
`);
    case 1:
      return head(`egress-${w.app}-${i}`, `  podSelector:
    matchLabels:
      app: ${w.app}
  policyTypes: [Egress]
  egress:
  - to:
    - podSelector:
        matchLabels:
          tier: db
    ports:
    - protocol: TCP
      port: 5432
  - to:
    - namespaceSelector: {}
      podSelector:
        matchLabels:
          k8s-app: kube-dns
    ports:
    - protocol: UDP
      port: 53
  - to:
    - ipBlock:
        cidr: 10.${i % 200}.0.0/16
        except:
        - 10.${i % 200}.1.0/24
`);
    case 2:
      return head(`tier-${w.tier}-${i}`, `  podSelector:
    matchExpressions:
    - key: tier
      operator: In
      values: [${w.tier}, cache]
  ingress:
  - from:
    - podSelector:
        matchLabels:
          tier: web
    ports:
    - port: 8000
      endPort: 8100
`);
    case 3:
      return head(`metrics-${w.app}-${i}`, `  podSelector:
    matchLabels:
      app: ${w.app}
  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: monitoring
    ports:
    - port: metrics
`);
    default:
      return head(`default-deny-${i}`, `  podSelector: {}
  policyTypes: [Ingress]
`);
  }
}

function ipOf(i: number): string {
  return `10.${200 + ((i >> 16) & 0x1f)}.${(i >> 8) & 0xff}.${i & 0xff}`;
}

/** The whole cluster as one multi-document YAML text. */
export function generateClusterYaml(size: ClusterSize): string {
  const namespaces = namespaceCount(size.workloads);
  const docs: string[] = [];
  for (let n = 0; n < namespaces; n++) {
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-${n}\n  labels:\n    team: team-${n}\n`);
  }
  if (size.style === 'deployments') {
    const replicas = Math.round(size.pods / size.workloads);
    for (let i = 0; i < size.workloads; i++) docs.push(deploymentYaml(workload(i, namespaces), replicas));
  } else {
    const perWorkload = size.pods / size.workloads;
    for (let p = 0; p < size.pods; p++) {
      const wi = Math.floor(p / perWorkload);
      const w = workload(wi, namespaces);
      const owner = perWorkload > 1 ? `${w.app}-5d4f8` : undefined;
      docs.push(podYaml(owner ? `${owner}-${p}` : w.app, w, ipOf(p), owner));
    }
  }
  for (let i = 0; i < size.policies; i++) docs.push(policyYaml(i, size, namespaces));
  return docs.join('---\n');
}
