/**
 * The probe: may this source open this connection to this destination? Either end may be a
 * workload or pod of the YAML, any IP address or `namespace/name`, or a custom pod that exists
 * only as an idea (a namespace and labels). Answers with the core's verdict and sentences.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { containsPort, explainVerdict, PROTOCOLS, type Protocol, type Verdict } from '../../core/index.ts';
import type { Analysis } from '../analysis.ts';
import { selectAnalysis, selectStale, useAppStore } from '../store/index.ts';
import { flowStatus, halfOpenSide } from './inspector/flow-explanation.ts';
import { VerdictBadge } from './inspector/VerdictBadge.tsx';
import { ExpectFlow } from './assertions/ExpectFlow.tsx';
import { EndFields, type EndChoice } from './probe/EndFields.tsx';
import { parseProbe, type EndForm, type ProbeErrors, type ProbeForm, type ProbeQuery } from './probe/probe-input.ts';
import './inspector/inspector.css';
import './probe/probe.css';

type Result =
  | { readonly kind: 'verdict'; readonly query: ProbeQuery; readonly verdict: Verdict; readonly mentioned: boolean }
  | { readonly kind: 'error'; readonly message: string };

function choicesOf(analysis: Analysis | undefined): EndChoice[] {
  if (!analysis) return [];
  const workloads = analysis.model.workloads.map((w) => ({ id: w.id, label: w.id, group: 'Workloads' }));
  const workloadIds = new Set(workloads.map((w) => w.id));
  const pods = analysis.model.pods.filter((p) => !workloadIds.has(p.id)).map((p) => ({ id: p.id, label: p.id, group: 'Pods' }));
  return [...workloads, ...pods];
}

function emptyEnd(known: string): EndForm {
  return { mode: known ? 'known' : 'text', known, text: '', namespace: 'default', labels: '' };
}

function run(analysis: Analysis, query: ProbeQuery): Result {
  try {
    const verdict = analysis.evaluator.verdict(query.source.input, query.destination.input, query.protocol, query.port);
    const mentioned = !analysis.matrix.portClasses.some((c) => c.other && containsPort(c.ports, query.protocol, query.port));
    return { kind: 'verdict', query, verdict, mentioned };
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

export function ProbePanel() {
  const analysis = useAppStore(selectAnalysis);
  const stale = useAppStore(selectStale);
  const choices = useMemo(() => choicesOf(analysis), [analysis]);
  const knownIds = useMemo(() => new Set(choices.map((c) => c.id)), [choices]);
  const [form, setForm] = useState<ProbeForm>(() => ({
    from: emptyEnd(choices[0]?.id ?? ''),
    to: emptyEnd(choices[1]?.id ?? choices[0]?.id ?? ''),
    port: '80',
    protocol: 'TCP',
  }));
  const [errors, setErrors] = useState<ProbeErrors>({});
  const [query, setQuery] = useState<ProbeQuery | undefined>(undefined);
  // The answer follows the YAML: it is asked again of every new analysis.
  const result = useMemo(() => (analysis && query ? run(analysis, query) : undefined), [analysis, query]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseProbe(form, knownIds);
    if (parsed.ok) {
      setErrors({});
      setQuery(parsed.value);
    } else {
      setErrors(parsed.errors ?? {});
      setQuery(undefined);
    }
  };
  const setEnd = (side: 'from' | 'to') => (end: EndForm) => setForm((f) => ({ ...f, [side]: end }));

  return (
    <div className="probe" data-testid="probe">
      {stale ? (
        <p className="insp-stale" role="status">
          The YAML has errors: answers come from the last version that parsed.
        </p>
      ) : null}
      <p className="probe-intro muted">
        Ask about any connection, even between things that exist only as ideas: an address no policy mentions, a port
        nobody declared, or a pod you have not written yet.
      </p>
      <form className="probe-form" onSubmit={submit} noValidate>
        <EndFields side="from" title="From (source)" value={form.from} choices={choices} error={errors.from} onChange={setEnd('from')} />
        <EndFields side="to" title="To (destination)" value={form.to} choices={choices} error={errors.to} onChange={setEnd('to')} />
        <div className="probe-row">
          <label className="probe-field probe-port">
            <span>Port</span>
            <input
              type="text"
              inputMode="numeric"
              value={form.port}
              onChange={(e) => setForm((f) => ({ ...f, port: e.target.value }))}
              aria-invalid={errors.port ? true : undefined}
              aria-describedby={errors.port ? 'probe-port-error' : undefined}
              data-testid="probe.port"
            />
          </label>
          <label className="probe-field">
            <span>Protocol</span>
            <select value={form.protocol} onChange={(e) => setForm((f) => ({ ...f, protocol: e.target.value as Protocol }))} data-testid="probe.protocol">
              {PROTOCOLS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary probe-run" data-testid="probe.run" disabled={!analysis}>
            Probe
          </button>
        </div>
        {errors.port ? (
          <p className="probe-error" id="probe-port-error" role="alert" data-testid="probe.port-error">
            {errors.port}
          </p>
        ) : null}
      </form>
      <div className="probe-result" data-testid="probe.result" aria-live="polite" data-verdict={result?.kind === 'verdict' ? flowStatus(result.verdict) : undefined}>
        {result === undefined ? null : result.kind === 'error' ? (
          <p className="probe-error">{result.message}</p>
        ) : (
          <ProbeAnswer result={result} />
        )}
      </div>
    </div>
  );
}

/**
 * The core's sentences without the first (the headline above says it) and without its
 * "Half-open" line, which the panel states from the verdict's records as the matrix does
 * (only a side whose policies explicitly allow counts as open).
 */
function sentencesOf(verdict: Verdict): string[] {
  return explainVerdict(verdict)
    .slice(1)
    .filter((line) => !line.startsWith('Half-open:'));
}

function ProbeAnswer({ result }: { readonly result: Extract<Result, { kind: 'verdict' }> }) {
  const { query, verdict, mentioned } = result;
  const status = flowStatus(verdict);
  const half = halfOpenSide(verdict);
  return (
    <>
      <h3 className="probe-headline">
        <VerdictBadge status={status} />
      </h3>
      <p className="probe-asked">
        {query.source.name} → {query.destination.name} on {query.protocol} {query.port}
      </p>
      {half ? (
        <p className="insp-half-open">
          Half-open: the {half} side allows it; the {half === 'egress' ? 'ingress' : 'egress'} side denies it.
        </p>
      ) : null}
      {!mentioned ? (
        <p className="insp-note" data-testid="probe.unmentioned">
          No policy mentions {query.protocol} {query.port}: it is one of the “any other port” ports.
        </p>
      ) : null}
      <ul className="probe-sentences" data-testid="probe.sentences">
        {sentencesOf(verdict).map((line, i) => (
          <li key={i} className={line.startsWith('- ') ? 'probe-sub' : undefined}>
            {line.startsWith('- ') ? line.slice(2) : line}
          </li>
        ))}
      </ul>
      {typeof query.source.input === 'string' && typeof query.destination.input === 'string' ? (
        <ExpectFlow
          key={`${query.source.input}|${query.destination.input}|${query.protocol}|${query.port}`}
          from={query.source.input}
          to={query.destination.input}
          protocol={query.protocol}
          port={query.port}
          current={verdict.allowed ? 'allowed' : 'denied'}
        />
      ) : null}
    </>
  );
}
