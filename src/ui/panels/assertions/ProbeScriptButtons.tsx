/** The "Probe script" actions: copy the script, or download it as `probe-flows.sh`. */
import { useState } from 'react';
import { generateProbeScript } from '../../../core/index.ts';
import type { Analysis } from '../../analysis.ts';
import { copyText, downloadText } from '../../shell/clipboard.ts';

export const PROBE_SCRIPT_FILE = 'probe-flows.sh';

export function ProbeScriptButtons({ analysis }: { readonly analysis: Analysis }) {
  const [status, setStatus] = useState<string | undefined>(undefined);
  const script = () => generateProbeScript(analysis.model, analysis.assertions.map((r) => r.assertion));
  return (
    <div className="assertions-probe" role="group" aria-label="Probe script">
      <span className="assertions-probe-label" title="A shell script that checks these flows on a live cluster with kubectl exec and nc">
        Probe script:
      </span>
      <button
        type="button"
        onClick={() => {
          void copyText(script()).then((ok) => setStatus(ok ? 'Copied.' : 'Could not copy: use Download.'));
        }}
        data-testid="assertions.probe-copy"
      >
        Copy
      </button>
      <button
        type="button"
        onClick={() => {
          downloadText(script(), PROBE_SCRIPT_FILE, 'text/x-shellscript');
          setStatus(`Saved as ${PROBE_SCRIPT_FILE}.`);
        }}
        data-testid="assertions.probe-download"
      >
        Download
      </button>
      {status ? (
        <span className="muted" role="status" data-testid="assertions.probe-status">
          {status}
        </span>
      ) : null}
    </div>
  );
}
