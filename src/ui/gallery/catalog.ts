/**
 * The gallery's catalogue: scenarios grouped by category in teaching order, and the search
 * filter. Pure (no React, no store), so it is unit-tested on the bundled scenarios.
 */
import type { ManifestFile } from '../../core/index.ts';
import type { ScenarioCategory } from '../scenarios.ts';

/** What a card needs of a scenario. */
export interface CatalogEntry {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly category: ScenarioCategory;
  readonly steps?: readonly { readonly title: string }[];
}

export interface CatalogSection<T extends CatalogEntry> {
  readonly category: ScenarioCategory;
  readonly heading: string;
  readonly blurb: string;
  readonly scenarios: readonly T[];
}

/** The sections in the order a newcomer meets them. */
export const CATEGORY_SECTIONS: readonly { readonly category: ScenarioCategory; readonly heading: string; readonly blurb: string }[] = [
  { category: 'lesson', heading: 'Lessons', blurb: 'Guided, step by step: predict what changes, then see why.' },
  { category: 'seed', heading: 'Seed examples', blurb: 'The five policies of the NetworkPolicy tutorial, alone and together.' },
  { category: 'recipe', heading: 'Recipes', blurb: 'Common patterns, ready to adapt.' },
  { category: 'mistake', heading: 'Classic mistakes', blurb: 'Policies that look right and are not: find out why.' },
];

/** The number of guided steps (0 for a plain scenario). */
export function stepCountOf(entry: CatalogEntry): number {
  return entry.steps?.length ?? 0;
}

function normalise(text: string): string {
  return text.toLowerCase().normalize('NFKD');
}

/**
 * True when every word of `query` appears in the scenario's title, summary, id, category
 * heading or step titles (case-insensitive); an empty query matches everything.
 */
export function matchesQuery(entry: CatalogEntry, query: string): boolean {
  const words = normalise(query).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return true;
  const heading = CATEGORY_SECTIONS.find((s) => s.category === entry.category)?.heading ?? '';
  const haystack = normalise([entry.title, entry.summary, entry.id, heading, ...(entry.steps ?? []).map((s) => s.title)].join('\n'));
  return words.every((w) => haystack.includes(w));
}

/** The sections with their matching scenarios (in the given order); sections left empty are dropped. */
export function groupScenarios<T extends CatalogEntry>(entries: readonly T[], query = ''): CatalogSection<T>[] {
  return CATEGORY_SECTIONS.map((section) => ({
    ...section,
    scenarios: entries.filter((e) => e.category === section.category && matchesQuery(e, query)),
  })).filter((section) => section.scenarios.length > 0);
}

function sameFiles(a: readonly ManifestFile[], b: readonly ManifestFile[]): boolean {
  return a.length === b.length && a.every((f, i) => f.name === b[i]?.name && f.text === b[i]?.text);
}

/**
 * The bundled scenario (and step) whose files the workspace holds exactly, if any: replacing such
 * a workspace loses nothing of the user's, so there is nothing to ask.
 */
export function findBundledState(
  files: readonly ManifestFile[],
  scenarios: readonly { readonly id: string; readonly steps?: readonly unknown[]; stepFiles(step: number): readonly ManifestFile[] }[],
): { readonly id: string; readonly step: number } | undefined {
  for (const s of scenarios) {
    for (let step = 0; step <= (s.steps?.length ?? 0); step++) if (sameFiles(files, s.stepFiles(step))) return { id: s.id, step };
  }
  return undefined;
}
