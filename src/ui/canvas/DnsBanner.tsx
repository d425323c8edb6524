/** The warning that drawn workloads cannot resolve names, with the one-click fix. */
import { Panel } from '@xyflow/react';
import { useMemo } from 'react';
import { findDnsBlocked, type FlowIntent } from '../../core/index.ts';
import { appStore, selectAnalysis, useAppStore, type AppState } from '../store/index.ts';

const selectIntents = (s: AppState) => s.intents;
const selectAllowDns = (s: AppState) => s.generatorSettings.allowDns ?? false;

function drawnWorkloads(intents: readonly FlowIntent[]): string[] {
  const ids = new Set<string>();
  for (const i of intents) for (const end of [i.source, i.destination]) if (end.kind === 'workload') ids.add(end.id);
  return [...ids].sort();
}

export function DnsBanner() {
  const analysis = useAppStore(selectAnalysis);
  const intents = useAppStore(selectIntents);
  const allowDns = useAppStore(selectAllowDns);
  const blocked = useMemo(
    () => (analysis && intents.length > 0 ? findDnsBlocked(analysis.model, drawnWorkloads(intents)) : []),
    [analysis, intents],
  );
  if (blocked.length === 0) return null;
  const names = blocked.map((b) => b.workloadId);
  const shown = `${names.slice(0, 2).join(', ')}${names.length > 2 ? ` +${names.length - 2}` : ''}`;
  const title = `${names.join(', ')}: egress is isolated and nothing allows kube-dns (kube-system, UDP/TCP 53), so names cannot be looked up.`;
  return (
    <Panel position="top-right" className="dns-banner" role="status" title={title} data-testid="canvas.dns">
      <span aria-hidden="true">⚠</span> DNS blocked: {shown}{' '}
      {allowDns ? (
        <span className="muted">(a hand-written policy blocks it)</span>
      ) : (
        <button type="button" onClick={() => appStore.getState().setGeneratorSettings({ allowDns: true })} data-testid="canvas.allow-dns">
          Allow DNS
        </button>
      )}
    </Panel>
  );
}
