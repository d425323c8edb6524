/**
 * While the canvas marks flow changes (a baseline comparison, or a guide step), a small note
 * says what the green glow and the dashed ghosts are, and how to stop showing them.
 */
import { Panel } from '@xyflow/react';
import { appStore, selectFlowChanges, useAppStore, type AppState } from '../store/index.ts';

const selectComparing = (s: AppState) => s.comparing;
const selectBaselineDiff = (s: AppState) => s.baselineDiff;

export function ChangesBanner() {
  const changes = useAppStore(selectFlowChanges);
  const comparing = useAppStore(selectComparing);
  const diff = useAppStore(selectBaselineDiff);
  if (!changes) return null;
  // Counted like the Compare panel when comparing (changes per pair and protocol), else edges.
  const [gained, lost] = comparing && diff ? [diff.added.length, diff.removed.length] : [changes.added.length, changes.removed.length];
  const counts = `+${gained} / −${lost}`;
  return (
    <Panel position="bottom-center" className="changes-banner" role="status" data-testid="canvas.changes">
      <span className="changes-text" title="Green: now allowed; amber: lost some ports; dashed grey: no longer allowed">
        {comparing ? `Since the baseline: ${counts}` : `Changes: ${counts}`}
      </span>
      {comparing ? (
        <button type="button" onClick={() => appStore.getState().setSidePanel('compare')} data-testid="canvas.changes.details">
          Details
        </button>
      ) : null}
      <button
        type="button"
        onClick={() => (comparing ? appStore.getState().setComparing(false) : appStore.getState().setFlowChanges(undefined))}
        data-testid="canvas.changes.hide"
      >
        {comparing ? 'Stop comparing' : 'Hide'}
      </button>
    </Panel>
  );
}
