/**
 * Short tab labels for file paths: the last path segment, or as many trailing segments as it
 * takes to tell files apart (`webapp/deployment.yaml` next to `catalog/deployment.yaml`).
 */
export function tabLabels(names: readonly string[]): Map<string, string> {
  const segments = new Map(names.map((name) => [name, name.split('/').filter((s) => s !== '')]));
  const labels = new Map<string, string>();
  const depth = new Map(names.map((name) => [name, 1]));
  const labelOf = (name: string) => {
    const parts = segments.get(name) ?? [];
    return parts.length === 0 ? name : parts.slice(-(depth.get(name) ?? 1)).join('/');
  };
  for (;;) {
    const byLabel = new Map<string, string[]>();
    for (const name of names) {
      const label = labelOf(name);
      byLabel.set(label, [...(byLabel.get(label) ?? []), name]);
    }
    let grew = false;
    for (const clash of byLabel.values()) {
      if (clash.length < 2) continue;
      for (const name of clash) {
        const d = depth.get(name) ?? 1;
        if (d < (segments.get(name)?.length ?? 0)) {
          depth.set(name, d + 1);
          grew = true;
        }
      }
    }
    if (!grew) break;
  }
  for (const name of names) labels.set(name, labelOf(name));
  return labels;
}
