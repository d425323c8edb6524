/**
 * Field paths (`spec.ingress[0].from[1].ipBlock.except[0]`): a cheap linked form used while
 * reading (one small object per step, turned into text only when an issue is reported), and the
 * text form, with keys that are not identifiers quoted (`metadata.labels["app.kubernetes.io/name"]`).
 */

export type PathSegment = string | number;

export interface Path {
  readonly parent: Path | undefined;
  readonly segment: PathSegment;
}

/** The path one step below `parent`. */
export function childPath(parent: Path | undefined, segment: PathSegment): Path {
  return { parent, segment };
}

/** Segments from the root down. */
export function pathSegments(path: Path | undefined): PathSegment[] {
  const out: PathSegment[] = [];
  for (let p = path; p; p = p.parent) out.push(p.segment);
  return out.reverse();
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `spec.ingress[0].from`, quoting keys that are not identifiers. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

const TOKEN = /\.?([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** The segments of a text path, or undefined when it is not one `formatPath` could print. */
export function parsePath(text: string): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    if (m[0].startsWith('.') && start === 0) return undefined;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3] as string) as string);
  }
  return out;
}
