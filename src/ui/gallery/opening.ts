/**
 * The opening screen: on a first visit (no autosaved work) the gallery opens over the demo.
 * Not when the address asks for something specific (a share link's `#…`), and not with
 * `?gallery=0` in the address (the browser tests open the editor that way).
 */
export interface OpeningContext {
  /** True when nothing was restored from autosave. */
  readonly firstVisit: boolean;
  /** `location.search` */
  readonly search: string;
  /** `location.hash` */
  readonly hash: string;
}

export const SKIP_GALLERY_PARAM = 'gallery';

export function shouldOpenGallery({ firstVisit, search, hash }: OpeningContext): boolean {
  if (!firstVisit || (hash !== '' && hash !== '#')) return false;
  const value = new URLSearchParams(search).get(SKIP_GALLERY_PARAM);
  return value === null || !['0', 'off', 'false', 'no'].includes(value.toLowerCase());
}
