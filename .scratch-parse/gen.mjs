import * as Y from 'js-yaml';
import fs from 'fs';
let docs = [];
for (let i = 0; i < 2000; i++) {
  docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: ns-${i % 50}
  labels:
    app: app-${i}
spec:
  replicas: 25
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
        tier: t${i % 7}
    spec:
      containers:
      - name: main
        image: nginx:1.${i % 20}
        ports:
        - name: http
          containerPort: 8080
          protocol: TCP
        - containerPort: 9090
        resources:
          limits: {cpu: "1", memory: 1Gi}
`);
}
for (let i = 0; i < 5000; i++) {
  docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: np-${i}
  namespace: ns-${i % 50}
spec:
  podSelector:
    matchLabels:
      app: app-${i % 2000}
  policyTypes:
  - Ingress
  - Egress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: app-${(i + 1) % 2000}
    - namespaceSelector:
        matchExpressions:
        - key: team
          operator: In
          values: [a, b]
      podSelector: {}
    ports:
    - protocol: TCP
      port: 8080
    - port: http
  egress:
  - to:
    - ipBlock:
        cidr: 10.0.0.0/8
        except: [10.1.0.0/16]
    ports:
    - port: 53
      protocol: UDP
`);
}
const text = docs.join('---\n');
fs.writeFileSync('.scratch-parse/big.yaml', text);
console.log('bytes', text.length);
let t = performance.now();
const ev = Y.parseEvents(text, {});
console.log('events', ev.length, (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
const vals = Y.constructFromEvents(ev, { source: text });
console.log('construct', vals.length, (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
Y.loadAll(text);
console.log('loadAll', (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
const chunks = text.split(/^---(?=[ \t]|\r?$)/m);
let n = 0;
for (const c of chunks) { const e = Y.parseEvents(c, {}); n += Y.constructFromEvents(e, { source: c }).length; }
console.log('chunked', n, (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
const j = JSON.stringify(vals);
console.log('json bytes', j.length);
JSON.parse(j);
console.log('JSON.parse', (performance.now() - t).toFixed(0), 'ms');
t = performance.now();
Y.parseEvents(j, {});
console.log('parseEvents json', (performance.now() - t).toFixed(0), 'ms');
