/**
 * The probe's form, read and checked: each end is a known workload or pod, free text (an IP
 * address or `namespace/name`), or a custom pod (a namespace and labels that exist only as an
 * idea); the port is 1..65535. Errors are messages a person can act on. Pure.
 */
import { parseCidr, parseIp, type EndpointInput, type HypotheticalPod, type Labels, type Protocol } from '../../../core/index.ts';
import { representativeAddress } from '../inspector/endpoints.ts';

export type EndMode = 'known' | 'text' | 'custom';

export interface EndForm {
  readonly mode: EndMode;
  /** The id picked in the list (mode `known`). */
  readonly known: string;
  /** Mode `text`: an IP address or `namespace/name`. */
  readonly text: string;
  /** Mode `custom`: the pod's namespace and labels (`app=web,tier=front`). */
  readonly namespace: string;
  readonly labels: string;
}

export interface ProbeForm {
  readonly from: EndForm;
  readonly to: EndForm;
  readonly port: string;
  readonly protocol: Protocol;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export interface ProbeEnd {
  readonly input: EndpointInput;
  /** How the result names this end. */
  readonly name: string;
}

export interface ProbeQuery {
  readonly source: ProbeEnd;
  readonly destination: ProbeEnd;
  readonly protocol: Protocol;
  readonly port: number;
}

export const CUSTOM_POD_NAME = 'custom-pod';

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

export function parsePortText(text: string): Parsed<number> {
  const t = text.trim();
  if (t === '') return fail('Give a port number from 1 to 65535.');
  if (!/^\d+$/.test(t)) return fail(`"${t}" is not a port number: give a whole number from 1 to 65535.`);
  const port = Number(t);
  if (port < 1 || port > 65535) return fail(`Port ${t} is out of range: ports go from 1 to 65535.`);
  return ok(port);
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

export function parseNamespaceText(text: string): Parsed<string> {
  const t = text.trim();
  if (t === '') return fail('Give the custom pod a namespace (for example default).');
  if (t.length > 63 || !DNS_LABEL.test(t)) {
    return fail(`"${t}" is not a namespace name: lowercase letters, digits and '-', starting and ending with a letter or digit.`);
  }
  return ok(t);
}

function checkLabelKey(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return `"${key}" has an invalid prefix`;
  if (name.length === 0 || name.length > 63 || !LABEL_NAME.test(name)) return `"${key}" is not a valid label key`;
  return undefined;
}

/** `app=web, tier=front` → labels; empty text → no labels. */
export function parseLabelsText(text: string): Parsed<Labels> {
  const labels: Record<string, string> = {};
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) return fail(`"${part}" is not key=value: write labels like app=web,tier=front.`);
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    const keyError = checkLabelKey(key);
    if (keyError) return fail(`${keyError}: write labels like app=web,tier=front.`);
    if (value.length > 63 || (value !== '' && !LABEL_NAME.test(value))) {
      return fail(`"${value}" is not a valid label value (letters, digits, '-', '_', '.'; at most 63).`);
    }
    if (key in labels && labels[key] !== value) return fail(`Label ${key} is given twice with different values.`);
    labels[key] = value;
  }
  return ok(labels);
}

/** Free text: an id the model knows, or one IP address. */
export function parseEndText(text: string, knownIds: ReadonlySet<string>): Parsed<ProbeEnd> {
  const t = text.trim();
  if (t === '') return fail('Give an IP address (10.0.0.1) or a namespace/name (default/web).');
  if (knownIds.has(t)) return ok({ input: t, name: t });
  if (parseIp(t)) return ok({ input: t, name: t });
  const cidr = parseCidr(t);
  if (cidr) {
    const example = representativeAddress({ ranges: [{ family: cidr.family, start: cidr.start, end: cidr.end }] });
    return fail(`${t} is a range: give one address from it${example ? `, e.g. ${example}` : ''}.`);
  }
  if (/^[0-9.]+$/.test(t) || (t.includes(':') && /^[0-9a-fA-F:.]+$/.test(t))) return fail(`"${t}" is not a valid IP address.`);
  if (t.includes('/')) {
    return fail(`Nothing named "${t}" in the YAML: give namespace/name of a workload or pod, an IP address, or use a custom pod.`);
  }
  return fail(`"${t}" is neither an IP address nor namespace/name: try 10.0.0.1 or default/web.`);
}

export function parseEnd(form: EndForm, knownIds: ReadonlySet<string>): Parsed<ProbeEnd> {
  switch (form.mode) {
    case 'known':
      return knownIds.has(form.known) ? ok({ input: form.known, name: form.known }) : fail('Pick a workload or pod.');
    case 'text':
      return parseEndText(form.text, knownIds);
    case 'custom': {
      const namespace = parseNamespaceText(form.namespace);
      if (!namespace.ok) return namespace;
      const labels = parseLabelsText(form.labels);
      if (!labels.ok) return labels;
      const pod: HypotheticalPod = { namespace: namespace.value, name: CUSTOM_POD_NAME, labels: labels.value, ports: [] };
      const shown = Object.entries(labels.value).map(([k, v]) => `${k}=${v}`).join(',');
      return ok({ input: pod, name: `custom pod in ${namespace.value}${shown ? ` with ${shown}` : ' without labels'}` });
    }
  }
}

export interface ProbeErrors {
  readonly from?: string;
  readonly to?: string;
  readonly port?: string;
}

export function parseProbe(form: ProbeForm, knownIds: ReadonlySet<string>): Parsed<ProbeQuery> & { readonly errors?: ProbeErrors } {
  const source = parseEnd(form.from, knownIds);
  const destination = parseEnd(form.to, knownIds);
  const port = parsePortText(form.port);
  if (source.ok && destination.ok && port.ok) {
    return ok({ source: source.value, destination: destination.value, protocol: form.protocol, port: port.value });
  }
  const errors: ProbeErrors = {
    ...(source.ok ? {} : { from: source.error }),
    ...(destination.ok ? {} : { to: destination.error }),
    ...(port.ok ? {} : { port: port.error }),
  };
  return { ok: false, error: Object.values(errors).join(' '), errors };
}
