export function FlowCanvas() {
  return null;
}
