/**
 * One document's events and text, cut out of a larger parse. js-yaml builds a snippet of the
 * whole source for every error it throws (a scan of the full text), so constructing documents
 * one by one against a 10 MB source would cost 10 MB per broken document; against its own
 * text, a document costs only its own size.
 */
import { EVENT_ID, type Event } from 'js-yaml';

export interface DocumentSlice {
  readonly events: Event[];
  readonly text: string;
  /** Offset of `text` in the source the events came from. */
  readonly shift: number;
}

/** The smallest offset an event refers to, or -1. */
export function firstOffset(ev: Event): number {
  let min = -1;
  const take = (n: number): void => {
    if (n >= 0 && (min < 0 || n < min)) min = n;
  };
  switch (ev.type) {
    case EVENT_ID.SCALAR:
      take(ev.valueStart);
      take(ev.anchorStart);
      take(ev.tagStart);
      break;
    case EVENT_ID.SEQUENCE:
    case EVENT_ID.MAPPING:
      take(ev.start);
      take(ev.anchorStart);
      take(ev.tagStart);
      break;
    case EVENT_ID.ALIAS:
      take(ev.anchorStart);
      break;
  }
  return min;
}

const shifted = (n: number, by: number): number => (n < 0 ? n : n - by);

function shiftEvent(ev: Event, by: number): Event {
  switch (ev.type) {
    case EVENT_ID.SCALAR:
      return {
        ...ev,
        valueStart: shifted(ev.valueStart, by),
        valueEnd: shifted(ev.valueEnd, by),
        anchorStart: shifted(ev.anchorStart, by),
        anchorEnd: shifted(ev.anchorEnd, by),
        tagStart: shifted(ev.tagStart, by),
        tagEnd: shifted(ev.tagEnd, by),
      };
    case EVENT_ID.SEQUENCE:
    case EVENT_ID.MAPPING:
      return {
        ...ev,
        start: shifted(ev.start, by),
        anchorStart: shifted(ev.anchorStart, by),
        anchorEnd: shifted(ev.anchorEnd, by),
        tagStart: shifted(ev.tagStart, by),
        tagEnd: shifted(ev.tagEnd, by),
      };
    case EVENT_ID.ALIAS:
      return { ...ev, anchorStart: shifted(ev.anchorStart, by), anchorEnd: shifted(ev.anchorEnd, by) };
    default:
      return ev;
  }
}

/** events[from, to) with the text [start, end) of `source` they refer to, offsets rebased. */
export function sliceDocument(events: readonly Event[], from: number, to: number, source: string, start: number, end: number): DocumentSlice {
  const out: Event[] = [];
  for (let i = from; i < to; i++) out.push(shiftEvent(events[i] as Event, start));
  return { events: out, text: source.slice(start, end), shift: start };
}
