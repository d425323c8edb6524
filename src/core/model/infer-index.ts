/**
 * An index of label sets (pods, classes of pods, namespaces) by `key=value` and by key, so that a
 * selector is checked only against the objects that could match it: those carrying one of its
 * matchLabels, or a key its `In` or `Exists` requirements need. Inference, lint and the matrix
 * use it so that thousands of peers against thousands of pods do not cost their product.
 * The candidates are a superset of the matches: callers still check each one with the selector.
 */
import type { LabelSelector, Labels } from './types.ts';

export class LabelIndex {
  /** `key\0value` → item indices, ascending. */
  private readonly byPair = new Map<string, number[]>();
  /** key → item indices, ascending. */
  private readonly byKey = new Map<string, number[]>();
  private count = 0;

  /** Number of items added. */
  get size(): number {
    return this.count;
  }

  /** Adds the next item (its index is the number of items added before it). */
  add(labels: Labels): number {
    const item = this.count++;
    for (const key of Object.keys(labels)) {
      append(this.byKey, key, item);
      append(this.byPair, `${key}\u0000${labels[key]}`, item);
    }
    return item;
  }

  /**
   * Indices (ascending) of the items the selector may match; undefined when it constrains
   * nothing indexable (`{}`, only NotIn or DoesNotExist): then every item is a candidate.
   */
  candidates(selector: LabelSelector | undefined): readonly number[] | undefined {
    if (!selector) return undefined;
    let best: readonly number[] | undefined;
    const consider = (list: readonly number[]): void => {
      if (best === undefined || list.length < best.length) best = list;
    };
    const matchLabels = selector.matchLabels;
    if (matchLabels) {
      for (const key of Object.keys(matchLabels)) consider(this.byPair.get(`${key}\u0000${matchLabels[key]}`) ?? []);
    }
    for (const req of selector.matchExpressions ?? []) {
      if (req.operator === 'Exists') consider(this.byKey.get(req.key) ?? []);
      else if (req.operator === 'In') {
        // A label set has one value per key: the lists of distinct values are disjoint.
        const values = [...new Set(req.values ?? [])];
        const lists = values.map((v) => this.byPair.get(`${req.key}\u0000${v}`) ?? []);
        const total = lists.reduce((sum, l) => sum + l.length, 0);
        if (best !== undefined && total >= best.length) continue;
        consider(lists.length === 1 ? lists[0]! : lists.flat().sort((a, b) => a - b));
      }
    }
    return best;
  }
}

function append(map: Map<string, number[]>, key: string, item: number): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

