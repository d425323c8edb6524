/**
 * A modal `<dialog>`: opened with showModal (the rest of the page is inert), Escape or the
 * backdrop's cancel closes it, focus starts on `initialFocus` (or the first control) and goes
 * back where it was on close.
 */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import './shell.css';

export interface ModalProps {
  readonly labelledBy: string;
  readonly describedBy?: string;
  /** `alertdialog` for a question that interrupts (Discard the current work?). */
  readonly role?: 'dialog' | 'alertdialog';
  readonly className?: string;
  readonly testId: string;
  readonly onClose: () => void;
  readonly initialFocus?: RefObject<HTMLElement | null>;
  readonly children: ReactNode;
}

export function Modal({ labelledBy, describedBy, role = 'dialog', className, testId, onClose, initialFocus, children }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const element = dialog.current;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    const first = initialFocus?.current ?? element?.querySelector<HTMLElement>('button, select, input, textarea');
    first?.focus();
    return () => {
      if (element?.open) element.close();
      previous?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={`shell-dialog ${className ?? ''}`}
      role={role}
      aria-modal="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        close.current();
      }}
    >
      {children}
    </dialog>
  );
}
