/**
 * Whether nodes draw their details (labels, ports, badges) or, zoomed out so far that no text
 * could be read, only their box: a thousand boxes mount, paint and pan far faster than a
 * thousand full nodes. FlowCanvas provides it from the zoom.
 */
import { createContext, useContext } from 'react';

export const BoxesOnlyContext = createContext(false);

export function useBoxesOnly(): boolean {
  return useContext(BoxesOnlyContext);
}
