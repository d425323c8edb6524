import { describe, expect, it } from 'vitest';
import { formatFlowAssertion, isFlowQueryError, isFlowsFile, parseFlowAssertions, parseFlowQuery } from '../../../src/core/index.ts';

const parse = (text: string) => parseFlowAssertions({ name: 'expected.flows', text });
const only = (text: string) => {
  const { issues } = parse(text);
  expect(issues).toHaveLength(1);
  return issues[0]!;
};

describe('isFlowsFile', () => {
  it('recognises files ending in .flows', () => {
    expect(isFlowsFile('expected.flows')).toBe(true);
    expect(isFlowsFile('shop/step-2.flows')).toBe(true);
    expect(isFlowsFile('policies.yaml')).toBe(false);
    expect(isFlowsFile('flows')).toBe(false);
  });
});

describe('parseFlowAssertions', () => {
  it('reads the documented forms with their lines and columns', () => {
    const { assertions, issues } = parse(
      [
        '# expected flows',
        'frontend -> backend TCP 8080 allowed',
        '',
        '  default/frontend -> prod/db denied   # no database access',
        'web -> 10.0.0.1 TCP 443 allowed',
        'dns-client -> kube-system/coredns udp 53 allowed',
        'a -> b 80 denied',
        'web[StatefulSet] -> fd00::1 SCTP allowed',
      ].join('\n'),
    );
    expect(issues).toEqual([]);
    expect(assertions.map(formatFlowAssertion)).toEqual([
      'frontend -> backend TCP 8080 allowed',
      'default/frontend -> prod/db denied',
      'web -> 10.0.0.1 TCP 443 allowed',
      'dns-client -> kube-system/coredns UDP 53 allowed',
      'a -> b TCP 80 denied',
      'web[StatefulSet] -> fd00::1 SCTP allowed',
    ]);
    expect(assertions.map((a) => [a.line, a.column])).toEqual([[2, 1], [4, 3], [5, 1], [6, 1], [7, 1], [8, 1]]);
    expect(assertions[1]).toMatchObject({
      from: { kind: 'name', namespace: 'default', name: 'frontend', column: 3 },
      to: { kind: 'name', namespace: 'prod', name: 'db', column: 23 },
      protocol: 'TCP',
      expect: 'denied',
      file: 'expected.flows',
    });
    expect(assertions[1]).not.toHaveProperty('port');
    expect(assertions[2]?.to).toEqual({ kind: 'ip', ip: '10.0.0.1', column: 8 });
  });

  it('accepts an arrow without spaces and Windows line ends', () => {
    const { assertions, issues } = parse('a->b TCP 80 allowed\r\nc ->d denied\r\n');
    expect(issues).toEqual([]);
    expect(assertions.map(formatFlowAssertion)).toEqual(['a -> b TCP 80 allowed', 'c -> d denied']);
    expect(assertions[1]?.line).toBe(2);
  });

  it('keeps reading after a bad line', () => {
    const { assertions, issues } = parse('a -> b nope\nc -> d denied');
    expect(issues.map((i) => [i.code, i.line])).toEqual([['flows/syntax', 1]]);
    expect(assertions).toHaveLength(1);
  });

  it('points at the word that is wrong', () => {
    expect(only('frontend backend allowed')).toMatchObject({ code: 'flows/syntax', line: 1, column: 1, message: expect.stringContaining('missing "->"') });
    expect(only('frontend -> backend TCP 8080')).toMatchObject({ code: 'flows/syntax', column: 29, message: expect.stringContaining('missing the verdict') });
    expect(only('frontend -> backend allow')).toMatchObject({ code: 'flows/syntax', column: 21, endColumn: 26, message: expect.stringContaining('Did you mean `allowed`?') });
    expect(only('a -> b TCP 0 allowed')).toMatchObject({ code: 'flows/bad-port', column: 12 });
    expect(only('a -> b TCP 65536 allowed')).toMatchObject({ code: 'flows/bad-port', column: 12 });
    expect(only('a -> b TCP 80-90 allowed')).toMatchObject({ code: 'flows/bad-port', message: expect.stringContaining('one line per port') });
    expect(only('a -> b TCP http allowed')).toMatchObject({ code: 'flows/bad-port', message: expect.stringContaining('named ports') });
    expect(only('a -> b HTTP 80 allowed')).toMatchObject({ code: 'flows/bad-protocol', column: 8, message: expect.stringContaining('Did you mean `TCP`?') });
    expect(only('a -> b 80 TCP allowed')).toMatchObject({ code: 'flows/syntax', column: 11, message: expect.stringContaining('before the port') });
    expect(only('a b -> c allowed')).toMatchObject({ code: 'flows/syntax', column: 3 });
    expect(only(' -> c allowed')).toMatchObject({ code: 'flows/syntax', column: 2 });
    expect(only('a -> b -> c allowed')).toMatchObject({ code: 'flows/syntax', column: 8 });
    expect(only('a -> denied')).toMatchObject({ code: 'flows/syntax', message: expect.stringContaining('missing the verdict') });
  });

  it('refuses ranges of addresses, malformed addresses and unknown kinds as endpoints', () => {
    expect(only('web -> 10.0.0.0/8 denied')).toMatchObject({ code: 'flows/bad-endpoint', column: 8, endColumn: 18, message: expect.stringContaining('one address') });
    expect(only('web -> 10.0.0.300 denied')).toMatchObject({ code: 'flows/bad-endpoint', message: expect.stringContaining('not a valid IP') });
    expect(only('a/b/c -> web denied')).toMatchObject({ code: 'flows/bad-endpoint', column: 1 });
    expect(only('web[Deploy] -> db denied')).toMatchObject({ code: 'flows/bad-endpoint', message: expect.stringContaining('Did you mean `Deployment`?') });
  });

  it('treats # as a comment only at the start of a word', () => {
    const { assertions, issues } = parse('#a -> b allowed\na -> b allowed #trailing\n   # indented comment');
    expect(issues).toEqual([]);
    expect(assertions).toHaveLength(1);
  });
});

describe('parseFlowQuery', () => {
  it('reads a flow without a verdict', () => {
    const q = parseFlowQuery('frontend -> prod/backend UDP 53');
    expect(isFlowQueryError(q)).toBe(false);
    expect(q).toEqual({
      from: { kind: 'name', name: 'frontend', column: 1 },
      to: { kind: 'name', namespace: 'prod', name: 'backend', column: 13 },
      protocol: 'UDP',
      port: 53,
    });
  });

  it('refuses a verdict, and explains malformed queries', () => {
    expect(parseFlowQuery('a -> b allowed')).toMatchObject({ code: 'flows/syntax', column: 8, message: expect.stringContaining('no verdict') });
    expect(parseFlowQuery('a -> b TCP 99999')).toMatchObject({ code: 'flows/bad-port', line: 1, column: 12 });
    expect(parseFlowQuery('   ')).toMatchObject({ code: 'flows/syntax' });
  });
});
