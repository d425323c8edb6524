/**
 * The documents of a YAML text as byte ranges, without parsing: split at `---` marker lines
 * (`---` at the start of a line, then a space, a tab or the line end; YAML forbids that inside
 * scalars). Each span keeps its marker line, its body, and the comment or blank lines after
 * the body's last content line, which usually introduce the next document.
 */

export interface DocumentSpan {
  /** Offset of the marker line (or 0 for a first document without one). */
  readonly start: number;
  /** Offset after the marker line when it holds only `---` and maybe a comment; else `start`. */
  readonly bodyStart: number;
  /** Offset of the first content line (after leading comments); `bodyEnd` when there is none. */
  readonly contentStart: number;
  /** Offset after the last content line (its line break included): trailing comments start here. */
  readonly bodyEnd: number;
  readonly end: number;
  /** 1-based line of `start`. */
  readonly line: number;
  readonly hasMarker: boolean;
}

const MARKER = /^---(?=[ \t\r]|$)/;
const BARE_MARKER = /^---[ \t]*(#.*)?\r?$/;

interface Line {
  readonly start: number;
  /** After the line break (or at the end of the text). */
  readonly end: number;
  readonly text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    out.push({ start, end, text: text.slice(start, nl < 0 ? text.length : nl) });
    start = end;
  }
  return out;
}

const isContent = (line: string): boolean => {
  const t = line.trim();
  return t !== '' && !t.startsWith('#');
};

export function splitDocuments(text: string): DocumentSpan[] {
  const lines = linesOf(text);
  const groups: { first: number; last: number; hasMarker: boolean }[] = [];
  lines.forEach((line, i) => {
    const marker = MARKER.test(line.text);
    if (marker || groups.length === 0) groups.push({ first: i, last: i, hasMarker: marker });
    else groups[groups.length - 1]!.last = i;
  });
  if (groups.length === 0) return [{ start: 0, bodyStart: 0, contentStart: 0, bodyEnd: 0, end: text.length, line: 1, hasMarker: false }];
  return groups.map(({ first, last, hasMarker }) => {
    const head = lines[first]!;
    const bare = hasMarker && BARE_MARKER.test(head.text);
    const bodyStart = bare ? head.end : head.start;
    let bodyEnd = bodyStart;
    let contentStart: number | undefined;
    for (let i = bare ? first + 1 : first; i <= last; i++) {
      if (!isContent(lines[i]!.text)) continue;
      contentStart ??= lines[i]!.start;
      bodyEnd = lines[i]!.end;
    }
    const end = lines[last]!.end;
    return { start: head.start, bodyStart, contentStart: contentStart ?? bodyEnd, bodyEnd, end, line: first + 1, hasMarker };
  });
}

/** `\r\n` when the text's first line break is one, else `\n`. */
export function lineBreakOf(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
}
