/**
 * Labels and ports of a drawn workload (one of `cluster.yaml`), edited in place and checked as
 * the user types (label syntax, duplicate keys, port ranges, duplicate names). Workloads from
 * other files are edited in their YAML.
 */
import { useState } from 'react';
import { CLUSTER_FILE, parseLabelsText, parsePortsText } from '../../core/generate/cluster-docs.ts';
import type { ContainerPort, Labels } from '../../core/index.ts';
import { appStore, selectAnalysis, useAppStore } from '../store/index.ts';
import './drawing-panels.css';

const labelsText = (labels: Labels): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
const portsText = (ports: readonly ContainerPort[]): string =>
  ports.map((p) => `${p.name ? `${p.name}:` : ''}${p.containerPort}${p.protocol === 'TCP' ? '' : `/${p.protocol}`}`).join(', ');

function Editor({ id, labels, ports }: { readonly id: string; readonly labels: Labels; readonly ports: readonly ContainerPort[] }) {
  const [labelInput, setLabelInput] = useState(labelsText(labels));
  const [portInput, setPortInput] = useState(portsText(ports));
  const [refused, setRefused] = useState<string | undefined>(undefined);
  const parsedLabels = parseLabelsText(labelInput);
  const parsedPorts = parsePortsText(portInput);
  const problem =
    parsedLabels.problem ??
    (Object.keys(parsedLabels.labels).length === 0 ? 'Keep one label at least, so policies can select it' : undefined) ??
    parsedPorts.problem;
  const changed = labelInput !== labelsText(labels) || portInput !== portsText(ports);
  const apply = () => {
    if (problem || !changed) return;
    setRefused(appStore.getState().updateWorkload(id, { labels: parsedLabels.labels, ports: parsedPorts.ports }));
  };
  return (
    <form
      className="workload-editor"
      data-testid="workload.editor"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label>
        Labels
        <input value={labelInput} onChange={(e) => setLabelInput(e.target.value)} aria-invalid={parsedLabels.problem !== undefined} data-testid="workload.labels" />
      </label>
      <label>
        Ports
        <input value={portInput} onChange={(e) => setPortInput(e.target.value)} aria-invalid={parsedPorts.problem !== undefined} placeholder="http:8080, 53/UDP" data-testid="workload.ports" />
      </label>
      {problem ?? refused ? (
        <p className="draw-error" role="alert" data-testid="workload.error">
          {problem ?? refused}
        </p>
      ) : null}
      <div className="draw-actions">
        <button type="button" onClick={() => appStore.getState().deleteWorkload(id)} data-testid="workload.delete">
          Delete workload
        </button>
        <button type="submit" className="primary" disabled={problem !== undefined || !changed} data-testid="workload.apply">
          Apply
        </button>
      </div>
    </form>
  );
}

export function WorkloadEditor({ id }: { readonly id: string }) {
  const analysis = useAppStore(selectAnalysis);
  const workload = analysis?.model.workloads.find((w) => w.id === id);
  if (!workload || workload.source?.file !== CLUSTER_FILE) return null;
  // Keyed by the current values: an edit in the YAML resets the form.
  const key = `${id}\n${labelsText(workload.labels)}\n${portsText(workload.ports)}`;
  return <Editor key={key} id={id} labels={workload.labels} ports={workload.ports} />;
}
