/**
 * The generator's promises, over random clusters and random drawings, checked with the shared
 * evaluator against an independent reading of the drawing (arbitrary-drawing.ts):
 * - zero-trust: exactly the drawn flows are allowed, on the drawn ports, and nothing else;
 * - any style and toggles: every drawn flow is allowed; a workload with drawn inbound flows (or
 *   in a namespace denying ingress by default) admits nothing undrawn; a source whose egress the
 *   generator restricts opens nothing undrawn;
 * - the output imports without issues, and the drawn-vs-actual check finds nothing to report.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluator, type Evaluator } from '../../../src/core/evaluate/evaluator.ts';
import { compareDrawnWithActual } from '../../../src/core/generate/compare.ts';
import { generatePolicies } from '../../../src/core/generate/generate.ts';
import type { FlowIntent, GeneratorSettings } from '../../../src/core/generate/intent.ts';
import { withGeneratedPolicies } from '../../../src/core/generate/managed.ts';
import { renderPolicies } from '../../../src/core/generate/render.ts';
import { containsPort, isEmptyPorts } from '../../../src/core/model/portset.ts';
import type { ClusterModel } from '../../../src/core/model/types.ts';
import { importManifests } from '../../../src/core/parse/index.ts';
import { drawableClusterArb, intentsArb, meaningOf, PROBE_IPS, PROBE_PORTS, settingsArb, type Meaning } from './arbitrary-drawing.ts';

interface Drawing {
  model: ClusterModel;
  intents: FlowIntent[];
  settings: GeneratorSettings;
}

function drawingArb(settings: fc.Arbitrary<GeneratorSettings>, twins: boolean): fc.Arbitrary<Drawing> {
  return drawableClusterArb({ twins }).chain((model) => fc.record({ model: fc.constant(model), intents: intentsArb(model), settings }));
}

/** Every ordered pair of ends to probe (not two addresses, not a pod with itself). */
function pairsOf(model: ClusterModel): [string, string][] {
  const ends = [...model.workloads.map((w) => w.id), ...PROBE_IPS];
  return ends.flatMap((a) => ends.filter((b) => a !== b && (a.includes('/') || b.includes('/'))).map((b): [string, string] => [a, b]));
}

function drawn(meanings: readonly Meaning[], src: string, dst: string, protocol: 'TCP' | 'UDP' | 'SCTP', port: number): boolean {
  return meanings.some((m) => m.source(src) && m.destination(dst) && containsPort(m.ports, protocol, port));
}

function setUp({ model, intents, settings }: Drawing) {
  const result = generatePolicies(model, intents, settings);
  const after = withGeneratedPolicies(model, result.policies);
  const meanings = intents.map((i) => meaningOf(model, i)).filter((m): m is Meaning => m !== undefined);
  return { result, after, meanings, evaluator: createEvaluator(after) };
}

/** Namespace default deny for a direction, as the settings say. */
function denies(model: ClusterModel, settings: GeneratorSettings, ns: string, direction: 'ingress' | 'egress'): boolean {
  const byStyle = settings.style === 'zero-trust' && model.workloads.some((w) => w.namespace === ns);
  return settings.defaultDeny?.[ns]?.[direction] ?? byStyle;
}

/** Every way the policies disagree with the drawing on the probes (empty when they agree). */
function mismatches(d: Drawing, evaluator: Evaluator, meanings: readonly Meaning[], exact: boolean): string[] {
  const { model, settings } = d;
  const nsOf = (id: string) => id.split('/')[0]!;
  const restrictedIn = (dst: string) =>
    dst.includes('/') && (meanings.some((m) => m.destination(dst)) || denies(model, settings, nsOf(dst), 'ingress'));
  const restrictedOut = (src: string) =>
    src.includes('/') &&
    (denies(model, settings, nsOf(src), 'egress') || (settings.style === 'zero-trust' && meanings.some((m) => m.source(src))));
  const out: string[] = [];
  for (const [src, dst] of pairsOf(model)) {
    const checkIn = restrictedIn(dst);
    const checkOut = restrictedOut(src);
    for (const { protocol, port } of PROBE_PORTS) {
      const v = evaluator.verdict(src, dst, protocol, port);
      const what = `${src} -> ${dst} ${protocol} ${port}`;
      if (drawn(meanings, src, dst, protocol, port)) {
        if (!v.allowed) out.push(`${what}: drawn but denied`);
      } else if (exact && v.allowed) out.push(`${what}: allowed but not drawn`);
      else if (checkIn && v.ingress.allowed) out.push(`${what}: the destination admits it`);
      else if (checkOut && v.egress.allowed) out.push(`${what}: the source opens it`);
    }
  }
  return out;
}

describe('generatePolicies (properties)', () => {
  it('in zero-trust style allows exactly the drawn flows on the drawn ports', () => {
    const zeroTrust = fc.record({ style: fc.constant('zero-trust' as const), allowDns: fc.boolean() });
    fc.assert(
      fc.property(drawingArb(zeroTrust, true), (d) => {
        const { meanings, evaluator } = setUp(d);
        expect(mismatches(d, evaluator, meanings, true)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('in any style allows every drawn flow and restricts exactly the sides it isolates', () => {
    fc.assert(
      fc.property(drawingArb(settingsArb(true), true), (d) => {
        const { meanings, evaluator } = setUp(d);
        expect(mismatches(d, evaluator, meanings, false)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('writes YAML the API server accepts, and the drawn-vs-actual check has nothing to report', () => {
    fc.assert(
      fc.property(drawingArb(settingsArb(true), false), (d) => {
        const { result, after } = setUp(d);
        const { issues } = importManifests([{ name: 'generated.yaml', text: renderPolicies(result.policies, result.comments) }]);
        expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
        const report = compareDrawnWithActual(after, d.intents);
        // A named port the destination does not declare is drawn but allows nothing: reported, rightly.
        expect(report.drawnButDenied.filter((r) => !isEmptyPorts(r.denied))).toEqual([]);
        expect(report.allowedButNotDrawn).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('gives byte-identical YAML for the same drawing, in any order, whatever was generated before', () => {
    fc.assert(
      fc.property(
        drawingArb(settingsArb(true), true).chain((d) => fc.tuple(fc.constant(d), fc.shuffledSubarray(d.intents, { minLength: d.intents.length }))),
        ([d, shuffled]) => {
          const a = generatePolicies(d.model, d.intents, d.settings);
          const b = generatePolicies(d.model, shuffled, d.settings);
          expect(renderPolicies(b.policies, b.comments)).toBe(renderPolicies(a.policies, a.comments));
          // The policies generated earlier (now in the model) do not change what is generated.
          const c = generatePolicies(withGeneratedPolicies(d.model, a.policies), d.intents, d.settings);
          expect(renderPolicies(c.policies, c.comments)).toBe(renderPolicies(a.policies, a.comments));
        },
      ),
      { numRuns: 300 },
    );
  });
});
