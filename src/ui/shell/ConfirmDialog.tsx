/**
 * Asks before something discards the user's work: "Discard the current work?". Cancel is the
 * default (focused) answer; Escape cancels. Optional extra controls (which example to load) go
 * between the question and the buttons.
 */
import { useId, useRef, type ReactNode } from 'react';
import { Modal } from './Modal.tsx';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  /** The answer that keeps things as they are (default "Cancel"). */
  readonly cancelLabel?: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly children?: ReactNode;
}

export function ConfirmDialog({ title, message, confirmLabel, cancelLabel = 'Cancel', onConfirm, onCancel, children }: ConfirmDialogProps) {
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      role="alertdialog"
      labelledBy={`${id}-title`}
      describedBy={`${id}-message`}
      className="confirm-dialog"
      testId="confirm.dialog"
      onClose={onCancel}
      initialFocus={cancel}
    >
      <h2 id={`${id}-title`} className="shell-dialog-title">
        {title}
      </h2>
      <p id={`${id}-message`} className="shell-dialog-text">
        {message}
      </p>
      {children}
      <div className="shell-dialog-buttons">
        <button type="button" ref={cancel} onClick={onCancel} data-testid="confirm.cancel">
          {cancelLabel}
        </button>
        <button type="button" className="danger" onClick={onConfirm} data-testid="confirm.ok">
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
