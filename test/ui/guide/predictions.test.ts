import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../../src/ui/analysis.ts';
import { overlayQuestions, questionsOf } from '../../../src/ui/guide/questions.ts';
import { scorePredictions, scoreText } from '../../../src/ui/guide/predictions.ts';
import type { CanvasGraph, FlowEdge } from '../../../src/ui/canvas/types.ts';
import { findScenario } from '../../../src/ui/scenarios.ts';

const demo = analyzeFiles(findScenario('seed-all')!.manifests);

describe('scorePredictions', () => {
  const queries = ['api -> backend TCP 8080', 'backend -> frontend TCP 80', 'default/backend -> default/db TCP 5432'];

  it('counts the right guesses and explains each wrong one with the evaluator’s reasons', () => {
    const result = scorePredictions(demo, queries, ['allowed', 'allowed', 'denied']);
    expect(result.right).toBe(1);
    expect(result.total).toBe(3);
    expect(scoreText(result)).toBe('1 of 3 right');
    const [first, second, third] = result.items;
    expect(first).toMatchObject({ query: 'api -> backend TCP 8080', actual: 'allowed', correct: true });
    expect(second).toMatchObject({ actual: 'denied', correct: false, guess: 'allowed', fromNode: 'default/backend', toNode: 'default/frontend' });
    // The reason: backend's egress never reaches frontend (the evaluator's own sentences).
    expect(second!.explanation.join('\n')).toMatch(/egress/i);
    expect(third).toMatchObject({ actual: 'allowed', correct: false });
    expect(third!.explanation.length).toBeGreaterThan(0);
  });

  it('counts a flow left unanswered as not right, and a query naming nothing as not scored', () => {
    const result = scorePredictions(demo, [...queries.slice(0, 1), 'nobody -> backend TCP 80'], [undefined, 'denied']);
    expect(result.total).toBe(1);
    expect(result.right).toBe(0);
    expect(result.items[1]).toMatchObject({ actual: undefined, correct: false });
    expect(result.items[1]!.message).toMatch(/nobody/);
  });

  it('says all were right when they were', () => {
    expect(scoreText(scorePredictions(demo, queries, ['allowed', 'denied', 'allowed']))).toBe('All 3 right');
  });
});

describe('questions on the canvas', () => {
  const edge = (source: string, target: string): FlowEdge => ({
    id: `${source}->${target}`,
    source,
    target,
    type: 'flow',
    data: { verdict: 'allowed', halfOpen: false, label: 'TCP 8080', compactLabel: '8080', title: '', open: false, twoWay: false, emphasis: undefined },
    domAttributes: { 'data-verdict': 'allowed' } as FlowEdge['domAttributes'],
  });
  const node = (id: string) => ({ id, type: 'workload', position: { x: 0, y: 0 }, data: {} }) as unknown as CanvasGraph['nodes'][number];
  const graph: CanvasGraph = {
    nodes: ['default/api', 'default/backend', 'default/frontend'].map(node),
    edges: [edge('default/api', 'default/backend')],
    openFlows: { count: 0, hidden: false },
  };

  it('resolves bare names to workload node ids', () => {
    expect(questionsOf(['api -> backend TCP 8080', '8.8.8.8 -> api'], demo.model)).toEqual([
      { number: 1, text: 'api -> backend TCP 8080', source: 'default/api', target: 'default/backend' },
      { number: 2, text: '8.8.8.8 -> api' },
    ]);
  });

  it('marks a drawn flow with its question numbers and adds a "?" edge where none is drawn', () => {
    const questions = questionsOf(['api -> backend TCP 8080', 'backend -> frontend TCP 80', 'api -> backend TCP 9090'], demo.model);
    const marked = overlayQuestions(graph, questions);
    const byId = new Map(marked.edges.map((e) => [e.id, e]));
    expect(byId.get('default/api->default/backend')?.domAttributes).toMatchObject({ 'data-verdict': 'allowed', 'data-predict': '1 3' });
    const added = byId.get('default/backend->default/frontend');
    expect(added?.domAttributes).toMatchObject({ 'data-predict': '2', 'data-question': 'true' });
    expect(added?.data?.label).toBe('? #2');
    expect(byId.get('default/api->default/backend')?.data).toMatchObject({ label: '#1 #3 TCP 8080', emphasis: 'highlight' });
    expect(overlayQuestions(graph, [])).toBe(graph);
  });
});

describe('the bundled lessons', () => {
  it('ask only predictions the evaluator can answer at the step they are about', async () => {
    const { scenarios } = await import('../../../src/ui/scenarios.ts');
    const lessons = scenarios.filter((s) => (s.steps ?? []).some((step) => (step.predict ?? []).length > 0));
    expect(lessons.length).toBeGreaterThan(0);
    for (const lesson of lessons) {
      lesson.steps!.forEach((step, i) => {
        const queries = step.predict ?? [];
        if (queries.length === 0) return;
        const result = scorePredictions(analyzeFiles(lesson.stepFiles(i + 1)), queries, []);
        const unanswered = result.items.filter((item) => item.actual === undefined).map((item) => `${item.query}: ${item.message}`);
        expect(unanswered, `${lesson.id} step ${i + 1}`).toEqual([]);
      });
    }
  });
});
