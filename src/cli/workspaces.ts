/**
 * The workspaces `netpol-canvas test` checks: the files named on the command line form one;
 * a folder forms one, except that every scenario folder inside it (one with a scenario.json,
 * like `examples/<id>/`) is a workspace of its own, so `netpol-canvas test examples` checks
 * each scenario against its own manifests.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { ManifestFile } from '../core/parse/index.ts';
import { readWorkspaceFiles } from './files.ts';

export interface Workspace {
  /** The path it was read from (a folder, or the files given, joined by spaces). */
  readonly label: string;
  readonly files: readonly ManifestFile[];
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The innermost scenario folder holding `file`, at or below `root`; else `root`. */
function scenarioOf(file: string, root: string, cache: Map<string, boolean>): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const rel = relative(root, dir);
    if (rel.startsWith('..') || isAbsolute(rel)) return root;
    let scenario = cache.get(dir);
    if (scenario === undefined) {
      scenario = existsSync(join(dir, 'scenario.json'));
      cache.set(dir, scenario);
    }
    if (scenario) return dir;
    if (rel === '') return root;
  }
}

/** Throws an Error naming a path that cannot be read. */
export function readWorkspaces(paths: readonly string[]): Workspace[] {
  const files = paths.filter((p) => !isFolder(p));
  const out: Workspace[] = [];
  if (files.length > 0) out.push({ label: files.join(' '), files: readWorkspaceFiles(files) });
  const cache = new Map<string, boolean>();
  for (const folder of paths.filter(isFolder)) {
    const groups = new Map<string, ManifestFile[]>();
    for (const file of readWorkspaceFiles([folder])) {
      const key = scenarioOf(file.name, folder, cache);
      const list = groups.get(key) ?? [];
      list.push(file);
      groups.set(key, list);
    }
    for (const [label, list] of groups) out.push({ label, files: list });
  }
  return out;
}
