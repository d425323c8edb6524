/** The routed flows of the current drawing (route.ts), shared with the edge components. */
import { createContext, useContext } from 'react';
import type { RoutedFlow } from './route.ts';

export const RoutesContext = createContext<ReadonlyMap<string, RoutedFlow>>(new Map());

export function useRoute(edgeId: string): RoutedFlow | undefined {
  return useContext(RoutesContext).get(edgeId);
}
