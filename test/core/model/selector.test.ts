/**
 * Label selectors (semantics.md section 7), and the compiled form the evaluator uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSelector, isEmptySelector, matchesSelector } from '../../../src/core/model/selector.ts';
import type { LabelSelector, LabelSelectorRequirement, Labels } from '../../../src/core/model/types.ts';
import { labelsArb, requirementArb, selectorArb } from '../arbitraries.ts';

const both = (selector: LabelSelector, labels: Labels): boolean => {
  const direct = matchesSelector(selector, labels);
  expect(compileSelector(selector)(labels)).toBe(direct);
  return direct;
};

describe('matchesSelector', () => {
  it('matches everything with an empty selector, even empty matchLabels and matchExpressions', () => {
    expect(both({}, {})).toBe(true);
    expect(both({ matchLabels: {}, matchExpressions: [] }, { app: 'web' })).toBe(true);
  });

  it('requires every matchLabels entry', () => {
    expect(both({ matchLabels: { app: 'web', tier: 'fe' } }, { app: 'web', tier: 'fe', x: 'y' })).toBe(true);
    expect(both({ matchLabels: { app: 'web', tier: 'fe' } }, { app: 'web' })).toBe(false);
    expect(both({ matchLabels: { app: '' } }, {})).toBe(false);
    expect(both({ matchLabels: { app: '' } }, { app: '' })).toBe(true);
  });

  it('In: the key is present with a listed value', () => {
    const sel: LabelSelector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['a', 'b'] }] };
    expect(both(sel, { app: 'b' })).toBe(true);
    expect(both(sel, { app: 'c' })).toBe(false);
    expect(both(sel, {})).toBe(false);
  });

  it('NotIn: the key is absent, or its value is not listed', () => {
    const sel: LabelSelector = { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['a'] }] };
    expect(both(sel, {})).toBe(true);
    expect(both(sel, { app: 'b' })).toBe(true);
    expect(both(sel, { app: 'a' })).toBe(false);
  });

  it('Exists and DoesNotExist look at the key only', () => {
    expect(both({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, { app: '' })).toBe(true);
    expect(both({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, {})).toBe(false);
    expect(both({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, {})).toBe(true);
    expect(both({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, { app: 'x' })).toBe(false);
  });

  it('ANDs matchLabels and matchExpressions', () => {
    const sel: LabelSelector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] };
    expect(both(sel, { app: 'web', tier: 'x' })).toBe(true);
    expect(both(sel, { app: 'web' })).toBe(false);
  });

  it('never treats inherited object properties as labels', () => {
    expect(both({ matchExpressions: [{ key: 'constructor', operator: 'Exists' }] }, {})).toBe(false);
    expect(both({ matchExpressions: [{ key: 'toString', operator: 'DoesNotExist' }] }, {})).toBe(true);
  });

  it('tells an empty selector apart', () => {
    expect(isEmptySelector({ matchLabels: {} })).toBe(true);
    expect(isEmptySelector({ matchExpressions: [{ key: 'a', operator: 'Exists' }] })).toBe(false);
  });
});

describe('matchesSelector (properties)', () => {
  it('matchLabels equals the equivalent In expressions', () => {
    fc.assert(
      fc.property(labelsArb, labelsArb, (matchLabels, labels) => {
        const asIn: LabelSelectorRequirement[] = Object.entries(matchLabels).map(([key, value]) => ({ key, operator: 'In', values: [value] }));
        const target = { ...labels, ...Object.fromEntries(Object.entries(matchLabels).filter((_, i) => i % 2 === 0)) };
        expect(matchesSelector({ matchLabels }, target)).toBe(matchesSelector({ matchExpressions: asIn }, target));
      }),
    );
  });

  it('NotIn of a missing key matches', () => {
    fc.assert(
      fc.property(requirementArb, labelsArb, (req, labels) => {
        const rest = Object.fromEntries(Object.entries(labels).filter(([k]) => k !== req.key));
        const values = req.values && req.values.length > 0 ? req.values : ['x'];
        expect(matchesSelector({ matchExpressions: [{ key: req.key, operator: 'NotIn', values }] }, rest)).toBe(true);
      }),
    );
  });

  it('the empty selector matches every label set', () => {
    fc.assert(
      fc.property(labelsArb, (labels) => {
        expect(compileSelector({})(labels)).toBe(true);
      }),
    );
  });

  it('the compiled selector agrees with matchesSelector', () => {
    fc.assert(
      fc.property(selectorArb, labelsArb, (selector, labels) => {
        expect(compileSelector(selector)(labels)).toBe(matchesSelector(selector, labels));
      }),
    );
  });

  it('a selector matches the labels of its own matchLabels when it has no expressions', () => {
    fc.assert(
      fc.property(labelsArb, (matchLabels) => {
        expect(matchesSelector({ matchLabels }, matchLabels)).toBe(true);
      }),
    );
  });
});
