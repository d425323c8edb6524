/**
 * The inspector's small actions: a policy name that shows the policy in the YAML pane (with a
 * separate "select" that highlights it), a rule that shows the rule, and names of nodes and
 * flows that select them. Names are user text: rendered as React text only.
 */
import type { ReactNode } from 'react';
import type { Direction, ManifestFile, NetworkPolicy } from '../../../core/index.ts';
import { appStore } from '../../store/index.ts';
import { policyTarget, ruleTarget } from './reveal.ts';

interface PolicyRef {
  readonly id: string;
  readonly policy: NetworkPolicy | undefined;
  readonly files: readonly ManifestFile[];
}

function reveal(target: ReturnType<typeof policyTarget>): void {
  if (target) appStore.getState().revealInYaml(target);
}

/** `default/allow-x` as a link to the policy's YAML, plus a small "select" action. */
export function PolicyLink({ id, policy, files, showSelect = true }: PolicyRef & { readonly showSelect?: boolean }) {
  return (
    <span className="insp-policy">
      <button
        type="button"
        className="link"
        data-testid="inspector.policy-link"
        data-policy={id}
        title={`Show ${id} in the YAML`}
        disabled={!policy?.source}
        onClick={() => policy && reveal(policyTarget(policy, files))}
      >
        {id}
      </button>
      {showSelect ? (
        <button
          type="button"
          className="icon-action"
          data-testid="inspector.policy-select"
          data-policy={id}
          title={`Select ${id} (highlight it on the canvas)`}
          aria-label={`Select policy ${id}`}
          onClick={() => appStore.getState().select({ kind: 'policy', id })}
        >
          ◎
        </button>
      ) : null}
    </span>
  );
}

/** `ingress rule #1` as a link to `spec.ingress[0]` in the YAML. */
export function RuleLink({
  policy,
  files,
  direction,
  index,
}: {
  readonly policy: NetworkPolicy | undefined;
  readonly files: readonly ManifestFile[];
  readonly direction: Direction;
  readonly index: number;
}) {
  return (
    <button
      type="button"
      className="link"
      data-testid="inspector.rule-link"
      data-direction={direction}
      data-rule={index}
      title={`Show ${direction} rule #${index + 1} in the YAML`}
      disabled={!policy?.source}
      onClick={() => policy && reveal(ruleTarget(policy, direction, index, files))}
    >
      {direction} rule #{index + 1}
    </button>
  );
}

/** A node name that selects the node. */
export function NodeLink({ id, label }: { readonly id: string; readonly label?: string }) {
  return (
    <button
      type="button"
      className="link"
      data-testid="inspector.node-link"
      data-node={id}
      title={`Inspect ${id}`}
      onClick={() => appStore.getState().select({ kind: 'node', id })}
    >
      {label ?? id}
    </button>
  );
}

/** A flow that selects the flow. */
export function FlowLink({ source, target, children }: { readonly source: string; readonly target: string; readonly children: ReactNode }) {
  return (
    <button
      type="button"
      className="link"
      data-testid="inspector.flow-link"
      data-from={source}
      data-to={target}
      title={`Explain ${source} → ${target}`}
      onClick={() => appStore.getState().select({ kind: 'flow', source, target })}
    >
      {children}
    </button>
  );
}
