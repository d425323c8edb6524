/**
 * The fuzz corpus: every manifest file of the conformance corpus (each case's `policies` and
 * every cluster), of netpol-analyzer's interop inputs (every .yaml/.yml/.json under
 * cases/<case>/inputs, whatever its size) and of the examples. Each entry is one file to mutate
 * plus the files imported with it unchanged, as a user's paste would have them: a case's
 * policies with its cluster, an interop file with the rest of its case's inputs.
 * The interop files are another project's data: read from ../shared, never copied here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ManifestFile } from '../../src/core/index.ts';
import { conformanceDir, examplesDir, repoRoot, sharedDir } from './scenarios.ts';

export interface FuzzEntry {
  /** Where the mutated file comes from, relative to the repository (`conformance/…`, `../shared/…`): it seeds the file's runs. */
  readonly id: string;
  /** The file that is mutated. */
  readonly target: ManifestFile;
  /** Files imported with it, unchanged. */
  readonly context: readonly ManifestFile[];
}

const MANIFEST = /\.(ya?ml|json)$/;
const idOf = (file: string): string => path.relative(repoRoot, file);

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => {
      const p = path.join(dir, e);
      return statSync(p).isDirectory() ? filesUnder(p) : [p];
    });
}

const read = (file: string, root: string): ManifestFile => ({ name: path.relative(root, file), text: readFileSync(file, 'utf8') });

interface ConformanceCase {
  readonly cluster: string | null;
  readonly policies: string;
}

/** Every case's policies (with its cluster) and every cluster (with the policies of a case that uses it). */
export function conformanceEntries(root: string): FuzzEntry[] {
  const caseFiles = readdirSync(path.join(root, 'cases')).filter((f) => f.endsWith('.json')).sort();
  const cases = caseFiles.map((f) => ({ file: f, ...(JSON.parse(readFileSync(path.join(root, 'cases', f), 'utf8')) as ConformanceCase) }));
  const cluster = (name: string): ManifestFile => read(path.join(root, 'clusters', `${name}.yaml`), root);
  const policiesOf = (c: (typeof cases)[number]): ManifestFile => ({ name: `cases/${c.file}#policies`, text: c.policies });
  const entries: FuzzEntry[] = cases.map((c) => ({
    id: `${idOf(path.join(root, 'cases', c.file))}#policies`,
    target: policiesOf(c),
    context: c.cluster ? [cluster(c.cluster)] : [],
  }));
  for (const file of readdirSync(path.join(root, 'clusters')).filter((f) => MANIFEST.test(f)).sort()) {
    const user = cases.find((c) => `${c.cluster}.yaml` === file);
    entries.push({ id: idOf(path.join(root, 'clusters', file)), target: read(path.join(root, 'clusters', file), root), context: user ? [policiesOf(user)] : [] });
  }
  return entries;
}

/** Every .yaml/.yml/.json under cases/<case>/inputs, with the case's other inputs. */
export function interopEntries(casesDir: string): FuzzEntry[] {
  return readdirSync(casesDir)
    .sort()
    .flatMap((name) => {
      const inputs = path.join(casesDir, name, 'inputs');
      if (!existsSync(inputs)) return [];
      const files = filesUnder(inputs).filter((f) => MANIFEST.test(f));
      const texts = files.map((f) => read(f, inputs));
      return files.map((f, i) => ({ id: idOf(f), target: texts[i] as ManifestFile, context: texts.filter((_, k) => k !== i) }));
    });
}

/** Every manifest of every example scenario, with the scenario's cluster (or, for the cluster, its policies). */
export function exampleEntries(): FuzzEntry[] {
  return readdirSync(examplesDir)
    .filter((id) => statSync(path.join(examplesDir, id)).isDirectory())
    .sort()
    .flatMap((id) => {
      const dir = path.join(examplesDir, id);
      const files = filesUnder(dir).filter((f) => MANIFEST.test(f) && path.basename(f) !== 'scenario.json');
      const texts = files.map((f) => read(f, examplesDir));
      const partner = (name: string): ManifestFile[] =>
        texts.filter((t) => t.name !== name && t.name === `${id}/${name.endsWith('/cluster.yaml') ? 'policies.yaml' : 'cluster.yaml'}`);
      return files.map((f, i) => {
        const target = texts[i] as ManifestFile;
        return { id: idOf(f), target, context: partner(target.name) };
      });
    });
}

/**
 * A few-MB paste, which the corpus lacks (its largest file is 150 KB): the largest interop
 * input `copies` times over, each copy's objects moved to namespaces of their own, imported
 * with the rest of its case. Built in memory, never written anywhere.
 */
export function scaledEntry(interop: readonly FuzzEntry[], copies: number): FuzzEntry | undefined {
  const largest = [...interop].sort((a, b) => b.target.text.length - a.target.text.length)[0];
  if (!largest) return undefined;
  const copy = (k: number): string => largest.target.text.replace(/^(\s+namespace: )(\S+)$/gm, `$1$2-copy-${k}`);
  const text = Array.from({ length: copies }, (_, k) => copy(k)).join('\n---\n');
  return { id: `${largest.id} x${copies} (${(text.length / 1e6).toFixed(1)} MB, built in memory)`, target: { ...largest.target, text }, context: largest.context };
}

export const sharedConformanceDir = path.join(sharedDir, 'conformance');
export const sharedInteropCasesDir = path.join(sharedDir, 'interop/np-guard/cases');

/**
 * The project's conformance copy, and ../shared/conformance when present. A shared file whose
 * text equals the copy's is the same input: it is listed once, with both ids.
 */
export function allConformanceEntries(): FuzzEntry[] {
  const local = conformanceEntries(conformanceDir);
  if (!existsSync(sharedConformanceDir)) return local;
  const byText = new Map(local.map((e) => [`${e.target.name}\u0000${e.target.text}`, e]));
  const out = [...local];
  for (const e of conformanceEntries(sharedConformanceDir)) {
    const same = byText.get(`${e.target.name}\u0000${e.target.text}`);
    if (same) out[out.indexOf(same)] = { ...same, id: `${same.id} = ${e.id}` };
    else out.push(e);
  }
  return out;
}
