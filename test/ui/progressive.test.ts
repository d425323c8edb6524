import { describe, expect, it } from 'vitest';
import { FIRST_ROWS, MORE_ROWS, nextRowCount } from '../../src/ui/shell/progressive.ts';

describe('nextRowCount', () => {
  it('adds a part of the rows at a time until every row is drawn', () => {
    const total = 5_000;
    const counts = [FIRST_ROWS];
    while (counts.at(-1)! < total) counts.push(nextRowCount(counts.at(-1)!, total));
    expect(counts.at(-1)).toBe(total);
    expect(counts.slice(1, -1).every((c, i) => c - counts[i]! === MORE_ROWS)).toBe(true);
  });

  it('never goes past the list', () => {
    expect(nextRowCount(190, 200)).toBe(200);
    expect(nextRowCount(0, 0)).toBe(0);
  });
});
