import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { importManifests, type Issue } from '../../src/core/index.ts';
import { IssueList } from '../../src/ui/panels/IssueList.tsx';
import { sharedDir } from '../helpers/scenarios.ts';

const render = (issues: readonly Issue[]) => renderToStaticMarkup(createElement(IssueList, { issues }));
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

describe('IssueList', () => {
  it('lists the broken seed paste as file:line:col code message, at line 13', () => {
    const seedCase = JSON.parse(
      readFileSync(path.join(sharedDir, 'conformance', 'cases', 'seed-1-as-printed.json'), 'utf8'),
    ) as { policies: string };
    const { issues } = importManifests([{ name: 'paste.yaml', text: seedCase.policies }]);
    const errors = issues.filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);

    const text = textOf(render(issues));
    expect(text).toContain(`Import issues (${issues.length})`);
    for (const issue of issues) {
      expect(text).toContain(`${issue.file}:${issue.line}:${issue.column} ${issue.severity} ${issue.code} `);
    }
    expect(errors.some((i) => i.line === 13)).toBe(true);
  });

  it('renders user text as text, never as HTML', () => {
    const html = render([
      {
        code: 'yaml-syntax',
        severity: 'error',
        message: 'bad <img src=x onerror=alert(1)> value',
        file: '<b>paste</b>.yaml',
        line: 1,
        column: 2,
      },
    ]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;paste&lt;/b&gt;.yaml:1:2');
  });

  it('says so when there is nothing to report', () => {
    expect(textOf(render([]))).toContain('No issues');
  });
});
