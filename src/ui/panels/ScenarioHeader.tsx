import type { Scenario } from '../scenarios.ts';

export function ScenarioHeader({ scenario }: { readonly scenario: Scenario }) {
  return (
    <section className="panel scenario" aria-labelledby="scenario-title">
      <h2 id="scenario-title" data-testid="scenario-title">
        {scenario.title}
      </h2>
      <p data-testid="scenario-summary">{scenario.summary}</p>
    </section>
  );
}
