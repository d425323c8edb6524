import type { Issue } from '../../src/core/index.ts';

/** An Issue with defaults for every field the test does not care about. */
export const issue = (fields: Partial<Issue>): Issue => ({
  code: 'x',
  severity: 'error',
  message: 'm',
  file: 'a.yaml',
  line: 1,
  column: 1,
  ...fields,
});
