import type { FlowStatus } from './flow-explanation.ts';

const TEXT: Readonly<Record<FlowStatus, { icon: string; word: string }>> = {
  allowed: { icon: '✓', word: 'Allowed' },
  denied: { icon: '✗', word: 'Denied' },
  'half-open': { icon: '◐', word: 'Denied (half-open)' },
};

/** A verdict as icon AND words (never colour alone). */
export function VerdictBadge({ status }: { readonly status: FlowStatus }) {
  const { icon, word } = TEXT[status];
  return (
    <span className={`verdict-badge verdict-badge-${status}`} data-verdict={status}>
      <span aria-hidden="true">{icon}</span> {word}
    </span>
  );
}
