import { selectShowAllDenied, selectStale, selectTitle, useAppStore } from '../store/index.ts';

export function TopBar() {
  const title = useAppStore(selectTitle);
  const stale = useAppStore(selectStale);
  const showAllDenied = useAppStore(selectShowAllDenied);
  const setShowAllDenied = useAppStore((s) => s.setShowAllDenied);
  const setImportOpen = useAppStore((s) => s.setImportOpen);
  return (
    <header className="topbar">
      <span className="brand">netpol-canvas</span>
      <h1 className="scenario-title" data-testid="scenario.title">
        {title}
      </h1>
      {stale ? (
        <span className="stale-badge" role="status" data-testid="stale">
          YAML has errors: showing the last state that parsed
        </span>
      ) : null}
      <span className="spacer" />
      <label className="toggle">
        <input type="checkbox" checked={showAllDenied} onChange={(e) => setShowAllDenied(e.target.checked)} data-testid="toggle.denied" />
        Show all denied flows
      </label>
      <button type="button" onClick={() => setImportOpen(true)} data-testid="import.open">
        Import…
      </button>
    </header>
  );
}
