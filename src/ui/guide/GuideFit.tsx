/**
 * Inside the canvas: keeps a lesson's drawing in view. While a guide runs or presentation mode is
 * on, the drawing is fitted again when the canvas changes size (the guide bar appears, panes are
 * hidden), when another lesson starts, and when a step adds or removes nodes (once they are laid
 * out). In presentation mode it may grow past its natural size, so node names and flow labels are
 * legible from the back of a room; leaving presentation mode fits back at the editor's scale.
 */
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import { selectGuide, selectPresentation, useAppStore } from '../store/index.ts';

const PRESENT_FIT = { padding: { top: '48px', right: '24px', bottom: '24px', left: '24px' }, maxZoom: 1.8, duration: 300 } as const;
const EDIT_FIT = { padding: { top: '44px', right: '16px', bottom: '24px', left: '16px' }, maxZoom: 1, duration: 300 } as const;

type FlowState = { width: number; height: number; nodeLookup: ReadonlyMap<string, { hidden?: boolean; measured?: { width?: number } }> };

/** The laid-out nodes (shown and measured), counted only while fitting is wanted. */
function laidOut(state: FlowState): number {
  let count = 0;
  for (const node of state.nodeLookup.values()) if (!node.hidden && node.measured?.width) count++;
  return count;
}

export function GuideFit() {
  const presentation = useAppStore(selectPresentation);
  const lesson = useAppStore(selectGuide)?.scenarioId;
  const active = presentation || lesson !== undefined;
  const selectShape = useCallback((s: FlowState) => (active ? `${Math.round(s.width)}x${Math.round(s.height)}:${laidOut(s)}` : ''), [active]);
  const shape = useFlowStore(selectShape);
  const { fitView } = useReactFlow();
  const was = useRef(presentation);
  useEffect(() => {
    const left = was.current && !presentation;
    was.current = presentation;
    if ((!active && !left) || shape.endsWith(':0')) return undefined;
    const frame = requestAnimationFrame(() => void fitView(presentation ? PRESENT_FIT : EDIT_FIT));
    return () => cancelAnimationFrame(frame);
  }, [active, presentation, lesson, shape, fitView]);
  return null;
}
