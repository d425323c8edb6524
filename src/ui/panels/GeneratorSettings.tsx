/**
 * How drawn flows become policies: the style (ingress-only, the default, or zero-trust), default
 * deny per namespace and direction, and "Allow DNS". Also lists the generator's problems.
 */
import { useMemo } from 'react';
import type { DefaultDenyToggle, PolicyStyle } from '../../core/index.ts';
import { appStore, selectAnalysis, useAppStore, type AppState } from '../store/index.ts';
import './drawing-panels.css';

const selectSettings = (s: AppState) => s.generatorSettings;
const selectProblems = (s: AppState) => s.generatorProblems;
const selectIntentCount = (s: AppState) => s.intents.length;

function follows(style: PolicyStyle, namespace: string): boolean {
  return style === 'zero-trust' && namespace !== 'kube-system';
}

export function GeneratorSettings() {
  const settings = useAppStore(selectSettings);
  const problems = useAppStore(selectProblems);
  const count = useAppStore(selectIntentCount);
  const analysis = useAppStore(selectAnalysis);
  const namespaces = useMemo(() => analysis?.model.namespaces.map((n) => n.name) ?? [], [analysis]);
  const set = appStore.getState().setGeneratorSettings;
  const toggle = (namespace: string, direction: keyof DefaultDenyToggle, on: boolean) => {
    const current = settings.defaultDeny ?? {};
    set({ defaultDeny: { ...current, [namespace]: { ...current[namespace], [direction]: on } } });
  };
  return (
    <div className="generator-settings" data-testid="generator.settings">
      <h3>Generate policies from the drawing</h3>
      <p className="muted">
        {count} drawn {count === 1 ? 'flow' : 'flows'}. Generated policies carry the label{' '}
        <code>app.kubernetes.io/managed-by: netpol-canvas</code>; remove it to take one over by hand.
      </p>
      <fieldset>
        <legend>Policy style</legend>
        <label>
          <input type="radio" name="style" checked={settings.style === 'ingress-only'} onChange={() => set({ style: 'ingress-only' })} data-testid="generator.style.ingress-only" />
          Ingress only: rules on each destination (a first drawing changes nothing but its destinations)
        </label>
        <label>
          <input type="radio" name="style" checked={settings.style === 'zero-trust'} onChange={() => set({ style: 'zero-trust' })} data-testid="generator.style.zero-trust" />
          Zero trust: ingress and egress rules, default deny in both directions
        </label>
      </fieldset>
      <fieldset>
        <legend>Default deny per namespace</legend>
        {namespaces.length === 0 ? <p className="muted">No namespaces yet.</p> : null}
        <table className="deny-table">
          <thead>
            <tr>
              <th>Namespace</th>
              <th>Ingress</th>
              <th>Egress</th>
            </tr>
          </thead>
          <tbody>
            {namespaces.map((ns) => (
              <tr key={ns}>
                <td>{ns}</td>
                {(['ingress', 'egress'] as const).map((direction) => (
                  <td key={direction}>
                    <input
                      type="checkbox"
                      aria-label={`Default deny ${direction} in ${ns}`}
                      checked={settings.defaultDeny?.[ns]?.[direction] ?? follows(settings.style, ns)}
                      onChange={(e) => toggle(ns, direction, e.target.checked)}
                      data-testid={`generator.deny.${ns}.${direction}`}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <label className="allow-dns">
        <input type="checkbox" checked={settings.allowDns ?? false} onChange={(e) => set({ allowDns: e.target.checked })} data-testid="generator.allow-dns" />
        Allow DNS: egress to kube-dns (UDP and TCP 53) for drawn workloads whose egress is isolated
      </label>
      {problems.length > 0 ? (
        <section aria-label="Generator problems">
          <h4>Notes</h4>
          <ul className="generator-problems" data-testid="generator.problems">
            {problems.map((p, i) => (
              <li key={i} className={`sev-${p.severity}`} data-code={p.code}>
                {p.message}
                {p.suggestion ? (
                  <>
                    {' '}
                    <code>
                      {p.suggestion.key}: {p.suggestion.value}
                    </code>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
