/**
 * Drawn flows to NetworkPolicy YAML and back: the generator, its YAML, sync into the user's
 * files, the drawn-vs-actual check, and flow removal. Generated policies are marked with the
 * label `app.kubernetes.io/managed-by: netpol-canvas`; sync touches only documents that carry it.
 */
export type * from './intent.ts';
export { DEFAULT_GENERATOR_SETTINGS } from './intent.ts';
export { MANAGED_BY_LABEL, MANAGED_BY_VALUE, isGeneratedPolicy, withGeneratedPolicies } from './managed.ts';
export { selectWorkload } from './select-workload.ts';
export { generatePolicies } from './generate.ts';
export { renderPolicy, renderPolicies } from './render.ts';
export { syncDocuments, type DocumentChange, type DocumentChangeKind, type SyncOptions, type SyncResult } from './sync.ts';
export { syncFiles, replacePolicyDocument, type FileChange } from './sync-files.ts';
export { compareDrawnWithActual, type ActualEnd, type AllowedButNotDrawn, type DrawnButDenied, type DrawnVsActual } from './compare.ts';
export { removeFlow, type FlowRemoval, type RuleAllowance } from './remove-flow.ts';
export { applyRemovalChoice, narrowPeer, peersOfRule, type PeerRef, type RemovalChoice } from './narrow.ts';
export { findDnsBlocked, KUBE_DNS_LABELS, KUBE_DNS_NAMESPACE, type DnsBlocked } from './dns.ts';
export { describeFlowEnd } from './ends.ts';
export { setLabelsInText, yamlScalar, type LabelEdit, type LabelPatch } from './set-labels.ts';
export { setObjectLabels, labelsLockedReason, type LabelSubject, type LabelChange } from './set-object-labels.ts';
export { inferredPodManifests } from './materialize-inferred.ts';
