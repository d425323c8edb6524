import { describe, expect, it } from 'vitest';
import { generateClusterYaml } from '../../../bench/generate-cluster.ts';
import { analysisFromData, analyzeFiles } from '../../../src/ui/analysis.ts';
import { assembleAnalysisData, handleAnalysisRequest, type AnalysisReply } from '../../../src/ui/worker/protocol.ts';
import { evaluatingProgress, readingProgress } from '../../../src/ui/worker/progress.ts';

const FILES = [{ name: 'cluster.yaml', text: generateClusterYaml({ pods: 60, workloads: 20, policies: 25, style: 'pods' }) }];

function runInWorker(files = FILES): AnalysisReply[] {
  const replies: AnalysisReply[] = [];
  handleAnalysisRequest({ type: 'analyze', id: 7, files }, (reply, transfer) => replies.push(structuredClone(reply, { transfer })));
  return replies;
}

/** The data of the replies' parts, as the runner assembles it. */
function dataOf(replies: readonly AnalysisReply[]) {
  expect(replies.at(-1)!.type).toBe('done');
  return assembleAnalysisData(replies.flatMap((r) => (r.type === 'part' || r.type === 'done' ? [r.part] : [])));
}

describe('the analysis worker protocol', () => {
  it('posts progress from reading to checking, then the data, all for the request id', () => {
    const replies = runInWorker();
    expect(replies.every((r) => r.id === 7)).toBe(true);
    expect(replies.at(-1)!.type).toBe('done');
    const progress = replies.flatMap((r) => (r.type === 'progress' ? [r.progress] : []));
    expect(progress.map((p) => p.phase)[0]).toBe('reading');
    expect(progress.at(-1)!.phase).toBe('checking');
    expect(progress[0]!.text).toBe('Parsing the YAML');
    expect(progress.some((p) => /^Reading \d+ of \d+ documents$/.test(p.text))).toBe(true);
    expect(progress.some((p) => p.text === 'Evaluating 60 pods')).toBe(true);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
  });

  it('posts the data in parts, after the progress, each message a part of its own', () => {
    const replies = runInWorker();
    const kinds = replies.map((r) => r.type).filter((t) => t !== 'progress');
    expect(kinds).toEqual(['part', 'part', 'part', 'done']);
    const firstPart = replies.findIndex((r) => r.type === 'part');
    expect(replies.slice(firstPart).every((r) => r.type !== 'progress')).toBe(true);
    const keys = replies.flatMap((r) => (r.type === 'part' || r.type === 'done' ? Object.keys(r.part) : []));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives, once rebuilt on the page, the same analysis as analysing on the page', () => {
    const rebuilt = analysisFromData(FILES, dataOf(runInWorker()));
    const local = analyzeFiles(FILES);
    expect(rebuilt.model).toEqual(local.model);
    expect(rebuilt.issues).toEqual(local.issues);
    for (const [a, b] of [[rebuilt.matrix, local.matrix], [rebuilt.workloadMatrix!, local.workloadMatrix!]] as const) {
      expect(a.units).toEqual(b.units);
      for (let s = 0; s < a.units.length; s++) {
        for (let d = 0; d < a.units.length; d++) {
          expect(a.connections(s, d)).toEqual(b.connections(s, d));
          expect(a.sides(s, d)).toEqual(b.sides(s, d));
        }
      }
      expect(a.egressToExternal.map((e) => e.range.label)).toEqual(b.egressToExternal.map((e) => e.range.label));
    }
    const [from, to] = [local.model.pods[0]!.id, local.model.pods[5]!.id];
    expect(rebuilt.evaluator.verdict(from, to, 'TCP', 8080)).toEqual(local.evaluator.verdict(from, to, 'TCP', 8080));
  });

  it('answers text that is not YAML with issues, like the page would', () => {
    const files = [{ name: 'bad.yaml', text: 'kind: [unclosed' }];
    const data = dataOf(runInWorker(files));
    expect(data.issues).toEqual(analyzeFiles(files).issues);
    expect(data.issues.some((i) => i.code === 'yaml-syntax')).toBe(true);
  });
});

describe('reading progress', () => {
  it('moves forward through several files, each parsed then read, and names the file', () => {
    const steps = [
      readingProgress({ stage: 'parsing', fileIndex: 0, files: 2, documentsRead: 0, documents: 0 }),
      readingProgress({ stage: 'reading', fileIndex: 0, files: 2, documentsRead: 0, documents: 400 }),
      readingProgress({ stage: 'reading', fileIndex: 0, files: 2, documentsRead: 400, documents: 400 }),
      readingProgress({ stage: 'parsing', fileIndex: 1, files: 2, documentsRead: 0, documents: 0 }),
      readingProgress({ stage: 'reading', fileIndex: 1, files: 2, documentsRead: 1200, documents: 2400 }),
      readingProgress({ stage: 'reading', fileIndex: 1, files: 2, documentsRead: 2400, documents: 2400 }),
    ];
    const fractions = steps.map((s) => s.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBeLessThan(evaluatingProgress(10, 'pods').fraction + 1e-9);
    expect(steps[0]!.text).toBe('Parsing the YAML (file 1 of 2)');
    expect(steps[4]!.text).toBe('Reading 1,200 of 2,400 documents (file 2 of 2)');
    expect(evaluatingProgress(1, 'workloads').text).toBe('Evaluating 1 workload');
  });
});
