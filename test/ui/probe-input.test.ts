import { describe, expect, it } from 'vitest';
import { createEvaluator, importManifests } from '../../src/core/index.ts';
import {
  parseEndText,
  parseLabelsText,
  parseNamespaceText,
  parsePortText,
  parseProbe,
  type EndForm,
} from '../../src/ui/panels/probe/probe-input.ts';
import { loadScenario } from '../helpers/scenarios.ts';

const known = new Set(['default/api', 'default/backend', 'default/frontend']);
const end = (over: Partial<EndForm>): EndForm => ({ mode: 'known', known: '', text: '', namespace: 'default', labels: '', ...over });

describe('parsePortText', () => {
  it('accepts 1..65535 and explains anything else', () => {
    expect(parsePortText('80')).toEqual({ ok: true, value: 80 });
    expect(parsePortText(' 65535 ')).toEqual({ ok: true, value: 65535 });
    expect(parsePortText('0')).toMatchObject({ ok: false, error: expect.stringContaining('out of range') });
    expect(parsePortText('65536')).toMatchObject({ ok: false, error: expect.stringContaining('1 to 65535') });
    expect(parsePortText('http')).toMatchObject({ ok: false, error: expect.stringContaining('not a port number') });
    expect(parsePortText('')).toMatchObject({ ok: false });
  });
});

describe('parseEndText', () => {
  it('takes an id of the YAML or one IP address, IPv4 or IPv6', () => {
    expect(parseEndText('default/api', known)).toMatchObject({ ok: true, value: { input: 'default/api' } });
    expect(parseEndText(' 8.8.8.8 ', known)).toMatchObject({ ok: true, value: { input: '8.8.8.8' } });
    expect(parseEndText('2001:db8::1', known)).toMatchObject({ ok: true, value: { input: '2001:db8::1' } });
  });

  it('says what is wrong with the rest', () => {
    expect(parseEndText('300.1.1.1', known)).toMatchObject({ ok: false, error: '"300.1.1.1" is not a valid IP address.' });
    expect(parseEndText('10.0.0.0/8', known)).toMatchObject({ ok: false, error: expect.stringContaining('e.g. 10.0.0.1') });
    expect(parseEndText('default/nope', known)).toMatchObject({ ok: false, error: expect.stringContaining('Nothing named "default/nope"') });
    expect(parseEndText('web', known)).toMatchObject({ ok: false, error: expect.stringContaining('neither an IP address') });
    expect(parseEndText('', known)).toMatchObject({ ok: false });
  });
});

describe('parseLabelsText', () => {
  it('reads k=v pairs separated by commas', () => {
    expect(parseLabelsText('app=web,tier=front')).toEqual({ ok: true, value: { app: 'web', tier: 'front' } });
    expect(parseLabelsText(' app = web , app.kubernetes.io/name=x ')).toEqual({
      ok: true,
      value: { app: 'web', 'app.kubernetes.io/name': 'x' },
    });
    expect(parseLabelsText('')).toEqual({ ok: true, value: {} });
  });

  it('rejects what Kubernetes would', () => {
    expect(parseLabelsText('app')).toMatchObject({ ok: false, error: expect.stringContaining('not key=value') });
    expect(parseLabelsText('bad key=x')).toMatchObject({ ok: false, error: expect.stringContaining('not a valid label key') });
    expect(parseLabelsText('app=no spaces')).toMatchObject({ ok: false, error: expect.stringContaining('not a valid label value') });
    expect(parseLabelsText('app=a,app=b')).toMatchObject({ ok: false, error: expect.stringContaining('twice') });
  });
});

describe('parseNamespaceText', () => {
  it('wants a DNS label', () => {
    expect(parseNamespaceText('prod-1')).toEqual({ ok: true, value: 'prod-1' });
    expect(parseNamespaceText('Prod')).toMatchObject({ ok: false });
    expect(parseNamespaceText('')).toMatchObject({ ok: false });
  });
});

describe('parseProbe', () => {
  const { model } = importManifests(loadScenario('seed-all').manifests);
  const evaluator = createEvaluator(model);
  const ids = new Set(model.workloads.map((w) => w.id));

  it('collects one message per bad field', () => {
    const parsed = parseProbe(
      { from: end({ mode: 'text', text: '1.2.3' }), to: end({ known: 'default/backend' }), port: '70000', protocol: 'TCP' },
      ids,
    );
    expect(parsed.ok).toBe(false);
    expect(parsed.errors).toMatchObject({ from: expect.any(String), port: expect.any(String) });
    expect(parsed.errors?.to).toBeUndefined();
  });

  it('probes an address no policy mentions on a port nobody mentioned: 8.8.8.8 → backend TCP 12345', () => {
    const parsed = parseProbe(
      { from: end({ mode: 'text', text: '8.8.8.8' }), to: end({ known: 'default/backend' }), port: '12345', protocol: 'TCP' },
      ids,
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const q = parsed.value;
    const v = evaluator.verdict(q.source.input, q.destination.input, q.protocol, q.port);
    expect(v.allowed).toBe(false);
    expect(v.ingress.misses).toEqual([{ policy: 'default/allow-ingress-egress', reason: 'peer' }]);
  });

  it('evaluates a custom pod that exists only as namespace and labels', () => {
    const custom = (labels: string) =>
      parseProbe({ from: end({ mode: 'custom', namespace: 'default', labels }), to: end({ known: 'default/backend' }), port: '8080', protocol: 'TCP' }, ids);
    const asApi = custom('app=api');
    if (!asApi.ok) throw new Error(asApi.error);
    expect(asApi.value.source.input).toEqual({ namespace: 'default', name: 'custom-pod', labels: { app: 'api' }, ports: [] });
    expect(asApi.value.source.name).toBe('custom pod in default with app=api');
    const q = asApi.value;
    expect(evaluator.verdict(q.source.input, q.destination.input, q.protocol, q.port).allowed).toBe(true);
    const asWeb = custom('app=web,tier=front');
    if (!asWeb.ok) throw new Error(asWeb.error);
    expect(evaluator.verdict(asWeb.value.source.input, 'default/backend', 'TCP', 8080).allowed).toBe(false);
  });
});
