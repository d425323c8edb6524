import { describe, expect, it } from 'vitest';
import { historyKeyOf } from '../../src/ui/shell/undo-keys.ts';
import { autosaveOptions } from '../../src/ui/store/autosave.ts';
import { createAppStore } from '../../src/ui/store/index.ts';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) =>
  historyKeyOf({ key: k, ctrlKey: mods.ctrl ?? false, metaKey: mods.meta ?? false, shiftKey: mods.shift ?? false, altKey: mods.alt ?? false });

describe('historyKeyOf', () => {
  it('reads Ctrl+Z as undo, Ctrl+Shift+Z and Ctrl+Y as redo (Cmd too)', () => {
    expect(key('z', { ctrl: true })).toBe('undo');
    expect(key('Z', { ctrl: true, shift: true })).toBe('redo');
    expect(key('y', { ctrl: true })).toBe('redo');
    expect(key('z', { meta: true })).toBe('undo');
  });
  it('ignores plain letters and other shortcuts', () => {
    expect(key('z')).toBeUndefined();
    expect(key('z', { ctrl: true, alt: true })).toBeUndefined();
    expect(key('s', { ctrl: true })).toBeUndefined();
  });
});

describe('autosave restore', () => {
  const merge = autosaveOptions(false).merge!;
  it('takes the saved document over the initial state, showing a file that exists', () => {
    const current = createAppStore().getState();
    const restored = merge({ files: [{ name: 'a.yaml', text: 'x: 1\n' }], title: 'Mine', activeFile: 'gone.yaml' }, current);
    expect(restored.files).toEqual([{ name: 'a.yaml', text: 'x: 1\n' }]);
    expect(restored.title).toBe('Mine');
    expect(restored.activeFile).toBe('a.yaml');
    expect(restored.analysis).toBeUndefined();
  });
  it('keeps the initial state when there is no save or it is damaged', () => {
    const current = createAppStore().getState();
    expect(merge(undefined, current)).toBe(current);
    expect(merge({ files: 42 }, current)).toBe(current);
  });
});
