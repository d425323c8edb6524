/**
 * Read the manifest files a command is pointed at: files as given, folders recursively
 * (.yaml, .yml and .json; JSON files in a folder that are not Kubernetes objects are passed over).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ManifestFile } from '../core/parse/index.ts';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** A JSON file found in a folder that is not a Kubernetes object (tool output, scenario metadata). */
function isForeignJson(path: string): boolean {
  if (extname(path).toLowerCase() !== '.json') return false;
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value !== 'object' || value === null || Array.isArray(value) || !('kind' in value || 'apiVersion' in value);
  } catch {
    return false;
  }
}

/**
 * A scenario folder (`examples/<id>/`, with a scenario.json) reads as its base workspace: the
 * manifests its `files` lists, in that order, and not the files its guided steps swap in.
 */
function listScenarioManifests(folder: string, extensions: ReadonlySet<string>): string[] | undefined {
  const metaPath = join(folder, 'scenario.json');
  if (!existsSync(metaPath)) return undefined;
  try {
    const meta: unknown = JSON.parse(readFileSync(metaPath, 'utf8'));
    const files = typeof meta === 'object' && meta !== null && 'files' in meta ? meta.files : undefined;
    if (!Array.isArray(files) || !files.every((f) => typeof f === 'string')) return undefined;
    return files.filter((f: string) => extensions.has(extname(f).toLowerCase())).map((f: string) => join(folder, f));
  } catch {
    return undefined;
  }
}

function collect(path: string, out: string[], inFolder: boolean, extensions: ReadonlySet<string>): void {
  const stat = statSync(path);
  const scenarioFiles = stat.isDirectory() ? listScenarioManifests(path, extensions) : undefined;
  if (scenarioFiles) {
    out.push(...scenarioFiles);
  } else if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      const child = join(path, entry);
      if (statSync(child).isDirectory() || extensions.has(extname(entry).toLowerCase())) collect(child, out, true, extensions);
    }
  } else if (!inFolder || !isForeignJson(path)) {
    out.push(path);
  }
}

/** Throws an Error naming the path when it cannot be read. */
export function readManifestFiles(paths: readonly string[], extensions: ReadonlySet<string> = MANIFEST_EXTENSIONS): ManifestFile[] {
  const files: string[] = [];
  for (const path of paths) {
    try {
      collect(path, files, false, extensions);
    } catch {
      throw new Error(`cannot read ${path}: no such file or folder`);
    }
  }
  return files.map((name) => ({ name, text: readFileSync(name, 'utf8') }));
}

/** Manifests and flow assertion files (`.flows`), as `netpol-canvas test` reads them. */
export function readWorkspaceFiles(paths: readonly string[]): ManifestFile[] {
  return readManifestFiles(paths, new Set([...MANIFEST_EXTENSIONS, '.flows']));
}
