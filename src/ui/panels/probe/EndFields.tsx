/** One end of the probe: a workload or pod of the YAML, free text, or a custom pod. */
import { parseNamespaceText, type EndForm } from './probe-input.ts';

export interface EndChoice {
  readonly id: string;
  readonly label: string;
  readonly group: string;
}

export const TEXT_CHOICE = '__text';
export const CUSTOM_CHOICE = '__custom';

export function EndFields({
  side,
  title,
  value,
  choices,
  error,
  onChange,
}: {
  readonly side: 'from' | 'to';
  readonly title: string;
  readonly value: EndForm;
  readonly choices: readonly EndChoice[];
  readonly error: string | undefined;
  readonly onChange: (end: EndForm) => void;
}) {
  const selected = value.mode === 'known' ? value.known : value.mode === 'text' ? TEXT_CHOICE : CUSTOM_CHOICE;
  const groups = [...new Set(choices.map((c) => c.group))];
  const errorId = `probe-${side}-error`;
  const described = error ? { 'aria-describedby': errorId, 'aria-invalid': true } : {};
  // For a custom pod, the message is about the namespace until that reads, then about the labels.
  const namespaceWrong = value.mode === 'custom' && error !== undefined && !parseNamespaceText(value.namespace).ok;
  return (
    <fieldset className="probe-end" data-testid={`probe.${side}-fields`}>
      <legend>{title}</legend>
      <select
        value={selected}
        onChange={(e) => {
          const v = e.target.value;
          if (v === TEXT_CHOICE) onChange({ ...value, mode: 'text' });
          else if (v === CUSTOM_CHOICE) onChange({ ...value, mode: 'custom' });
          else onChange({ ...value, mode: 'known', known: v });
        }}
        aria-label={title}
        data-testid={`probe.${side}`}
        {...(value.mode === 'known' ? described : {})}
      >
        {groups.map((g) => (
          <optgroup key={g} label={g}>
            {choices
              .filter((c) => c.group === g)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
          </optgroup>
        ))}
        <optgroup label="Anything else">
          <option value={TEXT_CHOICE}>An IP address or namespace/name…</option>
          <option value={CUSTOM_CHOICE}>A custom pod (namespace + labels)…</option>
        </optgroup>
      </select>
      {value.mode === 'text' ? (
        <input
          type="text"
          className="probe-text"
          placeholder="8.8.8.8 or default/web"
          value={value.text}
          onChange={(e) => onChange({ ...value, text: e.target.value })}
          aria-label={`${title}: IP address or namespace/name`}
          data-testid={`probe.${side}.text`}
          {...described}
        />
      ) : null}
      {value.mode === 'custom' ? (
        <div className="probe-custom">
          <label className="probe-field">
            <span>Namespace</span>
            <input
              type="text"
              value={value.namespace}
              onChange={(e) => onChange({ ...value, namespace: e.target.value })}
              data-testid={`probe.${side}.namespace`}
              {...(namespaceWrong ? described : {})}
            />
          </label>
          <label className="probe-field probe-labels">
            <span>Labels</span>
            <input
              type="text"
              placeholder="app=web,tier=front"
              value={value.labels}
              onChange={(e) => onChange({ ...value, labels: e.target.value })}
              data-testid={`probe.${side}.labels`}
              {...(namespaceWrong ? {} : described)}
            />
          </label>
        </div>
      ) : null}
      {error ? (
        <p className="probe-error" id={errorId} role="alert" data-testid={`probe.${side}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
