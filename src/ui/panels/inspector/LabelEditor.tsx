/**
 * "What if this had other labels?": the labels of a workload, pod or namespace, editable in
 * place (change a value, remove a label, add one). Each change patches the manifest text (only
 * the labels' bytes), is one undo step, and the canvas and verdicts follow at once. Objects
 * without a manifest say why they cannot be edited.
 */
import { useState, type FormEvent } from 'react';
import { checkLabel } from '../../../core/generate/cluster-docs.ts';
import { METADATA_NAME_LABEL, type LabelEdit, type LabelSubject, type Labels } from '../../../core/index.ts';
import { appStore } from '../../store/index.ts';
import { applyLabelEdits, writeInferredPods, type EditedPlace } from './label-actions.ts';

interface Props {
  readonly subject: LabelSubject;
  readonly labels: Labels;
  /** Why the labels cannot be edited (no manifest), or undefined. */
  readonly locked: string | undefined;
  /** Inferred from the policies: offer to write the inferred pods as manifests. */
  readonly inferred?: boolean;
}

function LabelRow({ name, value, onApply }: { readonly name: string; readonly value: string; readonly onApply: (edit: LabelEdit) => void }) {
  const [draft, setDraft] = useState(value);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (draft !== value) onApply({ key: name, value: draft.trim() });
  };
  return (
    <li className="label-row">
      <form onSubmit={submit}>
        <label>
          <span className="label-key">{name}</span> =
          <input
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => submit()}
            aria-label={`Value of label ${name}`}
            data-testid={`labels.value.${name}`}
          />
        </label>
        <button type="button" className="icon-action" onClick={() => onApply({ key: name, value: null })} aria-label={`Remove label ${name}`} title="Remove this label" data-testid={`labels.remove.${name}`}>
          ×
        </button>
      </form>
    </li>
  );
}

function AddLabel({ labels, onApply }: { readonly labels: Labels; readonly onApply: (edit: LabelEdit) => boolean }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (onApply({ key: key.trim(), value: value.trim() })) {
      setKey('');
      setValue('');
    }
  };
  return (
    <li className="label-row label-add">
      <form onSubmit={submit}>
        <input value={key} onChange={(e) => setKey(e.target.value)} placeholder="key" aria-label="New label key" data-testid="labels.add.key" />
        =
        <input value={value} onChange={(e) => setValue(e.target.value)} placeholder="value" aria-label="New label value" data-testid="labels.add.value" />
        <button type="submit" disabled={key.trim() === '' || Object.prototype.hasOwnProperty.call(labels, key.trim())} data-testid="labels.add.submit">
          Add
        </button>
      </form>
    </li>
  );
}

function InferredLocked({ reason }: { readonly reason: string }) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  return (
    <div className="insp-note" data-testid="labels.locked">
      <p>Labels cannot be edited here: {reason}.</p>
      <p>
        To try other labels, write the inferred pods out as Pod manifests (in cluster.yaml, with the namespaces they need): the verdicts
        stay the same, and each pod can then be edited.{' '}
        <button
          type="button"
          onClick={() => {
            const result = writeInferredPods(appStore);
            setProblem('problem' in result ? result.problem : undefined);
          }}
          data-testid="labels.write-inferred"
        >
          Write them as manifests
        </button>
      </p>
      {problem ? (
        <p className="draw-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

export function LabelEditor({ subject, labels, locked, inferred }: Props) {
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<{ kind: 'problem' | 'note'; text: string } | undefined>(undefined);
  const [place, setPlace] = useState<EditedPlace | undefined>(undefined);
  const editable = Object.entries(labels).filter(([k]) => k !== METADATA_NAME_LABEL);
  const apply = (edit: LabelEdit): boolean => {
    if (edit.value !== null) {
      const problem = checkLabel(edit.key, edit.value);
      if (problem) {
        setMessage({ kind: 'problem', text: problem });
        return false;
      }
    }
    const result = applyLabelEdits(appStore, subject, [edit]);
    if ('problem' in result) {
      setMessage({ kind: 'problem', text: `Cannot change the labels: ${result.problem}` });
      return false;
    }
    setMessage(result.notes.length > 0 ? { kind: 'note', text: result.notes.join(' ') } : undefined);
    setPlace(result.place);
    return true;
  };
  if (locked && inferred) return <InferredLocked reason={locked} />;
  if (locked) {
    return (
      <p className="insp-note" data-testid="labels.locked">
        Labels cannot be edited here: {locked}.
      </p>
    );
  }
  return (
    <div className="label-editor">
      {editing ? (
        <ul className="label-rows" data-testid="labels.editor">
          {editable.map(([k, v]) => (
            <LabelRow key={`${k}=${v}`} name={k} value={v} onApply={apply} />
          ))}
          <AddLabel labels={labels} onApply={apply} />
        </ul>
      ) : null}
      <button type="button" className="link" onClick={() => setEditing(!editing)} aria-expanded={editing} data-testid="labels.edit">
        {editing ? 'Done editing labels' : 'Edit labels (what if…?)'}
      </button>
      {place ? (
        <p className="muted label-place" data-testid="labels.place">
          Changed in {place.file}, line {place.line}.{' '}
          <button type="button" className="link" onClick={() => appStore.getState().revealInYaml({ file: place.file, line: place.line, column: 1 })}>
            Show in YAML
          </button>{' '}
          Undo (Ctrl+Z) takes it back.
        </p>
      ) : null}
      {message ? (
        <p className={message.kind === 'problem' ? 'draw-error' : 'insp-note'} role={message.kind === 'problem' ? 'alert' : 'status'} data-testid={message.kind === 'problem' ? 'labels.error' : 'labels.note'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
