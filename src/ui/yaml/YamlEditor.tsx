/** The CodeMirror editor of the active file; all its behaviour lives in YamlEditorController. */
import { useEffect, useRef, type RefObject } from 'react';
import { appStore } from '../store/index.ts';
import { createEditorMemory, YamlEditorController, type EditorMemory } from './editor-controller.ts';

export function YamlEditor({ controller }: { readonly controller: RefObject<YamlEditorController | null> }) {
  const host = useRef<HTMLDivElement>(null);
  const memory = useRef<EditorMemory | null>(null);
  useEffect(() => {
    if (!host.current) return;
    memory.current ??= createEditorMemory();
    const created = new YamlEditorController(host.current, appStore, memory.current);
    controller.current = created;
    return () => {
      created.destroy();
      if (controller.current === created) controller.current = null;
    };
  }, [controller]);
  return <div className="yaml-editor" ref={host} data-testid="yaml.editor" />;
}
