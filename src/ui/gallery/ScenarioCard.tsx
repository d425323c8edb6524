/** One scenario in the gallery: title, summary, a badge for guided lessons, and what to do with it. */
import { stepCountOf, type CatalogEntry } from './catalog.ts';

export interface ScenarioCardProps {
  readonly scenario: CatalogEntry;
  readonly current: boolean;
  readonly onOpen: () => void;
  readonly onGuide: () => void;
}

export function ScenarioCard({ scenario, current, onOpen, onGuide }: ScenarioCardProps) {
  const steps = stepCountOf(scenario);
  const titleId = `gallery-card-${scenario.id}`;
  return (
    <li className="gallery-card" aria-labelledby={titleId} data-testid={`gallery.card.${scenario.id}`} data-category={scenario.category}>
      <h3 id={titleId} className="gallery-card-title">
        {scenario.title}
      </h3>
      {steps > 0 ? (
        <span className="gallery-badge" data-testid={`gallery.steps.${scenario.id}`}>
          Guided · {steps} {steps === 1 ? 'step' : 'steps'}
        </span>
      ) : null}
      {current ? <span className="gallery-badge gallery-badge-current">Open now</span> : null}
      <div className="gallery-card-summary-wrap">
        <p className="gallery-card-summary" title={scenario.summary}>
          {scenario.summary}
        </p>
      </div>
      <div className="gallery-card-actions">
        {steps > 0 ? (
          <button type="button" className="primary" onClick={onGuide} data-testid={`gallery.guide.${scenario.id}`}>
            Start guided
          </button>
        ) : null}
        <button type="button" onClick={onOpen} aria-label={`Open ${scenario.title}`} data-testid={`gallery.open.${scenario.id}`}>
          Open
        </button>
      </div>
    </li>
  );
}
