/** A step's narrative: plain text, paragraphs separated by blank lines. */
export function Narrative({ text, testId }: { readonly text: string; readonly testId: string }) {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
  return (
    <div className="guide-narrative" data-testid={testId}>
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}
