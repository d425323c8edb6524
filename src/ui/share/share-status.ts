/**
 * What the app says about a share link it was opened with: an error (the link could not be
 * read), a workspace waiting for the user's yes (it would replace their work), or that a shared
 * workspace was opened. Outside the document store: none of it is undone or autosaved.
 */
import { createStore } from 'zustand';
import type { ShareError, SharedWorkspace } from './shared-workspace.ts';

export interface ShareStatus {
  readonly error: ShareError | undefined;
  readonly pending: SharedWorkspace | undefined;
  /** Title of the shared workspace just opened (for a short notice). */
  readonly opened: string | undefined;
}

export const shareStatus = createStore<ShareStatus>()(() => ({ error: undefined, pending: undefined, opened: undefined }));

export const selectShareError = (s: ShareStatus) => s.error;
export const selectSharePending = (s: ShareStatus) => s.pending;
export const selectShareOpened = (s: ShareStatus) => s.opened;
