/**
 * Kubernetes name syntaxes (k8s.io/apimachinery/pkg/util/validation). Each check returns what
 * is wrong, as a phrase to finish "... <value> ...", or undefined when the text is valid.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[-a-z0-9]+$/;

/** A DNS-1123 label (namespace names): at most 63 of [a-z0-9-], alphanumeric at both ends. */
export function checkDns1123Label(value: string): string | undefined {
  if (value.length > 63) return `must be no more than 63 characters (it has ${value.length})`;
  if (!DNS1123_LABEL.test(value)) {
    return "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  }
  return undefined;
}

/** A DNS-1123 subdomain (most object names): at most 253 characters, dot-separated labels. */
export function checkDns1123Subdomain(value: string): string | undefined {
  if (value.length > 253) return `must be no more than 253 characters (it has ${value.length})`;
  if (!DNS1123_SUBDOMAIN.test(value)) {
    return "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

/** A label key: optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
export function checkLabelKey(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return "may contain at most one '/' (an optional DNS prefix, then the name)";
  const name = parts.length === 2 ? (parts[1] as string) : key;
  if (parts.length === 2) {
    const prefix = parts[0] as string;
    if (prefix === '') return "has an empty prefix before '/'";
    const problem = checkDns1123Subdomain(prefix);
    if (problem) return `has a prefix that ${problem}`;
  }
  if (name === '') return 'has an empty name';
  if (name.length > 63) return `has a name longer than 63 characters (${name.length})`;
  if (!QUALIFIED_NAME.test(name)) {
    return "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

/** A label value: empty, or at most 63 characters of [A-Za-z0-9-_.], alphanumeric at both ends. */
export function checkLabelValue(value: string): string | undefined {
  if (value.length > 63) return `must be no more than 63 characters (it has ${value.length})`;
  if (!LABEL_VALUE.test(value)) {
    return "must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

/** An IANA service name (named ports): at most 15 of [a-z0-9-], a letter, no '-' at the ends or doubled. */
export function checkPortName(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 15) return `must be no more than 15 characters (it has ${name.length})`;
  if (!IANA_SVC_NAME.test(name)) return "must contain only lower case letters, digits and '-'";
  if (!/[a-z]/.test(name)) return 'must contain at least one letter';
  if (name.startsWith('-') || name.endsWith('-')) return "must not begin or end with '-'";
  if (name.includes('--')) return "must not contain two consecutive '-'";
  return undefined;
}
