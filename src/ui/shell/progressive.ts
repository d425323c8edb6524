/**
 * Long lists (the policies of a large cluster, its lint warnings) drawn a part at a time: the
 * first rows at once, then more whenever the page is idle, until every row is there. A list of
 * thousands of rows never lays out in one long task, and the canvas is drawn meanwhile.
 */
import { useEffect, useState } from 'react';

/** Rows drawn at once, and added per idle moment after. */
export const FIRST_ROWS = 200;
export const MORE_ROWS = 400;

/** How many rows to draw next: `step` more, never past `total`. */
export function nextRowCount(current: number, total: number, step: number = MORE_ROWS): number {
  return Math.min(total, current + step);
}

function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 300 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 0);
  return () => clearTimeout(handle);
}

/** How many of `items` to render now; all of them after a few idle moments. Starts over with new items. */
export function useProgressiveCount(items: readonly unknown[], first: number = FIRST_ROWS): number {
  const [shown, setShown] = useState({ items, count: Math.min(first, items.length) });
  const count = shown.items === items ? shown.count : Math.min(first, items.length);
  useEffect(() => {
    if (count >= items.length) return undefined;
    return whenIdle(() => setShown({ items, count: nextRowCount(count, items.length) }));
  }, [items, count]);
  return count;
}
