/**
 * What the fuzz suite found, pinned as plain examples: each was a message that did not say
 * what the user wrote.
 */
import { describe, expect, it } from 'vitest';
import { importManifests } from '../../../src/core/parse/index.ts';

const messagesOf = (text: string): string[] => importManifests([{ name: 'a.yaml', text }]).issues.map((i) => i.message);

describe('importManifests: messages name values as they are written', () => {
  it('says "constructor" is not a valid apiVersion without showing Object.prototype.constructor', () => {
    const messages = messagesOf('apiVersion: constructor\nkind: Namespace\nmetadata: {name: a}\n');
    expect(messages[0]).toBe('Namespace must have apiVersion v1, not "constructor"');
  });

  it('still explains a removed apiVersion', () => {
    const messages = messagesOf('apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}}\n');
    expect(messages[0]).toContain('(extensions/v1beta1 was removed in Kubernetes 1.16; the fields are the same)');
  });

  it('names .nan and .inf as YAML writes them, not as NaN and Infinity', () => {
    const messages = messagesOf('apiVersion: v1\nkind: Pod\nmetadata:\n  name: .nan\n  labels: {app: .inf, tier: -.inf}\n');
    expect(messages).toContain('metadata.name must be a string, not the number .nan');
    expect(messages).toContain('Label "app" must have a string value, not the number .inf (quote it: ".inf")');
    expect(messages).toContain('Label "tier" must have a string value, not the number -.inf (quote it: "-.inf")');
    expect(messages.join('\n')).not.toMatch(/NaN|Infinity/);
  });

  it('says which kind is not a string when it is .nan', () => {
    expect(messagesOf('apiVersion: v1\nkind: .nan\n')).toEqual(['This object has a "kind" that is the number .nan']);
  });
});
