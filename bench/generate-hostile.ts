/**
 * Hostile inputs for `npm run bench` (the "hostile" section): small pastes that once made import,
 * the matrices or lint super-linear (issue #6: never hang past a second per input). Each takes a
 * size so the bench can show how the cost grows when the size doubles.
 */

function policy(name: string, spec: string): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: default}\nspec: ${spec}\n`;
}

/**
 * Policies only, one policy with `peers` peers, each a podSelector and a namespaceSelector of its
 * own: every peer gets an inferred pod, so the model has `peers` pods of distinct labels.
 */
export function policiesOnlyPeers(peers: number): string {
  const list = Array.from(
    { length: peers },
    (_, i) => `{podSelector: {matchLabels: {app: a${i}}}, namespaceSelector: {matchExpressions: [{key: k${i}, operator: NotIn, values: [x]}]}}`,
  );
  return policy('many-peers', `{podSelector: {}, ingress: [{from: [${list.join(', ')}]}]}`);
}

/** One policy with `rules` ingress rules of `ports` distinct ports each (a port class per port). */
export function rulesTimesPorts(rules: number, ports = 100): string {
  const list = Array.from({ length: rules }, (_, r) => {
    const entries = Array.from({ length: ports }, (_, i) => `{port: ${(((r * ports + i) * 7) % 65000) + 1}}`);
    return `{ports: [${entries.join(', ')}]}`;
  });
  return policy('many-ports', `{podSelector: {}, ingress: [${list.join(', ')}]}`);
}

/** One egress rule with `blocks` IPv6 ipBlocks, each a /48 minus a /64. */
export function ipv6Blocks(blocks: number): string {
  const list = Array.from({ length: blocks }, (_, i) => {
    const hex = i.toString(16);
    return `{ipBlock: {cidr: "2001:db8:${hex}::/48", except: ["2001:db8:${hex}:1::/64"]}}`;
  });
  return policy('many-ip-blocks', `{podSelector: {}, egress: [{to: [${list.join(', ')}]}]}`);
}

/**
 * `policies` policies with old Mac line endings (a lone `\r`), the last one with an invalid port
 * on its last line: returns the text and the 1-based line where that error must be reported.
 */
export function oldMacLineEndings(policies: number): { text: string; errorLine: number } {
  const one = (i: number, port: number) =>
    [
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata:',
      `  name: p${i}`,
      'spec:',
      '  podSelector: {}',
      '  ingress:',
      '  - ports:',
      `    - port: ${port}`,
    ].join('\r');
  const docs = Array.from({ length: policies }, (_, i) => one(i, i === policies - 1 ? 99999 : 80));
  const text = `${docs.join('\r---\r')}\r`;
  return { text, errorLine: policies * 10 - 1 };
}
