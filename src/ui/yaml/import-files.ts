/**
 * Reading the user's files into manifests for the workspace: picked files, a picked folder,
 * files or folders dropped on the window, and pasted text. Only .yaml, .yml and .json files, and
 * .flows files (expected flows), are read; their text is kept exactly as it is (the core reports
 * what is wrong with it).
 */
import type { ManifestFile } from '../../core/index.ts';

export const MANIFEST_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json', '.flows'];

/** Files bigger than this are not read (the core would refuse them anyway, at 10 MiB in total). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** At most this many files from one folder or drop. */
export const MAX_FILES = 2000;

export const PASTED_NAME = 'pasted.yaml';

export function isManifestName(name: string): boolean {
  const lower = name.toLowerCase();
  return MANIFEST_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** What the browser gives for a file (File fits), with the path to show for it. */
export interface FileSource {
  /** Path relative to the picked or dropped folder, or the file name. */
  readonly path: string;
  readonly size: number;
  text(): Promise<string>;
}

export interface SkippedFile {
  readonly name: string;
  readonly reason: string;
}

export interface ReadFiles {
  readonly files: readonly ManifestFile[];
  readonly skipped: readonly SkippedFile[];
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Reads the manifest files among `sources`, sorted by path; the others are listed as skipped. */
export async function readManifestFiles(sources: readonly FileSource[]): Promise<ReadFiles> {
  const files: ManifestFile[] = [];
  const skipped: SkippedFile[] = [];
  const sorted = [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const source of sorted) {
    if (!isManifestName(source.path)) skipped.push({ name: source.path, reason: 'not a .yaml, .yml, .json or .flows file' });
    else if (source.size > MAX_FILE_BYTES) {
      skipped.push({ name: source.path, reason: `${formatBytes(source.size)} is more than the ${formatBytes(MAX_FILE_BYTES)} the editor reads` });
    } else if (files.length >= MAX_FILES) skipped.push({ name: source.path, reason: `more than ${MAX_FILES} files` });
    else {
      try {
        files.push({ name: source.path, text: await source.text() });
      } catch (error) {
        skipped.push({ name: source.path, reason: `could not be read (${error instanceof Error ? error.message : String(error)})` });
      }
    }
  }
  return { files, skipped };
}

/** A picked file: its path inside a picked folder (`webkitRelativePath`), else its name. */
export function fileSource(file: File): FileSource {
  return { path: file.webkitRelativePath || file.name, size: file.size, text: () => file.text() };
}

/** The same files with names made unique (`a.yaml`, `a-2.yaml`, …), also against `taken`. */
export function withUniqueNames(files: readonly ManifestFile[], taken: Iterable<string> = []): ManifestFile[] {
  const used = new Set(taken);
  return files.map((file) => {
    let name = file.name;
    if (used.has(name)) {
      const dot = name.lastIndexOf('.');
      const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
      for (let i = 2; used.has(name); i++) name = `${stem}-${i}${ext}`;
    }
    used.add(name);
    return name === file.name ? file : { name, text: file.text };
  });
}

/** The manifests to load from the dialog: picked files, then the pasted text (when not blank). */
export function dialogManifests(picked: readonly ManifestFile[], pasted: string): ManifestFile[] {
  const files = pasted.trim() === '' ? [...picked] : [...picked, { name: PASTED_NAME, text: pasted }];
  return withUniqueNames(files);
}

// --- drag and drop ----------------------------------------------------------------------

function readAllEntries(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Folders never worth walking into. */
function skipDirectory(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

async function collectEntry(entry: FileSystemEntry, out: FileSource[], budget: { left: number }): Promise<void> {
  if (budget.left <= 0) return;
  if (entry.isFile) {
    const path = entry.fullPath.replace(/^\/+/, '') || entry.name;
    if (!isManifestName(path)) {
      out.push({ path, size: 0, text: () => Promise.resolve('') }); // listed as skipped, never read
      return;
    }
    budget.left--;
    try {
      const file = await fileOf(entry as FileSystemFileEntry);
      out.push({ path, size: file.size, text: () => file.text() });
    } catch {
      out.push({ path, size: 0, text: () => Promise.reject(new Error('the browser did not give access to it')) });
    }
  } else if (entry.isDirectory && !skipDirectory(entry.name)) {
    const children = await readAllEntries(entry as FileSystemDirectoryEntry).catch(() => []);
    for (const child of children) await collectEntry(child, out, budget);
  }
}

/**
 * The files of a drop, folders walked recursively (paths relative to the dropped folder's
 * parent). Must be called during the drop event: the browser empties the DataTransfer after it.
 */
export function dropSources(data: DataTransfer): Promise<FileSource[]> {
  const entries: FileSystemEntry[] = [];
  const plain: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) plain.push(file);
    }
  }
  if (entries.length === 0 && plain.length === 0) plain.push(...Array.from(data.files));
  return (async () => {
    const out: FileSource[] = plain.map(fileSource);
    const budget = { left: MAX_FILES };
    for (const entry of entries) await collectEntry(entry, out, budget);
    return out;
  })();
}

/** True when a drag carries files (not text or an element dragged inside the page). */
export function dragHasFiles(data: DataTransfer | null): boolean {
  return data !== null && Array.from(data.types).includes('Files');
}
