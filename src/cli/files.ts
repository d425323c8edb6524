/**
 * Read the manifest files a command is pointed at: files as given, folders recursively
 * (.yaml, .yml and .json; JSON files in a folder that are not Kubernetes objects are passed over).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

function collect(path: string, out: string[], inFolder: boolean): void {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      const child = join(path, entry);
      if (statSync(child).isDirectory() || MANIFEST_EXTENSIONS.has(extname(entry).toLowerCase())) collect(child, out, true);
    }
  } else if (!inFolder || !isForeignJson(path)) {
    out.push(path);
  }
}

/** Throws an Error naming the path when it cannot be read. */
export function readManifestFiles(paths: readonly string[]): ManifestFile[] {
  const files: string[] = [];
  for (const path of paths) {
    try {
      collect(path, files, false);
    } catch {
      throw new Error(`cannot read ${path}: no such file or folder`);
    }
  }
  return files.map((name) => ({ name, text: readFileSync(name, 'utf8') }));
}
