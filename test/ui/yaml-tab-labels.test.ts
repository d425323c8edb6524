import { describe, expect, it } from 'vitest';
import { tabLabels } from '../../src/ui/yaml/tab-labels.ts';

describe('tabLabels', () => {
  it('shows the file name, with as many folders as it takes to tell files apart', () => {
    const labels = tabLabels([
      'seed-all/cluster.yaml',
      'a/webapp/deployment.yaml',
      'b/catalog/deployment.yaml',
      'x/y/route.yaml',
      'pasted.yaml',
      'z/y/route.yaml',
    ]);
    expect([...labels.values()]).toEqual([
      'cluster.yaml',
      'webapp/deployment.yaml',
      'catalog/deployment.yaml',
      'x/y/route.yaml',
      'pasted.yaml',
      'z/y/route.yaml',
    ]);
  });

  it('keeps a name that is all there is', () => {
    expect(tabLabels(['a.yaml', 'dir/a.yaml']).get('a.yaml')).toBe('a.yaml');
    expect(tabLabels(['dir/a.yaml', 'a.yaml']).get('dir/a.yaml')).toBe('dir/a.yaml');
  });
});
