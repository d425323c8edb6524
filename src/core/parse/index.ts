/**
 * The parser's public API: text to objects and issues, positions of fields, and back to YAML.
 * js-yaml is used only under core/parse.
 */
export type { ImportOptions, ImportProgress, ImportResult, ManifestFile, ObjectStatus, ParsedObject, ParseOptions, ParseResult } from './types.ts';
export { importManifests } from './import.ts';
export { parseManifests } from './manifests.ts';
export { locateField, type SourceRange } from './locate.ts';
export { networkPolicyToManifest, selectorToJson, serializeManifests } from './serialize.ts';
export { DEFAULT_MAX_BYTES } from './size.ts';
export { formatPath, parsePath, type PathSegment } from './path.ts';
