/**
 * Offsets to 1-based line/column, built on first use (most imports never report a position
 * outside object starts, and a 10 MB text scans in a few milliseconds).
 */

export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/**
 * Offsets where lines start. A line ends at `\r\n`, `\n` or a lone `\r` (old Mac files), as
 * YAML 1.2, js-yaml and CodeMirror count them.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  const end = text.length;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = lineStarts(this.text);
    this.starts = starts;
    return starts;
  }

  /** 1-based line and column (in UTF-16 code units) of a 0-based offset, clamped to the text. */
  position(offset: number): LineColumn {
    const starts = this.lineStarts();
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (starts[lo] as number) + 1 };
  }
}
