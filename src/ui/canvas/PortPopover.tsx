/**
 * The question asked when a flow is drawn: which ports? The destination's declared ports (the
 * default), all ports, or one custom entry (protocol; a port, a range with endPort, or a named
 * port of the destination). Test ids: `flow.ports` (the popover), `flow.confirm`.
 */
import { useState } from 'react';
import { checkPolicyPort } from '../../core/generate/cluster-docs.ts';
import type { ContainerPort, PortIntent, Protocol } from '../../core/index.ts';

export interface PortPopoverProps {
  readonly source: string;
  readonly target: string;
  /** Declared container ports of the destination (empty for external addresses). */
  readonly declared: readonly ContainerPort[];
  readonly x: number;
  readonly y: number;
  readonly onConfirm: (ports: PortIntent) => void;
  readonly onCancel: () => void;
}

type Choice = 'declared' | 'all' | 'custom';

function customIntent(protocol: Protocol, port: string, endPort: string, named: string): PortIntent | string {
  if (named) return { kind: 'custom', entries: [{ protocol, port: named }] };
  const first = port.trim() === '' ? undefined : Number(port);
  const last = endPort.trim() === '' ? undefined : Number(endPort);
  const problem = checkPolicyPort(first, last);
  if (problem) return problem;
  if (first === undefined) return { kind: 'custom', entries: [{ protocol }] };
  return { kind: 'custom', entries: [last === undefined ? { protocol, port: first } : { protocol, port: first, endPort: last }] };
}

export function PortPopover({ source, target, declared, x, y, onConfirm, onCancel }: PortPopoverProps) {
  const [choice, setChoice] = useState<Choice>(declared.length > 0 ? 'declared' : 'all');
  const [protocol, setProtocol] = useState<Protocol>('TCP');
  const [port, setPort] = useState('');
  const [endPort, setEndPort] = useState('');
  const [named, setNamed] = useState('');
  const custom = customIntent(protocol, port, endPort, named);
  const problem = choice === 'custom' && typeof custom === 'string' ? custom : undefined;
  const names = declared.filter((p) => p.name && p.protocol === protocol);
  const confirm = () => {
    if (problem) return;
    onConfirm(choice === 'custom' ? (custom as PortIntent) : { kind: choice });
  };
  const declaredText = declared.map((p) => `${p.name ? `${p.name} ` : ''}${p.containerPort}/${p.protocol}`).join(', ');
  return (
    <div
      className="draw-popover port-popover nodrag nopan"
      style={{ left: x, top: y }}
      data-testid="flow.ports"
      role="dialog"
      aria-label={`Ports of the flow ${source} to ${target}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
        if (e.key === 'Enter') confirm();
        e.stopPropagation();
      }}
    >
      <div className="draw-title">
        Allow <strong>{source}</strong> → <strong>{target}</strong> on
      </div>
      <label>
        <input type="radio" name="flow-ports" checked={choice === 'declared'} disabled={declared.length === 0} onChange={() => setChoice('declared')} data-testid="flow.ports.declared" />
        its declared ports{declared.length > 0 ? ` (${declaredText})` : ' (none declared)'}
      </label>
      <label>
        <input type="radio" name="flow-ports" checked={choice === 'all'} onChange={() => setChoice('all')} data-testid="flow.ports.all" />
        all ports
      </label>
      <label>
        <input type="radio" name="flow-ports" checked={choice === 'custom'} onChange={() => setChoice('custom')} data-testid="flow.ports.custom" />
        custom
      </label>
      {choice === 'custom' ? (
        <div className="draw-custom">
          <select value={protocol} onChange={(e) => setProtocol(e.target.value as Protocol)} aria-label="Protocol" data-testid="flow.ports.protocol">
            <option>TCP</option>
            <option>UDP</option>
            <option>SCTP</option>
          </select>
          <input
            value={port}
            onChange={(e) => setPort(e.target.value)}
            placeholder="port"
            inputMode="numeric"
            aria-label="Port"
            disabled={named !== ''}
            data-testid="flow.ports.port"
          />
          <input
            value={endPort}
            onChange={(e) => setEndPort(e.target.value)}
            placeholder="endPort"
            inputMode="numeric"
            aria-label="End port"
            disabled={named !== ''}
            data-testid="flow.ports.endport"
          />
          <select value={named} onChange={(e) => setNamed(e.target.value)} aria-label="Named port" data-testid="flow.ports.named" disabled={names.length === 0}>
            <option value="">{names.length === 0 ? 'no named port' : 'or a named port…'}</option>
            {names.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name} ({p.containerPort})
              </option>
            ))}
          </select>
          {port === '' && named === '' && !problem ? <div className="muted">No port: every {protocol} port.</div> : null}
        </div>
      ) : null}
      {problem ? (
        <div className="draw-error" role="alert" data-testid="flow.ports.error">
          {problem}
        </div>
      ) : null}
      <div className="draw-actions">
        <button type="button" onClick={onCancel} data-testid="flow.cancel">
          Cancel
        </button>
        <button type="button" className="primary" onClick={confirm} disabled={problem !== undefined} data-testid="flow.confirm">
          Allow
        </button>
      </div>
    </div>
  );
}
