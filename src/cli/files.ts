/** Read the manifest files a command is pointed at: files as given, folders recursively. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ManifestFile } from '../core/parse/index.ts';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

function collect(path: string, out: string[]): void {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      const child = join(path, entry);
      if (statSync(child).isDirectory() || MANIFEST_EXTENSIONS.has(extname(entry).toLowerCase())) collect(child, out);
    }
  } else {
    out.push(path);
  }
}

/** Throws an Error naming the path when it cannot be read. */
export function readManifestFiles(paths: readonly string[]): ManifestFile[] {
  const files: string[] = [];
  for (const path of paths) {
    try {
      collect(path, files);
    } catch {
      throw new Error(`cannot read ${path}: no such file or folder`);
    }
  }
  return files.map((name) => ({ name, text: readFileSync(name, 'utf8') }));
}
