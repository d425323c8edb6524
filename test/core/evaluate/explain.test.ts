import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/core/evaluate/evaluator.ts';
import { explainVerdict } from '../../../src/core/evaluate/explain.ts';
import { cluster, policy } from './fixture.ts';

const pods = [
  { id: 'shop/web', labels: { app: 'web' } },
  { id: 'shop/db', labels: { app: 'db' } },
];
const dbDeniesAll = policy('shop/db-deny', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'] });
const webToDb = policy('shop/web-out', {
  podSelector: { matchLabels: { app: 'web' } },
  policyTypes: ['Egress'],
  egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ port: 5432 }] }],
});

describe('explainVerdict', () => {
  const evaluator = createEvaluator(cluster(pods, [dbDeniesAll, webToDb]));

  it('names the rule that allowed each side', () => {
    const lines = explainVerdict(evaluator.verdict('shop/web', 'shop/db', 'TCP', 5432));
    expect(lines[0]).toBe('shop/web → shop/db on TCP 5432: denied.');
    expect(lines).toContain('Allowed by shop/web-out egress rule #1.');
    expect(lines).toContain('- shop/db-deny has no ingress rules: it only isolates.');
  });

  it('calls a flow half-open when one side explicitly allows it and the other denies it', () => {
    const lines = explainVerdict(evaluator.verdict('shop/web', 'shop/db', 'TCP', 5432));
    expect(lines.at(-1)).toBe('Half-open: a policy of shop/web allows it out, but shop/db does not let it in.');
  });

  it('does not call a flow half-open when the allowing side is merely open by default', () => {
    const lines = explainVerdict(evaluator.verdict('shop/db', 'shop/web', 'TCP', 80));
    expect(lines.some((l) => l.startsWith('Half-open'))).toBe(false);
  });

  it('does not call a flow from outside the cluster half-open', () => {
    const lines = explainVerdict(evaluator.verdict('8.8.8.8', 'shop/db', 'TCP', 80));
    expect(lines.some((l) => l.startsWith('Half-open'))).toBe(false);
  });

  it('explains loopback', () => {
    expect(explainVerdict(evaluator.verdict('shop/db', 'shop/db', 'TCP', 80))[1]).toMatch(/loopback/);
  });
});
