import { describe, expect, it } from 'vitest';
import { CATEGORY_SECTIONS, findBundledState, groupScenarios, matchesQuery, type CatalogEntry } from '../../../src/ui/gallery/catalog.ts';
import { shouldOpenGallery } from '../../../src/ui/gallery/opening.ts';
import { scenarios } from '../../../src/ui/scenarios.ts';

const entry = (id: string, category: CatalogEntry['category'], title: string, summary = '', steps?: string[]): CatalogEntry => ({
  id,
  title,
  summary,
  category,
  ...(steps ? { steps: steps.map((t) => ({ title: t })) } : {}),
});

describe('groupScenarios', () => {
  const entries = [
    entry('m', 'mistake', 'Forgot DNS'),
    entry('s', 'seed', 'Deny all ingress'),
    entry('l', 'lesson', 'Default deny, step by step', '', ['Isolate', 'Open DNS']),
    entry('r', 'recipe', 'Allow some ports'),
  ];

  it('puts lessons first, then seed examples, recipes and classic mistakes', () => {
    expect(groupScenarios(entries).map((s) => s.heading)).toEqual(['Lessons', 'Seed examples', 'Recipes', 'Classic mistakes']);
    expect(CATEGORY_SECTIONS.map((s) => s.category)).toEqual(['lesson', 'seed', 'recipe', 'mistake']);
  });

  it('drops sections left empty by the search', () => {
    const sections = groupScenarios(entries, 'dns');
    expect(sections.map((s) => s.category)).toEqual(['lesson', 'mistake']);
  });
});

describe('matchesQuery', () => {
  const lesson = entry('lesson-default-deny', 'lesson', 'Default deny', 'Isolate pods and open what they need', ['Add a default-deny policy']);

  it('matches every word anywhere in title, summary, id, category or step titles, ignoring case', () => {
    expect(matchesQuery(lesson, 'ISOLATE')).toBe(true);
    expect(matchesQuery(lesson, 'deny lessons')).toBe(true);
    expect(matchesQuery(lesson, 'default-deny policy')).toBe(true);
    expect(matchesQuery(lesson, '  ')).toBe(true);
  });

  it('does not match when one word is missing', () => {
    expect(matchesQuery(lesson, 'deny egress')).toBe(false);
  });
});

describe('findBundledState', () => {
  it('recognises a bundled scenario loaded untouched, and not once it is edited', () => {
    const seed = scenarios.find((s) => s.id === 'seed-all');
    expect(seed).toBeDefined();
    const files = seed!.manifests;
    expect(findBundledState(files, scenarios)).toEqual({ id: 'seed-all', step: 0 });
    const edited = files.map((f, i) => (i === 0 ? { ...f, text: `${f.text}# mine\n` } : f));
    expect(findBundledState(edited, scenarios)).toBeUndefined();
  });
});

describe('shouldOpenGallery', () => {
  it('opens on a first visit to the plain address', () => {
    expect(shouldOpenGallery({ firstVisit: true, search: '', hash: '' })).toBe(true);
  });
  it('stays closed when work was restored, for a link with a fragment, or with ?gallery=0', () => {
    expect(shouldOpenGallery({ firstVisit: false, search: '', hash: '' })).toBe(false);
    expect(shouldOpenGallery({ firstVisit: true, search: '', hash: '#share=v1.abc' })).toBe(false);
    expect(shouldOpenGallery({ firstVisit: true, search: '?gallery=0', hash: '' })).toBe(false);
    expect(shouldOpenGallery({ firstVisit: true, search: '?gallery=off', hash: '' })).toBe(false);
    expect(shouldOpenGallery({ firstVisit: true, search: '?gallery=1', hash: '' })).toBe(true);
  });
});
