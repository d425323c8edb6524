/** The share link of the current workspace: the page's address with `#share=v1.…`. */
import type { AppState } from '../store/index.ts';
import { encodeShareWorkspace, shareFragment } from './codec.ts';
import { makeShareable, type Shareable } from './shareable.ts';
import type { ShareError } from './shared-workspace.ts';

export type ShareLink =
  | { readonly ok: true; readonly url: string; readonly renamed: Shareable['renamed'] }
  | { readonly ok: false; readonly error: ShareError };

/** `base`: the page's address without its fragment (origin, path and query). */
export function buildShareLink(
  state: Pick<AppState, 'title' | 'files' | 'activeFile' | 'positions' | 'guide' | 'presentation'>,
  base: string,
): ShareLink {
  const { workspace, renamed } = makeShareable({
    title: state.title,
    files: state.files,
    activeFile: state.activeFile,
    positions: state.positions,
    guide: state.guide,
    presentation: state.presentation,
  });
  const encoded = encodeShareWorkspace(workspace);
  return encoded.ok ? { ok: true, url: `${base}${shareFragment(encoded.payload)}`, renamed } : encoded;
}

/** The current page's address without its fragment. */
export function pageAddress(): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}`;
}
