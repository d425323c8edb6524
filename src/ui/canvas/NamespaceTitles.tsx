/**
 * Zoomed far out (nodes drawn as plain boxes), each namespace's name is written above its group
 * at a size that can be read, like a map's place names: one small overlay moved with the view
 * (its labels are placed directly in the DOM on every pan or zoom, never through React).
 */
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { CanvasNode } from './types.ts';

interface Title {
  readonly id: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
}

export function namespaceTitles(nodes: readonly CanvasNode[]): Title[] {
  const titles: Title[] = [];
  for (const node of nodes) {
    if (node.hidden || node.parentId) continue;
    if (node.type === 'namespace' || node.type === 'namespaceSummary') {
      titles.push({ id: node.id, name: node.data.name, x: node.position.x, y: node.position.y });
    }
  }
  return titles;
}

export function NamespaceTitles({ titles }: { readonly titles: readonly Title[] }) {
  const store = useStoreApi();
  const layer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = layer.current;
    if (!element) return undefined;
    const labels = [...element.children] as HTMLElement[];
    const place = () => {
      const [x, y, zoom] = store.getState().transform;
      titles.forEach((title, i) => {
        const label = labels[i];
        if (label) label.style.transform = `translate(${Math.round(title.x * zoom + x)}px, ${Math.round(title.y * zoom + y)}px) translateY(-100%)`;
      });
    };
    place();
    let previous = store.getState().transform;
    return store.subscribe((state) => {
      if (state.transform === previous) return;
      previous = state.transform;
      place();
    });
  }, [store, titles]);
  return (
    <div ref={layer} className="namespace-titles" data-testid="canvas.namespace-titles" aria-hidden="true">
      {titles.map((title) => (
        <span key={title.id} className="namespace-title">
          {title.name}
        </span>
      ))}
    </div>
  );
}
