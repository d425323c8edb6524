import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH, boundaryMessage, rescueYaml } from '../../src/ui/shell/PanelBoundary.tsx';

describe('boundaryMessage', () => {
  it("says an Error's message", () => {
    expect(boundaryMessage(new Error('Cannot read properties of undefined'))).toBe('Cannot read properties of undefined');
    expect(boundaryMessage(new TypeError(''))).toBe('TypeError');
  });

  it('says thrown strings and other values, and something for nothing', () => {
    expect(boundaryMessage('bad state')).toBe('bad state');
    expect(boundaryMessage(42)).toBe('42');
    expect(boundaryMessage(undefined)).toBe('unknown error');
    expect(boundaryMessage(null)).toBe('unknown error');
    expect(boundaryMessage('   ')).toBe('unknown error');
    const hostile = { toString: () => { throw new Error('no'); } };
    expect(boundaryMessage(hostile)).toBe('unknown error');
  });

  it('keeps markup as text on one line and cuts long messages', () => {
    expect(boundaryMessage(new Error('<img src=x onerror="x()">\n  at line 2'))).toBe('<img src=x onerror="x()"> at line 2');
    const long = boundaryMessage(new Error('x'.repeat(10_000)));
    expect(long).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('rescueYaml', () => {
  it('joins every file as one YAML stream', () => {
    expect(rescueYaml([{ name: 'a.yaml', text: 'a: 1' }, { name: 'b.yaml', text: 'b: 2\n' }])).toBe('a: 1\n---\nb: 2\n');
  });
});
