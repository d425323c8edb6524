/**
 * Alias bombs ("billion laughs"): js-yaml keeps aliases as shared references, so a few lines
 * can stand for billions of nodes, and a self-referencing anchor makes a cycle. One pass over a
 * document's events computes how many nodes it would have once every alias is expanded.
 */
import { EVENT_ID, type Event } from 'js-yaml';

/** Budget of expanded nodes beyond what the text itself spells out. */
export const ALIAS_EXPANSION_ALLOWANCE = 100_000;

interface Frame {
  size: number;
  readonly anchor: string | undefined;
}

/** Why the document's aliases are refused, or undefined when they are fine. */
export function checkAliasExpansion(
  events: readonly Event[],
  from: number,
  to: number,
  source: string,
): { message: string; offset: number } | undefined {
  const limit = 2 * (to - from) + ALIAS_EXPANSION_ALLOWANCE;
  const sizes = new Map<string, number>();
  const open = new Set<string>();
  const stack: Frame[] = [{ size: 0, anchor: undefined }];
  let total = 0;
  const add = (n: number): void => {
    (stack[stack.length - 1] as Frame).size += n;
    total += n;
  };
  for (let i = from + 1; i < to; i++) {
    const ev = events[i] as Event;
    if (ev.type === EVENT_ID.SCALAR) {
      if (ev.anchorStart >= 0) sizes.set(source.slice(ev.anchorStart, ev.anchorEnd), 1);
      add(1);
    } else if (ev.type === EVENT_ID.SEQUENCE || ev.type === EVENT_ID.MAPPING) {
      const anchor = ev.anchorStart >= 0 ? source.slice(ev.anchorStart, ev.anchorEnd) : undefined;
      if (anchor !== undefined) open.add(anchor);
      stack.push({ size: 1, anchor });
      total += 1;
    } else if (ev.type === EVENT_ID.ALIAS) {
      const name = source.slice(ev.anchorStart, ev.anchorEnd);
      if (open.has(name)) {
        return { message: `the alias *${name} refers to a node that contains it (a cycle)`, offset: ev.anchorStart - 1 };
      }
      add(sizes.get(name) ?? 1);
      if (total > limit) {
        return {
          message: `aliases expand to more than ${limit.toLocaleString('en-US')} nodes (an "alias bomb"), so the document was not read`,
          offset: ev.anchorStart - 1,
        };
      }
    } else if (ev.type === EVENT_ID.POP) {
      const done = stack.pop();
      if (!done || stack.length === 0) break;
      if (done.anchor !== undefined) {
        open.delete(done.anchor);
        sizes.set(done.anchor, done.size);
      }
      (stack[stack.length - 1] as Frame).size += done.size;
    }
  }
  return undefined;
}
