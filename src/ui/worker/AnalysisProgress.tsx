/**
 * The analysis running in the worker, once it has lasted PROGRESS_DELAY_MS: what it is doing, a
 * bar, and Cancel. After a cancel, a note says the canvas shows an older analysis, with Retry.
 * Not modal: the YAML pane and the canvas keep working meanwhile.
 *
 * It floats over the canvas it is about, centred and raised above the canvas's bottom row (the
 * zoom buttons on the left, the minimap on the right, the notes in the middle), narrow enough
 * to leave the zoom buttons' column free (progress.css).
 */
import { useEffect, useState, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import { selectAnalysisCancelled, selectProgress, useAppStore } from '../store/index.ts';
import './progress.css';

/** Analyses quicker than this never show the bar (no flicker on medium inputs). */
export const PROGRESS_DELAY_MS = 500;

/** The canvas column, where the progress floats (none before the app is laid out: then over the window). */
function useCanvasColumn(): HTMLElement | null {
  const [column, setColumn] = useState<HTMLElement | null>(null);
  useEffect(() => setColumn(document.querySelector<HTMLElement>('.canvas-column')), []);
  return column;
}

export function AnalysisProgress() {
  const progress = useAppStore(selectProgress);
  const cancelled = useAppStore(selectAnalysisCancelled);
  const cancelAnalysis = useAppStore((s) => s.cancelAnalysis);
  const requestAnalysis = useAppStore((s) => s.requestAnalysis);
  const running = progress !== undefined;
  const [late, setLate] = useState(false);
  const column = useCanvasColumn();
  const float = (element: ReactElement) => (column ? createPortal(element, column) : element);

  useEffect(() => {
    setLate(false);
    if (!running) return undefined;
    const timer = setTimeout(() => setLate(true), PROGRESS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [running]);

  if (progress && late) {
    const percent = Math.round(progress.fraction * 100);
    return float(
      <div className="analysis-progress" role="status" aria-live="polite" data-testid="analysis.progress" data-phase={progress.phase}>
        <div className="analysis-progress-text">
          <span data-testid="analysis.progress.text">{progress.text}</span>
          <span className="analysis-progress-percent">{percent}%</span>
        </div>
        <div className="analysis-progress-controls">
          <progress max={100} value={percent} aria-label="Analysis progress" data-testid="analysis.progress.bar" />
          {progress.phase === 'drawing' ? null : (
            <button type="button" onClick={cancelAnalysis} data-testid="analysis.cancel">
              Cancel
            </button>
          )}
        </div>
      </div>,
    );
  }
  // Before the bar shows, a hidden marker says an analysis runs (for tests and automation).
  if (progress) return <span hidden data-testid="analysis.running" data-phase={progress.phase} />;
  if (cancelled) {
    return float(
      <div className="analysis-progress analysis-cancelled" role="status" data-testid="analysis.cancelled">
        <span>Analysis cancelled: the canvas and panels show the last analysis, older than the YAML.</span>
        <button type="button" className="primary" onClick={requestAnalysis} data-testid="analysis.retry">
          Retry
        </button>
      </div>,
    );
  }
  return null;
}
