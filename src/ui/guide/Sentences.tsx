/**
 * The evaluator's explanation sentences (explainVerdict lines), as the probe shows them: lines
 * starting with "- " are details of the line before. Text only, never markup.
 */
export function Sentences({ lines, testId }: { readonly lines: readonly string[]; readonly testId?: string }) {
  return (
    <ul className="guide-sentences" data-testid={testId}>
      {lines.map((line, i) => (
        <li key={i} className={line.startsWith('- ') ? 'guide-sentence-sub' : undefined}>
          {line.startsWith('- ') ? line.slice(2) : line}
        </li>
      ))}
    </ul>
  );
}
