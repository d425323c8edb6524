/**
 * The scenario gallery: every bundled scenario as a card, grouped by category (lessons, seed
 * examples, recipes, classic mistakes), with a search box. Opening one replaces the workspace
 * (one undo step; when the workspace holds the user's own work it asks first). Shown at the first
 * visit over the demo ("opening"), and from the top bar's Gallery button. A modal dialog: focus
 * stays inside, Escape closes it.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { ConfirmDialog } from '../shell/ConfirmDialog.tsx';
import { Modal } from '../shell/Modal.tsx';
import { hasWork, loadScenario } from '../shell/workspace-actions.ts';
import { scenarios, type Scenario } from '../scenarios.ts';
import { appStore, useAppStore } from '../store/index.ts';
import type { AppState } from '../store/types.ts';
import { findBundledState, groupScenarios } from './catalog.ts';
import { ScenarioCard } from './ScenarioCard.tsx';
import './gallery.css';

type Pending = { readonly action: 'open' | 'guide'; readonly scenario: Scenario };

const selectGallery = (s: AppState) => s.gallery;
const selectFiles = (s: AppState) => s.files;

/** True when replacing the workspace would discard something of the user's (asks first then). */
export function needsConfirm(): boolean {
  return hasWork(appStore) && findBundledState(appStore.getState().files, scenarios) === undefined;
}

function act({ action, scenario }: Pending): void {
  const state = appStore.getState();
  if (action === 'guide') {
    appStore.history.batch(() => state.startGuide(scenario.id));
  } else {
    if (state.guide) state.exitGuide();
    loadScenario(appStore, scenario);
  }
  appStore.getState().closeGallery();
}

export function Gallery() {
  const gallery = useAppStore(selectGallery);
  return gallery ? <GalleryDialog opening={gallery === 'opening'} /> : null;
}

function GalleryDialog({ opening }: { readonly opening: boolean }) {
  const files = useAppStore(selectFiles);
  const closeGallery = useAppStore((s) => s.closeGallery);
  const [query, setQuery] = useState('');
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const search = useRef<HTMLInputElement>(null);
  const id = useId();
  const sections = useMemo(() => groupScenarios(scenarios, query), [query]);
  const current = useMemo(() => findBundledState(files, scenarios)?.id, [files]);
  const count = sections.reduce((n, s) => n + s.scenarios.length, 0);
  const choose = (next: Pending) => {
    if (needsConfirm()) setPending(next);
    else act(next);
  };

  // The question is a sibling of the gallery, not inside it: Escape there must not close the gallery too.
  return (
    <>
      <Modal labelledBy={`${id}-title`} describedBy={`${id}-intro`} className="gallery-dialog" testId="gallery" onClose={closeGallery} initialFocus={search}>
        <div className="shell-dialog-header">
          <h2 id={`${id}-title`} className="shell-dialog-title">
            {opening ? 'Welcome to netpol-canvas' : 'Scenario gallery'}
          </h2>
          <button type="button" className="shell-dialog-close" onClick={closeGallery} aria-label="Close the gallery" data-testid="gallery.close">
            ×
          </button>
        </div>
        <p id={`${id}-intro`} className="shell-dialog-text">
          {opening
            ? 'See how Kubernetes NetworkPolicies decide which pods may talk. Start a guided lesson, open an example, or close this to explore the demo behind it.'
            : 'Open a scenario to replace the workspace (Undo brings the current work back), or start a guided lesson.'}
        </p>
        <div className="gallery-toolbar">
          <label className="gallery-search">
            <span>Search</span>
            <input
              ref={search}
              type="text"
              role="searchbox"
              value={query}
              placeholder="title, topic, e.g. egress, DNS, namespace"
              onChange={(e) => setQuery(e.target.value)}
              data-testid="gallery.search"
            />
          </label>
          <span className="gallery-count" role="status" data-testid="gallery.count">
            {count === 1 ? '1 scenario' : `${count} scenarios`}
          </span>
          {opening ? (
            <button type="button" onClick={closeGallery} data-testid="gallery.explore">
              Explore the demo
            </button>
          ) : null}
        </div>
        <div className="gallery-body">
          {sections.length === 0 ? (
            <p className="gallery-empty" data-testid="gallery.empty">
              No scenario matches “{query}”.
            </p>
          ) : (
            sections.map((section) => (
              <section key={section.category} className="gallery-section" aria-labelledby={`${id}-${section.category}`} data-testid={`gallery.section.${section.category}`}>
                <h3 id={`${id}-${section.category}`} className="gallery-section-title">
                  {section.heading} <span className="gallery-section-blurb">{section.blurb}</span>
                </h3>
                <ul className="gallery-cards">
                  {section.scenarios.map((scenario) => (
                    <ScenarioCard
                      key={scenario.id}
                      scenario={scenario}
                      current={scenario.id === current}
                      onOpen={() => choose({ action: 'open', scenario })}
                      onGuide={() => choose({ action: 'guide', scenario })}
                    />
                  ))}
                </ul>
              </section>
            ))
          )}
        </div>
      </Modal>
      {pending ? (
        <ConfirmDialog
          title="Discard the current work?"
          message={`The workspace is replaced by “${pending.scenario.title}” (Undo brings the current work back).`}
          confirmLabel={pending.action === 'guide' ? 'Discard and start the lesson' : 'Discard and open'}
          onConfirm={() => {
            const next = pending;
            setPending(undefined);
            act(next);
          }}
          onCancel={() => setPending(undefined)}
        />
      ) : null}
    </>
  );
}
