import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalChange } from '../../src/ui/yaml/text-change.ts';

const apply = (text: string, change: { from: number; to: number; insert: string }) =>
  text.slice(0, change.from) + change.insert + text.slice(change.to);

describe('minimalChange', () => {
  it('is undefined for equal texts', () => {
    expect(minimalChange('abc', 'abc')).toBeUndefined();
  });
  it('keeps the common prefix and suffix', () => {
    expect(minimalChange('port: 80\n', 'port: 8080\n')).toEqual({ from: 8, to: 8, insert: '80' });
    expect(minimalChange('aXb', 'ab')).toEqual({ from: 1, to: 2, insert: '' });
  });
  it('turns any text into any other', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const change = minimalChange(a, b);
        expect(change ? apply(a, change) : a).toBe(b);
      }),
    );
  });
});
