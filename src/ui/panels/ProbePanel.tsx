export function ProbePanel() {
  return null;
}
