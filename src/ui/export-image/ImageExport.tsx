/**
 * The Export dialog's image part: the whole graph or what is on screen, as PNG (for slides and
 * chat) or SVG (scales without blur), downloaded as `<title>.png` / `<title>.svg`.
 */
import { useId, useState } from 'react';
import './export-image.css';
import { downloadBlob } from '../shell/clipboard.ts';
import { canvasSource } from './canvas-source.ts';
import { captureCanvas } from './capture.ts';
import { imageFileName, type ImageFormat, type ImageScope } from './plan.ts';

export function ImageExport({ title }: { readonly title: string }) {
  const id = useId();
  const [scope, setScope] = useState<ImageScope>('graph');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const download = (format: ImageFormat) => {
    const source = canvasSource();
    if (!source) {
      setStatus('The canvas is not on screen.');
      return;
    }
    setBusy(true);
    setStatus('Drawing the image…');
    void captureCanvas(source, { scope, format, title }).then((result) => {
      setBusy(false);
      if (!result.ok) {
        setStatus(result.message);
        return;
      }
      const name = imageFileName(title, format);
      downloadBlob(result.blob, name);
      setStatus(`Downloaded ${name}.`);
    });
  };

  return (
    <section className="image-export" aria-labelledby={`${id}-title`} data-testid="export.image">
      <h3 id={`${id}-title`} className="image-export-title">
        Image of the canvas
      </h3>
      <div className="image-export-scope" role="radiogroup" aria-label="What to draw">
        <label>
          <input type="radio" name={`${id}-scope`} checked={scope === 'graph'} onChange={() => setScope('graph')} data-testid="export.image.graph" />
          The whole graph
        </label>
        <label>
          <input type="radio" name={`${id}-scope`} checked={scope === 'screen'} onChange={() => setScope('screen')} data-testid="export.image.screen" />
          What is on screen
        </label>
      </div>
      <div className="shell-dialog-actions">
        <button type="button" disabled={busy} onClick={() => download('png')} data-testid="export.png">
          Download PNG
        </button>
        <button type="button" disabled={busy} onClick={() => download('svg')} data-testid="export.svg">
          Download SVG
        </button>
        <span className="export-status" role="status" aria-live="polite" data-testid="export.image.status">
          {status}
        </span>
      </div>
    </section>
  );
}
