export function YamlPane() {
  return null;
}
