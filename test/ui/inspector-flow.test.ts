import { describe, expect, it } from 'vitest';
import { createEvaluator, explainVerdict, importManifests } from '../../src/core/index.ts';
import { explainFlow, flowStatus, groupByReasons, halfOpenSide, verdictReasonKey } from '../../src/ui/panels/inspector/flow-explanation.ts';
import { loadScenario } from '../helpers/scenarios.ts';

function demo() {
  const { model } = importManifests(loadScenario('seed-all').manifests);
  const evaluator = createEvaluator(model);
  const matrix = evaluator.matrix({ granularity: 'workload' });
  const explain = (from: string, to: string) => explainFlow(evaluator, from, to, matrix.portClasses);
  return { evaluator, matrix, explain };
}

describe('explainFlow', () => {
  it('explains the half-open backend → frontend flow as one group: frontend admits, backend egress denies', () => {
    const { explain, matrix } = demo();
    const groups = explain('default/backend', 'default/frontend');
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group!.classes.map((c) => c.label)).toEqual(matrix.portClasses.map((c) => c.label));
    expect(group!.status).toBe('half-open');
    expect(halfOpenSide(group!.verdict)).toBe('ingress');
    expect(group!.verdict.egress.isolatingPolicies).toContain('default/allow-ingress-egress');
    expect(group!.verdict.egress.misses).toContainEqual({ policy: 'default/allow-ingress-egress', reason: 'peer' });
    expect(group!.verdict.ingress.allowedBy).toEqual([{ policy: 'default/allow-frontend-ingress', direction: 'ingress', ruleIndex: 0 }]);
  });

  it('renders the sentences of the core for the group verdict', () => {
    const { explain } = demo();
    for (const group of explain('default/frontend', 'default/database')) {
      expect(group.explanation).toEqual(explainVerdict(group.verdict));
    }
  });

  it('splits frontend → database into the half-open TCP 3306 and the denied rest', () => {
    const { explain } = demo();
    const groups = explain('default/frontend', 'default/database');
    expect(groups.map((g) => [g.status, g.classes.map((c) => c.label)])).toEqual([
      ['half-open', ['TCP 3306']],
      ['denied', ['TCP 5432', 'any other port']],
    ]);
    expect(halfOpenSide(groups[0]!.verdict)).toBe('egress');
    expect(groups[0]!.verdict.ingress.misses).toEqual([{ policy: 'default/deny-all-ingress', reason: 'no-rules' }]);
  });

  it('puts allowed classes first and groups the port misses together (backend → db)', () => {
    const { explain } = demo();
    const groups = explain('default/backend', 'default/db');
    expect(groups.map((g) => [g.status, g.classes.map((c) => c.label)])).toEqual([
      ['allowed', ['TCP 5432']],
      ['denied', ['TCP 3306', 'any other port']],
    ]);
    expect(groups[0]!.verdict.egress.allowedBy).toEqual([{ policy: 'default/allow-ingress-egress', direction: 'egress', ruleIndex: 0 }]);
    expect(groups[1]!.verdict.egress.misses).toContainEqual({ policy: 'default/allow-ingress-egress', reason: 'port', ruleIndex: 0 });
  });

  it('calls an open side facing a denying one a plain denial, not half-open (api → frontend)', () => {
    const { explain } = demo();
    const groups = explain('default/api', 'default/frontend');
    expect(groups).toHaveLength(1);
    expect(groups[0]!.status).toBe('denied');
    expect(halfOpenSide(groups[0]!.verdict)).toBeUndefined();
  });

  it('answers for an external end by address (backend → 8.8.8.8 is allowed on every port)', () => {
    const { explain } = demo();
    const groups = explain('default/backend', '8.8.8.8');
    expect(groups.map((g) => g.status)).toEqual(['allowed']);
    expect(groups[0]!.verdict.ingress.applies).toBe(false);
  });
});

describe('groupByReasons', () => {
  it('keeps verdicts that differ only in their port together', () => {
    const { evaluator, matrix } = demo();
    const entries = matrix.portClasses.map((portClass) => ({
      portClass,
      verdict: evaluator.verdict('default/api', 'default/backend', portClass.probe.protocol, portClass.probe.port),
    }));
    expect(new Set(entries.map((e) => verdictReasonKey(e.verdict))).size).toBe(1);
    const groups = groupByReasons(entries);
    expect(groups).toHaveLength(1);
    expect(flowStatus(groups[0]!.verdict)).toBe('allowed');
  });
});
