/**
 * The "Labels" field of the node inspector: the chips, and the what-if label editor under them
 * (keyed by subject, so another selection starts closed). Drawn workloads (cluster.yaml) keep
 * their own editor (WorkloadEditor), which already edits their labels.
 */
import { CLUSTER_FILE } from '../../../core/generate/cluster-docs.ts';
import { labelsLockedReason, type ClusterModel, type LabelSubject, type Labels } from '../../../core/index.ts';
import { LabelEditor } from './LabelEditor.tsx';
import { LabelChips } from './NodeInspector.tsx';

function workloadOf(model: ClusterModel, subject: LabelSubject) {
  if (subject.kind === 'namespace') return undefined;
  return model.workloads.find((w) => w.id === subject.id) ?? model.workloads.find((w) => w.podIds.includes(subject.id));
}

export function EditableLabels({ subject, labels, model }: { readonly subject: LabelSubject; readonly labels: Labels; readonly model: ClusterModel }) {
  const key = subject.kind === 'namespace' ? `ns:${subject.name}` : `${subject.kind}:${subject.id}`;
  return (
    <>
      <LabelChips labels={labels} />
      {workloadOf(model, subject)?.source?.file === CLUSTER_FILE ? null : (
        <LabelEditor key={key} subject={subject} labels={labels} locked={labelsLockedReason(model, subject)} inferred={workloadOf(model, subject)?.inferred === true} />
      )}
    </>
  );
}
