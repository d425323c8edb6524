/**
 * Nothing in the app evaluates strings as code or renders strings as HTML: names, labels and
 * comments come from the user's manifests and may hold markup. (The built app's CSP forbids eval
 * too; this catches it before a browser does.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'src');

const FORBIDDEN: readonly { name: string; pattern: RegExp }[] = [
  { name: 'eval(', pattern: /\beval\s*\(/ },
  { name: 'new Function', pattern: /\bnew\s+Function\b/ },
  { name: 'dangerouslySetInnerHTML', pattern: /dangerouslySetInnerHTML/ },
  { name: 'innerHTML =', pattern: /\b(?:inner|outer)HTML\s*\+?=/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\s*\(/ },
  { name: 'document.write', pattern: /\bdocument\.write(?:ln)?\s*\(/ },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });
}

function findings(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    for (const { name, pattern } of FORBIDDEN) if (pattern.test(line)) found.push(`${index + 1}: ${name}`);
  });
  return found;
}

describe('no eval, no HTML from strings', () => {
  const files = sourceFiles(SRC);

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith('.tsx'))).toBe(true);
  });

  it('src/**/*.ts(x) uses none of eval, new Function, dangerouslySetInnerHTML, innerHTML =', () => {
    const hits = files.flatMap((file) => findings(readFileSync(file, 'utf8')).map((hit) => `${relative(ROOT, file)}:${hit}`));
    expect(hits).toEqual([]);
  });

  it('the scan would catch each of them', () => {
    expect(findings('const f = eval("1");')).toHaveLength(1);
    expect(findings('const g = new Function("return 1");')).toHaveLength(1);
    expect(findings('<div dangerouslySetInnerHTML={{ __html: x }} />')).toHaveLength(1);
    expect(findings('el.innerHTML = name;')).toHaveLength(1);
    expect(findings('el.innerHTML += name;')).toHaveLength(1);
    expect(findings('const evaluate = evaluator(model);')).toHaveLength(0);
  });
});
