import { describe, expect, it } from 'vitest';
import { guideKeyOf } from '../../../src/ui/guide/guide-keys.ts';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) =>
  guideKeyOf({ key: k, ctrlKey: mods.ctrl ?? false, metaKey: mods.meta ?? false, shiftKey: mods.shift ?? false, altKey: mods.alt ?? false });

describe('guideKeyOf', () => {
  it('reads the arrows as back and next, P as presentation, Escape as leaving it', () => {
    expect(key('ArrowLeft')).toBe('back');
    expect(key('ArrowRight')).toBe('next');
    expect(key('p')).toBe('present');
    expect(key('P', { shift: true })).toBe('present');
    expect(key('Escape')).toBe('leave-presentation');
  });
  it('leaves shortcuts with modifiers and other keys alone', () => {
    expect(key('p', { ctrl: true })).toBeUndefined();
    expect(key('ArrowRight', { alt: true })).toBeUndefined();
    expect(key('ArrowRight', { shift: true })).toBeUndefined();
    expect(key('n')).toBeUndefined();
  });
});
