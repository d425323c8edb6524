/**
 * NetworkPolicy validation (semantics.md section 8): each rule the API server enforces is
 * reported with its code, at the line and column of the offending field, with its path.
 */
import { describe, expect, it } from 'vitest';
import { at, errorsOf, expectIssueAt, importText, policyYaml, theIssue } from './helpers.ts';

describe('importManifests: NetworkPolicy spec', () => {
  it('accepts a valid policy without any issue', () => {
    const text = policyYaml(`  podSelector:
    matchLabels: {app: web}
  policyTypes: [Ingress, Egress]
  ingress:
  - from:
    - podSelector: {matchLabels: {app: api}}
      namespaceSelector: {}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
    ports:
    - {protocol: TCP, port: 80, endPort: 90}
    - port: http
  egress: []
`);
    const result = importText(text);
    expect(result.issues).toEqual([]);
    expect(result.model.policies).toHaveLength(1);
  });

  it('reports an unknown field podselector with a suggestion podSelector at its line and column', () => {
    const text = policyYaml('  podselector: {}\n');
    const issue = expectIssueAt(text, 'unknown-field', 'podselector', 'spec.podselector');
    expect(issue.message).toContain('did you mean "podSelector"?');
    expect(issue.severity).toBe('error');
  });

  it('reports an unknown field matchLabel with a suggestion matchLabels', () => {
    const text = policyYaml('  podSelector:\n    matchLabel: {app: web}\n');
    const issue = expectIssueAt(text, 'unknown-field', 'matchLabel', 'spec.podSelector.matchLabel');
    expect(issue.message).toContain('"matchLabels"');
  });

  it('reports labels written directly in a selector, saying they go under matchLabels', () => {
    const text = policyYaml('  podSelector:\n    app: web\n');
    const issue = expectIssueAt(text, 'unknown-field', 'app:', 'spec.podSelector.app');
    expect(issue.message).toContain('matchLabels');
  });

  it('reports "from" in an egress rule, suggesting "to"', () => {
    const text = policyYaml('  podSelector: {}\n  egress:\n  - from:\n    - podSelector: {}\n');
    const issue = expectIssueAt(text, 'unknown-field', 'from:', 'spec.egress[0].from');
    expect(issue.message).toContain('"to"');
  });

  it('reports fields misplaced at the top level, saying they belong under spec', () => {
    const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: test}
podSelector: {}
spec: {podSelector: {}}
`;
    const issue = expectIssueAt(text, 'unknown-field', 'podSelector: {}', 'podSelector');
    expect(issue.message).toContain('under "spec"');
  });

  it('reports an unknown metadata field with a suggestion', () => {
    const text = policyYaml('  podSelector: {}\n', '  lables: {app: web}\n');
    expect(expectIssueAt(text, 'unknown-field', 'lables', 'metadata.lables').message).toContain('"labels"');
  });

  it('accepts every standard ObjectMeta field of a live dump', () => {
    const text = policyYaml(
      '  podSelector: {}\n',
      `  uid: 0b8c
  resourceVersion: "12"
  generation: 1
  creationTimestamp: "2024-01-01T00:00:00Z"
  annotations: {note: x}
  managedFields: []
  finalizers: []
`,
    );
    expect(importText(text).issues).toEqual([]);
  });

  it('reports a missing podSelector at the spec key', () => {
    const text = policyYaml('  policyTypes: [Ingress]\n');
    const issue = expectIssueAt(text, 'missing-pod-selector', 'spec:', 'spec.podSelector');
    expect(issue.severity).toBe('error');
  });

  it('reports a missing spec as a missing podSelector', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: test}\n';
    expect(theIssue(importText(text), 'missing-pod-selector').path).toBe('spec');
  });

  it('reports a podSelector of the wrong type', () => {
    const text = policyYaml('  podSelector: app=web\n');
    expectIssueAt(text, 'invalid-type', 'app=web', 'spec.podSelector');
  });

  it('reports a policy type other than Ingress or Egress, suggesting the right case', () => {
    const text = policyYaml('  podSelector: {}\n  policyTypes: [ingress]\n');
    const issue = expectIssueAt(text, 'invalid-policy-type', 'ingress]', 'spec.policyTypes[0]');
    expect(issue.message).toContain('"Ingress"');
  });

  it('reports a duplicated policy type at the second occurrence', () => {
    const text = policyYaml('  podSelector: {}\n  policyTypes:\n  - Egress\n  - Egress\n');
    expectIssueAt(text, 'duplicate-policy-type', 'Egress', 'spec.policyTypes[1]', 2);
  });

  it('reports policyTypes written as a string instead of a list', () => {
    const text = policyYaml('  podSelector: {}\n  policyTypes: Ingress\n');
    expectIssueAt(text, 'invalid-type', 'Ingress', 'spec.policyTypes');
  });

  it('reports a peer with none of podSelector, namespaceSelector and ipBlock', () => {
    const text = policyYaml('  podSelector: {}\n  ingress:\n  - from:\n    - {}\n');
    expectIssueAt(text, 'empty-peer', '{}', 'spec.ingress[0].from[0]', 2);
  });

  it('reports a peer whose selector is null as empty', () => {
    const text = policyYaml('  podSelector: {}\n  ingress:\n  - from:\n    - podSelector:\n');
    expect(theIssue(importText(text), 'empty-peer').path).toBe('spec.ingress[0].from[0]');
  });

  it('reports a peer combining ipBlock with a selector at the ipBlock key', () => {
    const text = policyYaml(`  podSelector: {}
  egress:
  - to:
    - ipBlock: {cidr: 10.0.0.0/8}
      namespaceSelector: {}
`);
    expectIssueAt(text, 'ip-block-with-selector', 'ipBlock', 'spec.egress[0].to[0].ipBlock');
  });

  it('reports an ipBlock cidr that is not a CIDR, suggesting a prefix length for a bare address', () => {
    const text = policyYaml('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.1}\n');
    const issue = expectIssueAt(text, 'invalid-cidr', '10.0.0.1', 'spec.egress[0].to[0].ipBlock.cidr');
    expect(issue.message).toContain('10.0.0.1/32');
  });

  it('reports an ipBlock without cidr', () => {
    const text = policyYaml('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {except: []}\n');
    expect(theIssue(importText(text), 'missing-field').path).toBe('spec.egress[0].to[0].ipBlock');
  });

  it('reports an except entry that is not a CIDR', () => {
    const text = policyYaml('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.0/8, except: [nope]}\n');
    expectIssueAt(text, 'invalid-cidr', 'nope', 'spec.egress[0].to[0].ipBlock.except[0]');
  });

  it('reports an except entry outside the cidr at that entry', () => {
    const text = policyYaml(`  podSelector: {}
  egress:
  - to:
    - ipBlock:
        cidr: 10.0.0.0/8
        except:
        - 10.1.0.0/16
        - 192.168.0.0/16
`);
    expectIssueAt(text, 'except-outside-cidr', '192.168.0.0/16', 'spec.egress[0].to[0].ipBlock.except[1]');
  });

  it('reports an except entry equal to the cidr (it must be strictly inside)', () => {
    const text = policyYaml('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}\n');
    expectIssueAt(text, 'except-outside-cidr', '10.0.0.0/8]', 'spec.egress[0].to[0].ipBlock.except[0]');
  });

  it('reports an except entry of the other IP family', () => {
    const text = policyYaml('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.0/8, except: ["fd00::/64"]}\n');
    expect(expectIssueAt(text, 'except-outside-cidr', '"fd00::/64"').message).toContain('family');
  });

  it('warns, without rejecting, about a cidr with host bits set, naming the network meant', () => {
    const text = policyYaml('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: 10.1.0.1/4}\n');
    const result = importText(text);
    const issue = theIssue(result, 'cidr-host-bits');
    expect(issue).toMatchObject({ severity: 'warning', ...at(text, '10.1.0.1/4') });
    expect(issue.message).toContain('0.0.0.0/4');
    expect(result.model.policies).toHaveLength(1);
  });

  it('accepts IPv6 ipBlocks with excepts inside', () => {
    const text = policyYaml('  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}\n');
    expect(importText(text).issues).toEqual([]);
  });
});

describe('importManifests: NetworkPolicy ports', () => {
  const withPorts = (ports: string): string => policyYaml(`  podSelector: {}\n  ingress:\n  - ports:\n${ports}`);

  it('reports a protocol other than TCP, UDP and SCTP, suggesting the upper-case name', () => {
    const text = withPorts('    - protocol: tcp\n');
    const issue = expectIssueAt(text, 'invalid-protocol', 'tcp', 'spec.ingress[0].ports[0].protocol');
    expect(issue.message).toContain('"TCP"');
  });

  it('reports a numeric port outside 1..65535', () => {
    expectIssueAt(withPorts('    - port: 65536\n'), 'invalid-port', '65536', 'spec.ingress[0].ports[0].port');
    expectIssueAt(withPorts('    - port: 0\n'), 'invalid-port', '0\n', 'spec.ingress[0].ports[0].port');
  });

  it('reports a named port that is not an IANA service name', () => {
    expectIssueAt(withPorts('    - port: my_port\n'), 'invalid-port-name', 'my_port');
    expectIssueAt(withPorts('    - port: a-very-long-port-name\n'), 'invalid-port-name', 'a-very');
    expectIssueAt(withPorts('    - port: -http\n'), 'invalid-port-name', '-http');
    expectIssueAt(withPorts('    - port: ht--tp\n'), 'invalid-port-name', 'ht--tp');
    expectIssueAt(withPorts('    - port: HTTP\n'), 'invalid-port-name', 'HTTP');
  });

  it('reports a quoted number as a named port without a letter, and says to unquote it', () => {
    const issue = expectIssueAt(withPorts('    - port: "8080"\n'), 'invalid-port-name', '"8080"');
    expect(issue.message).toContain('without quotes');
  });

  it('reports endPort without port', () => {
    expectIssueAt(withPorts('    - endPort: 90\n'), 'end-port-without-port', 'endPort', 'spec.ingress[0].ports[0].endPort');
  });

  it('reports endPort with a named port', () => {
    expectIssueAt(withPorts('    - port: http\n      endPort: 90\n'), 'end-port-without-port', 'endPort');
  });

  it('reports endPort less than port at the endPort value', () => {
    expectIssueAt(withPorts('    - port: 90\n      endPort: 80\n'), 'end-port-before-port', '80', 'spec.ingress[0].ports[0].endPort');
  });

  it('reports a port of the wrong type', () => {
    expectIssueAt(withPorts('    - port: [80]\n'), 'invalid-type', '[80]', 'spec.ingress[0].ports[0].port');
  });

  it('reports an unknown field in a port entry, suggesting "port"', () => {
    const issue = expectIssueAt(withPorts('    - prot: 80\n'), 'unknown-field', 'prot');
    expect(issue.message).toContain('"port"');
  });

  it('warns that an empty port entry means every TCP port', () => {
    const result = importText(withPorts('    -\n'));
    expect(theIssue(result, 'null-value').severity).toBe('warning');
    expect(result.model.policies[0]?.spec.ingress?.[0]?.ports).toEqual([{}]);
  });
});

describe('importManifests: label selectors', () => {
  const withSelector = (sel: string): string => policyYaml(`  podSelector:\n${sel}`);

  it('reports an unknown operator, suggesting the right spelling', () => {
    const text = withSelector('    matchExpressions:\n    - {key: app, operator: notin, values: [a]}\n');
    const issue = expectIssueAt(text, 'invalid-selector-operator', 'notin', 'spec.podSelector.matchExpressions[0].operator');
    expect(issue.message).toContain('"NotIn"');
  });

  it('reports In without values at the operator', () => {
    const text = withSelector('    matchExpressions:\n    - key: app\n      operator: In\n');
    expectIssueAt(text, 'missing-selector-values', 'In', 'spec.podSelector.matchExpressions[0].operator');
  });

  it('reports NotIn with an empty values list at the list', () => {
    const text = withSelector('    matchExpressions:\n    - {key: app, operator: NotIn, values: []}\n');
    expectIssueAt(text, 'missing-selector-values', '[]', 'spec.podSelector.matchExpressions[0].values');
  });

  it('reports Exists with values at the values key', () => {
    const text = withSelector('    matchExpressions:\n    - {key: app, operator: Exists, values: [a]}\n');
    expectIssueAt(text, 'unexpected-selector-values', 'values', 'spec.podSelector.matchExpressions[0].values');
  });

  it('reports DoesNotExist with values', () => {
    const text = withSelector('    matchExpressions:\n    - {key: app, operator: DoesNotExist, values: [a]}\n');
    expectIssueAt(text, 'unexpected-selector-values', 'values');
  });

  it('reports a requirement without key or operator', () => {
    const text = withSelector('    matchExpressions:\n    - {values: [a]}\n');
    const codes = errorsOf(importText(text)).map((i) => i.code);
    expect(codes).toEqual(['missing-field', 'missing-field']);
  });

  it('reports an invalid matchLabels key at the key and an invalid value at the value', () => {
    const text = withSelector('    matchLabels:\n      "-app": web\n      tier: "no spaces"\n');
    expectIssueAt(text, 'invalid-label-key', '"-app"', 'spec.podSelector.matchLabels["-app"]');
    expectIssueAt(text, 'invalid-label-value', '"no spaces"', 'spec.podSelector.matchLabels.tier');
  });

  it('reports an invalid matchExpressions key and value', () => {
    const text = withSelector('    matchExpressions:\n    - {key: "a/b/c", operator: In, values: ["x y"]}\n');
    expectIssueAt(text, 'invalid-label-key', '"a/b/c"', 'spec.podSelector.matchExpressions[0].key');
    expectIssueAt(text, 'invalid-label-value', '"x y"', 'spec.podSelector.matchExpressions[0].values[0]');
  });

  it('reports a number as a label value, saying to quote it', () => {
    const text = withSelector('    matchLabels:\n      version: 2\n');
    const issue = expectIssueAt(text, 'invalid-type', '2\n', 'spec.podSelector.matchLabels.version');
    expect(issue.message).toContain('quote it');
  });

  it('keeps absent and empty apart: {} selectors, empty matchLabels and empty lists', () => {
    const text = policyYaml(`  podSelector:
    matchLabels: {}
  ingress: []
  egress:
  - {}
  - to: []
    ports: []
`);
    const policy = importText(text).model.policies[0];
    expect(policy?.spec).toEqual({ podSelector: { matchLabels: {} }, ingress: [], egress: [{}, { to: [], ports: [] }] });
    expect(policy?.spec.policyTypes).toBeUndefined();
  });
});
