/**
 * The left column: file tabs, the YAML editor and the Problems list under it (resizable).
 * Typing goes straight to the store; analysis follows after a pause (the store schedules it).
 */
import { useCallback, useRef, useState } from 'react';
import type { Issue } from '../../core/index.ts';
import type { YamlEditorController } from './editor-controller.ts';
import { FileTabs } from './FileTabs.tsx';
import { ProblemsList } from './ProblemsList.tsx';
import { YamlEditor } from './YamlEditor.tsx';
import './yaml.css';

const MIN_PROBLEMS = 60;
const MAX_PROBLEMS = 600;

export function YamlPane() {
  const controller = useRef<YamlEditorController | null>(null);
  const [problemsHeight, setProblemsHeight] = useState(160);
  const drag = useRef<{ y: number; height: number } | undefined>(undefined);
  const clamp = (h: number) => Math.min(MAX_PROBLEMS, Math.max(MIN_PROBLEMS, h));
  const showProblem = useCallback((issue: Issue) => controller.current?.goTo(issue.file, issue.line, issue.column), []);

  return (
    <div className="yaml-pane" style={{ gridTemplateRows: `auto minmax(80px, 1fr) 6px ${problemsHeight}px` }}>
      <FileTabs />
      <YamlEditor controller={controller} />
      <div
        className="yaml-problems-splitter"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the Problems list"
        aria-valuenow={problemsHeight}
        aria-valuemin={MIN_PROBLEMS}
        aria-valuemax={MAX_PROBLEMS}
        tabIndex={0}
        onPointerDown={(e) => {
          drag.current = { y: e.clientY, height: problemsHeight };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          if (drag.current) setProblemsHeight(clamp(drag.current.height - (e.clientY - drag.current.y)));
        }}
        onPointerUp={() => {
          drag.current = undefined;
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp') setProblemsHeight((h) => clamp(h + 24));
          if (e.key === 'ArrowDown') setProblemsHeight((h) => clamp(h - 24));
        }}
      />
      <ProblemsList onShow={showProblem} />
    </div>
  );
}
