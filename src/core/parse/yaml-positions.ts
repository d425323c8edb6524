/**
 * Position tree of one YAML document from js-yaml's event stream (offsets into `source`,
 * shifted by `base`, the offset of `source` in the whole file).
 */
import { EVENT_ID, SCALAR_STYLE, getScalarValue, type Event } from 'js-yaml';
import { TreeBuilder, type PosNode } from './position-tree.ts';

/** events[from] is the document's DOCUMENT event; `to` is the index after its last event. */
export function buildYamlPositions(
  events: readonly Event[],
  from: number,
  to: number,
  source: string,
  base: number,
): PosNode | undefined {
  const b = new TreeBuilder();
  for (let i = from + 1; i < to; i++) {
    const ev = events[i] as Event;
    switch (ev.type) {
      case EVENT_ID.SCALAR:
        if (ev.valueStart >= 0) {
          // Quoted scalars: include the quotes, so the whole token is highlighted.
          const q = ev.style === SCALAR_STYLE.SINGLE_QUOTED || ev.style === SCALAR_STYLE.DOUBLE_QUOTED ? 1 : 0;
          b.leaf(ev.valueStart + base - q, ev.valueEnd + base + q, () => getScalarValue(source, ev));
        }
        else if (ev.anchorStart >= 0) b.leaf(ev.anchorStart + base - 1, ev.anchorEnd + base, () => '');
        else b.leaf(-1, -1, () => '');
        break;
      case EVENT_ID.ALIAS:
        b.leaf(ev.anchorStart + base - 1, ev.anchorEnd + base, () => undefined);
        break;
      case EVENT_ID.SEQUENCE:
        b.open(ev.start + base, 'seq');
        break;
      case EVENT_ID.MAPPING:
        b.open(ev.start + base, 'map');
        break;
      case EVENT_ID.POP:
        if (b.depth === 0) return b.root;
        b.close();
        break;
      case EVENT_ID.DOCUMENT:
        return b.root;
    }
  }
  return b.root;
}
