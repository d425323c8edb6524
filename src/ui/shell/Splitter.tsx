/** A draggable, keyboard-operable divider between two panels; reports the new size in pixels. */
import { useCallback, useRef } from 'react';

interface SplitterProps {
  readonly label: string;
  readonly size: number;
  readonly min: number;
  readonly max: number;
  /** +1 when dragging right grows the panel (panel on the left), -1 when it shrinks it. */
  readonly direction: 1 | -1;
  readonly onResize: (size: number) => void;
}

export function Splitter({ label, size, min, max, direction, onResize }: SplitterProps) {
  const start = useRef<{ x: number; size: number } | undefined>(undefined);
  const clamp = useCallback((value: number) => Math.min(max, Math.max(min, value)), [min, max]);

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(size)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={(event) => {
        start.current = { x: event.clientX, size };
        event.currentTarget.setPointerCapture(event.pointerId);
      }}
      onPointerMove={(event) => {
        if (!start.current) return;
        onResize(clamp(start.current.size + direction * (event.clientX - start.current.x)));
      }}
      onPointerUp={() => {
        start.current = undefined;
      }}
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft') onResize(clamp(size - direction * 24));
        if (event.key === 'ArrowRight') onResize(clamp(size + direction * 24));
      }}
    />
  );
}
