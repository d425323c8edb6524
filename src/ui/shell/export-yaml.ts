/**
 * What Export offers: the workspace's YAML, all of it or one namespace's documents, a file name
 * for the download, and a ready `kubectl apply -f -` command. Pure: the documents of a namespace
 * are picked with the model's object sources (which document each object came from), never by
 * parsing here; the text of each document is the user's, as typed.
 */
import type { ClusterModel, ManifestFile, SourceRef } from '../../core/index.ts';
import { splitYamlChunks } from '../../core/parse/yaml-chunks.ts';
import { joinYaml } from '../analysis.ts';

/** Namespace of documents that name none (Kubernetes puts them in `default`). */
export const DEFAULT_NAMESPACE = 'default';

export interface NamespaceExport {
  readonly namespace: string;
  /** Number of documents in it. */
  readonly documents: number;
  readonly yaml: string;
}

interface Placed {
  readonly namespace: string;
  readonly source: SourceRef | undefined;
}

/** Every object of the model with a source, and the namespace it belongs to. */
function placedObjects(model: ClusterModel): Placed[] {
  return [
    ...model.namespaces.filter((n) => n.declared).map((n) => ({ namespace: n.name, source: n.source })),
    ...model.workloads.filter((w) => !w.inferred).map((w) => ({ namespace: w.namespace, source: w.source })),
    ...model.pods.filter((p) => !p.inferred).map((p) => ({ namespace: p.namespace, source: p.source })),
    ...model.policies.map((p) => ({ namespace: p.namespace, source: p.source })),
    ...model.ignored.map((o) => ({ namespace: o.namespace ?? DEFAULT_NAMESPACE, source: o.source })),
  ];
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The text of one document, without its `---` marker line, ending in a newline. */
function documentText(chunk: string): string {
  const body = chunk.replace(/^---[ \t]*\r?\n/, '');
  return body.endsWith('\n') ? body : `${body}\n`;
}

/** Only comments and blank lines (a header before the first `---`, an empty trailing document). */
function isBlank(chunk: string): boolean {
  return chunk.split('\n').every((line) => /^\s*(#.*)?$/.test(line) || /^---\s*$/.test(line) || /^\.\.\.\s*$/.test(line));
}

/**
 * The workspace's documents by namespace, namespaces sorted by name. A document goes to the
 * namespace of each object in it (a List may hold several); a document the model has no object
 * from (one with errors) goes to `default`; blank documents go nowhere.
 */
export function splitByNamespace(files: readonly ManifestFile[], model: ClusterModel): NamespaceExport[] {
  const byFile = new Map<string, Placed[]>();
  for (const placed of placedObjects(model)) {
    if (!placed.source) continue;
    const list = byFile.get(placed.source.file) ?? [];
    list.push(placed);
    byFile.set(placed.source.file, list);
  }
  const docs = new Map<string, string[]>();
  const add = (namespace: string, text: string) => {
    const list = docs.get(namespace) ?? [];
    list.push(text);
    docs.set(namespace, list);
  };
  for (const file of files) {
    const chunks = splitYamlChunks(file.text);
    const starts = lineStarts(file.text);
    const namespaces = chunks.map(() => new Set<string>());
    for (const placed of byFile.get(file.name) ?? []) {
      const source = placed.source;
      if (!source) continue;
      const offset = (starts[source.line - 1] ?? 0) + source.column - 1;
      let index = chunks.length - 1;
      while (index > 0 && (chunks[index]?.offset ?? 0) > offset) index--;
      namespaces[index]?.add(placed.namespace);
    }
    chunks.forEach((chunk, i) => {
      const found = namespaces[i] ?? new Set<string>();
      if (found.size === 0 && isBlank(chunk.text)) return;
      const text = documentText(chunk.text);
      if (found.size === 0) add(DEFAULT_NAMESPACE, text);
      for (const namespace of found) add(namespace, text);
    });
  }
  return [...docs]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([namespace, texts]) => ({ namespace, documents: texts.length, yaml: texts.join('---\n') }));
}

/** The whole workspace as one multi-document YAML text. */
export function exportAll(files: readonly ManifestFile[]): string {
  return files.length === 0 ? '' : joinYaml(files);
}

/** A file name from the title: `netpol-canvas.yaml`, `my-scenario-prod.yaml`. */
export function exportFileName(title: string, namespace?: string): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60);
  const base = slug(title) || 'netpol-canvas';
  return namespace === undefined ? `${base}.yaml` : `${base}-${slug(namespace) || 'namespace'}.yaml`;
}

/**
 * `kubectl apply -f - <<'EOF' … EOF`: the YAML as a quoted here-document (nothing in it is
 * expanded by the shell). The delimiter is `EOF` unless a line of the YAML is exactly that.
 */
export function kubectlApplySnippet(yaml: string): string {
  const lines = new Set(yaml.split(/\r?\n/));
  let delimiter = 'EOF';
  for (let i = 2; lines.has(delimiter); i++) delimiter = `EOF_${i}`;
  const body = yaml.endsWith('\n') ? yaml : `${yaml}\n`;
  return `kubectl apply -f - <<'${delimiter}'\n${body}${delimiter}\n`;
}
