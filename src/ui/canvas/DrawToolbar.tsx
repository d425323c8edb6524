/**
 * Building the cluster on the canvas: "+ Namespace", "+ Workload", "+ External", each with a
 * small form checked as the user types (the core's name, label, port and CIDR rules).
 */
import { Panel } from '@xyflow/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  DRAWN_WORKLOAD_KINDS,
  checkIpBlock,
  checkNamespaceName,
  checkWorkloadName,
  parseLabelsText,
  parsePortsText,
  type DrawnWorkloadKind,
} from '../../core/generate/cluster-docs.ts';
import { appStore, selectAnalysis, useAppStore } from '../store/index.ts';

type Form = 'namespace' | 'workload' | 'external' | undefined;

function Field({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <label className="draw-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

function Problem({ text }: { readonly text: string | undefined }) {
  return text ? (
    <div className="draw-error" role="alert" data-testid="draw.error">
      {text}
    </div>
  ) : null;
}

function FormShell({ title, onSubmit, onCancel, problem, children }: {
  readonly title: string;
  readonly onSubmit: () => string | undefined;
  readonly onCancel: () => void;
  readonly problem: string | undefined;
  readonly children: ReactNode;
}) {
  const [refused, setRefused] = useState<string | undefined>(undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    const why = onSubmit();
    if (why) setRefused(why);
    else onCancel();
  };
  return (
    <form className="draw-popover draw-form nodrag nopan" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()} aria-label={title}>
      <div className="draw-title">{title}</div>
      {children}
      <Problem text={problem ?? refused} />
      <div className="draw-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={problem !== undefined} data-testid="draw.submit">
          Add
        </button>
      </div>
    </form>
  );
}

function NamespaceForm({ onClose }: { readonly onClose: () => void }) {
  const [name, setName] = useState('');
  const [labels, setLabels] = useState('');
  const parsed = parseLabelsText(labels);
  const problem = checkNamespaceName(name) ?? parsed.problem;
  return (
    <FormShell
      title="Add a namespace"
      problem={name === '' ? undefined : problem}
      onCancel={onClose}
      onSubmit={() => (problem ? problem : appStore.getState().addNamespace({ kind: 'Namespace', name, labels: parsed.labels }))}
    >
      <Field label="Name">
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} data-testid="draw.ns.name" />
      </Field>
      <Field label="Labels">
        <input value={labels} onChange={(e) => setLabels(e.target.value)} placeholder="team=shop" data-testid="draw.ns.labels" />
      </Field>
    </FormShell>
  );
}

function WorkloadForm({ onClose }: { readonly onClose: () => void }) {
  const analysis = useAppStore(selectAnalysis);
  const namespaces = analysis?.model.namespaces.map((n) => n.name) ?? [];
  const [namespace, setNamespace] = useState(namespaces[0] ?? 'default');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DrawnWorkloadKind>('Deployment');
  const [labels, setLabels] = useState('');
  const [ports, setPorts] = useState('');
  const labelsText = labels.trim() === '' && name !== '' ? `app=${name}` : labels;
  const parsedLabels = parseLabelsText(labelsText);
  const parsedPorts = parsePortsText(ports);
  const problem =
    checkNamespaceName(namespace) ??
    checkWorkloadName(name) ??
    parsedLabels.problem ??
    (Object.keys(parsedLabels.labels).length === 0 ? 'Give it a label, so policies can select it' : undefined) ??
    parsedPorts.problem;
  return (
    <FormShell
      title="Add a workload"
      problem={name === '' && labels === '' && ports === '' ? undefined : problem}
      onCancel={onClose}
      onSubmit={() =>
        problem ??
        appStore.getState().addWorkload({ kind, namespace, name, labels: parsedLabels.labels, ports: parsedPorts.ports })
      }
    >
      <Field label="Namespace">
        <input list="draw-namespaces" value={namespace} onChange={(e) => setNamespace(e.target.value)} data-testid="draw.wl.namespace" />
        <datalist id="draw-namespaces">
          {namespaces.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      </Field>
      <Field label="Name">
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} data-testid="draw.wl.name" />
      </Field>
      <Field label="Kind">
        <select value={kind} onChange={(e) => setKind(e.target.value as DrawnWorkloadKind)} data-testid="draw.wl.kind">
          {DRAWN_WORKLOAD_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </Field>
      <Field label="Labels">
        <input value={labels} onChange={(e) => setLabels(e.target.value)} placeholder={name ? `app=${name}` : 'app=web'} data-testid="draw.wl.labels" />
      </Field>
      <Field label="Ports">
        <input value={ports} onChange={(e) => setPorts(e.target.value)} placeholder="http:8080, 53/UDP" data-testid="draw.wl.ports" />
      </Field>
    </FormShell>
  );
}

function ExternalForm({ onClose }: { readonly onClose: () => void }) {
  const [anywhere, setAnywhere] = useState(false);
  const [cidr, setCidr] = useState('');
  const [except, setExcept] = useState('');
  const excepts = except.split(',').map((s) => s.trim()).filter(Boolean);
  const problem = anywhere ? undefined : checkIpBlock(cidr, excepts);
  return (
    <FormShell
      title="Add an external endpoint"
      problem={!anywhere && cidr === '' ? undefined : problem}
      onCancel={onClose}
      onSubmit={() => {
        if (problem) return problem;
        const end = anywhere ? ({ kind: 'anywhere' } as const) : { kind: 'ipBlock' as const, cidr: cidr.trim(), ...(excepts.length ? { except: excepts } : {}) };
        const added = appStore.getState().addExternal(end);
        return 'problem' in added ? added.problem : undefined;
      }}
    >
      <label className="draw-check">
        <input type="checkbox" checked={anywhere} onChange={(e) => setAnywhere(e.target.checked)} data-testid="draw.ext.anywhere" />
        anywhere (every IPv4 and IPv6 address)
      </label>
      <Field label="CIDR">
        <input autoFocus value={cidr} disabled={anywhere} onChange={(e) => setCidr(e.target.value)} placeholder="10.0.0.0/8 or 8.8.8.8" data-testid="draw.ext.cidr" />
      </Field>
      <Field label="Except">
        <input value={except} disabled={anywhere} onChange={(e) => setExcept(e.target.value)} placeholder="10.1.0.0/16, ..." data-testid="draw.ext.except" />
      </Field>
    </FormShell>
  );
}

export function DrawToolbar() {
  const [form, setForm] = useState<Form>(undefined);
  const close = () => setForm(undefined);
  const button = (id: Exclude<Form, undefined>, text: string) => (
    <button
      type="button"
      className={form === id ? 'active' : ''}
      aria-expanded={form === id}
      onClick={() => setForm(form === id ? undefined : id)}
      data-testid={`draw.add-${id}`}
    >
      {text}
    </button>
  );
  return (
    <Panel position="top-center" className="draw-toolbar">
      <div className="draw-buttons" role="toolbar" aria-label="Draw">
        {button('namespace', '+ Namespace')}
        {button('workload', '+ Workload')}
        {button('external', '+ External')}
      </div>
      {form === 'namespace' ? <NamespaceForm onClose={close} /> : null}
      {form === 'workload' ? <WorkloadForm onClose={close} /> : null}
      {form === 'external' ? <ExternalForm onClose={close} /> : null}
    </Panel>
  );
}
