import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';
import { connlistEntries, formatConnlist } from '../../../src/core/evaluate/connlist.ts';
import { cluster, policy } from './fixture.ts';

const pods = [
  { id: 'shop/web', labels: { app: 'web' } },
  { id: 'shop/db', labels: { app: 'db' } },
];

describe('connlistEntries', () => {
  it('lists every allowed pair and external range in netpol-analyzer format, sorted', () => {
    const dbIngress = policy('shop/db', {
      podSelector: { matchLabels: { app: 'db' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 5432 }] }],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.10.0.0/16'] } }], ports: [{ protocol: 'UDP', port: 53 }] }],
    });
    const matrix = createEvaluator(cluster(pods, [dbIngress])).matrix({ granularity: 'workload' });
    expect(formatConnlist(connlistEntries(matrix, { families: [4] }))).toBe(
      [
        '0.0.0.0-255.255.255.255[External] => shop/web[Pod] : All Connections',
        'shop/db[Pod] => 10.0.0.0-10.9.255.255[External] : UDP 53',
        'shop/db[Pod] => 10.11.0.0-10.255.255.255[External] : UDP 53',
        'shop/web[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
        'shop/web[Pod] => shop/db[Pod] : TCP 5432',
        '',
      ].join('\n'),
    );
  });

  it('lists IPv6 ranges too unless asked for IPv4 only', () => {
    const matrix = createEvaluator(cluster(pods, [])).matrix({ granularity: 'workload' });
    const entries = connlistEntries(matrix);
    expect(entries.map((e) => e.dst)).toContain('::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]');
    expect(connlistEntries(matrix, { families: [4] }).some((e) => e.dst.includes(':'))).toBe(false);
  });
});
