/**
 * compareDrawnWithActual: what you drew vs what you get, with the evaluator's reasons.
 */
import { describe, expect, it } from 'vitest';
import { compareDrawnWithActual } from '../../../src/core/generate/compare.ts';
import { generatePolicies } from '../../../src/core/generate/generate.ts';
import type { FlowIntent, GeneratorSettings } from '../../../src/core/generate/intent.ts';
import { withGeneratedPolicies } from '../../../src/core/generate/managed.ts';
import { ALL_PORTS, formatPortSetShort } from '../../../src/core/model/portset.ts';
import type { ClusterModel, NetworkPolicy } from '../../../src/core/model/types.ts';
import { policy } from '../evaluate/fixture.ts';
import { seedCluster, w } from './seed.ts';

function check(pasted: NetworkPolicy[], flows: FlowIntent[], settings: GeneratorSettings = { style: 'ingress-only' }) {
  const model: ClusterModel = { ...seedCluster, policies: pasted };
  const generated = generatePolicies(model, flows, settings);
  return compareDrawnWithActual(withGeneratedPolicies(model, generated.policies), flows);
}

describe('compareDrawnWithActual', () => {
  it('reports a drawn flow that a pasted egress policy on the source still denies, with the reason', () => {
    const pasted = policy('default/allow-egress-database', {
      podSelector: { matchLabels: { app: 'frontend' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'database' } } }], ports: [{ protocol: 'TCP', port: 3306 }] }],
    });
    const report = check([pasted], [{ source: w('frontend'), destination: w('backend'), ports: { kind: 'declared' } }]);
    expect(report.drawnButDenied).toHaveLength(1);
    const [denied] = report.drawnButDenied;
    expect(formatPortSetShort(denied!.denied)).toBe('TCP 8080');
    expect(denied!.reasons).toContain('- default/allow-egress-database: no egress rule allows the destination default/backend.');
    expect(report.allowedButNotDrawn.map((r) => [r.source, r.destination, formatPortSetShort(r.ports)])).toEqual([
      [{ kind: 'workload', id: 'default/frontend' }, { kind: 'workload', id: 'default/database' }, 'TCP 3306'],
    ]);
  });

  it('reports flows a broad pasted rule allows that were never drawn', () => {
    const pasted = policy('default/db-from-everyone', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ podSelector: {} }] }] });
    const report = check([pasted], [{ source: w('api'), destination: w('db'), ports: { kind: 'declared' } }]);
    expect(report.drawnButDenied).toEqual([]);
    expect(report.allowedButNotDrawn.map((r) => `${r.source.kind === 'workload' ? r.source.id : ''} ${formatPortSetShort(r.ports)}`)).toEqual([
      'default/api TCP (all except 5432); UDP (all ports); SCTP (all ports)',
      'default/backend all ports',
      'default/database all ports',
      'default/frontend all ports',
    ]);
    expect(report.allowedButNotDrawn[0]?.reasons).toContain('Allowed by default/db-from-everyone ingress rule #1.');
  });

  it('reports pods an ipBlock lets in by their pod IPs', () => {
    const flows: FlowIntent[] = [{ source: w('backend'), destination: { kind: 'ipBlock', cidr: '10.0.0.0/16' }, ports: { kind: 'all' } }];
    const report = check([], flows, { style: 'ingress-only', defaultDeny: { default: { egress: true } } });
    expect(report.drawnButDenied).toEqual([]);
    const byIp = ['api', 'database', 'db', 'frontend'].map((id) => ({ kind: 'workload', id: `default/${id}` }));
    expect(report.allowedButNotDrawn.map((r) => r.destination)).toEqual(byIp);
  });

  it('names the addresses of a drawn external flow that are denied', () => {
    const pasted = policy('default/backend-out', {
      podSelector: { matchLabels: { app: 'backend' } },
      egress: [{ to: [{ ipBlock: { cidr: '8.8.0.0/16', except: ['8.8.4.0/24'] } }] }],
    });
    const report = check([pasted], [{ source: w('backend'), destination: { kind: 'ipBlock', cidr: '8.8.0.0/20' }, ports: { kind: 'all' } }]);
    expect(report.drawnButDenied.map((r) => [r.addresses, r.denied])).toEqual([['8.8.4.0/24', ALL_PORTS]]);
    expect(report.drawnButDenied[0]?.verdict?.destination).toEqual({ kind: 'ip', ip: '8.8.4.0' });
    expect(report.allowedButNotDrawn.map((r) => r.destination.kind === 'addresses' && r.destination.label)).toEqual(['8.8.0.0/16 except 8.8.0.0/20']);
  });

  it('reports a flow whose named port the destination does not declare', () => {
    const report = check([], [{ source: w('api'), destination: w('db'), ports: { kind: 'custom', entries: [{ port: 'http' }] } }]);
    expect(report.drawnButDenied).toMatchObject([{ intentIndex: 0, reasons: [expect.stringMatching(/name no port the destination declares/)] }]);
  });
});
