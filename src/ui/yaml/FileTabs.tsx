/** One tab per workspace file, with its error and warning counts and a mark when it does not parse. */
import { memo, useEffect, useMemo, useRef } from 'react';
import { isUnparseable } from '../store/analysis-slice.ts';
import { CLUSTER_FILE } from '../store/drawing-slice.ts';
import { appStore, selectActiveFile, selectIssues, useAppStore, type AppState } from '../store/index.ts';
import { countProblemsByFile } from './problems.ts';
import { tabLabels } from './tab-labels.ts';

/** File names only, so typing (which changes texts) does not re-render the tabs. */
const selectFileNames = (s: AppState) => s.files.map((f) => f.name).join('\n');
const selectHideCluster = (s: AppState) => s.hideClusterManifests;

export const FileTabs = memo(function FileTabs() {
  const names = useAppStore(selectFileNames);
  const hideCluster = useAppStore(selectHideCluster);
  const all = useMemo(() => (names === '' ? [] : names.split('\n')), [names]);
  const hasCluster = all.includes(CLUSTER_FILE);
  // The drawn Namespace and workload manifests (cluster.yaml) can be hidden.
  const files = useMemo(() => (hideCluster ? all.filter((f) => f !== CLUSTER_FILE) : all), [all, hideCluster]);
  const activeFile = useAppStore(selectActiveFile);
  const issues = useAppStore(selectIssues);
  const setActiveFile = useAppStore((s) => s.setActiveFile);
  const counts = useMemo(() => countProblemsByFile(issues), [issues]);
  const labels = useMemo(() => tabLabels(files), [files]);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const tab = list.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    tab?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [activeFile, files]);
  const broken = useMemo(() => new Set(issues.filter(isUnparseable).map((i) => i.file)), [issues]);

  if (files.length === 0) return null;
  return (
    <div className="yaml-tabs" role="tablist" aria-label="Manifest files" ref={list}>
      {files.map((file) => {
        const count = counts.get(file);
        const stale = broken.has(file);
        const active = file === activeFile;
        const titleParts = [file];
        if (count?.errors) titleParts.push(`${count.errors} error${count.errors === 1 ? '' : 's'}`);
        if (count?.warnings) titleParts.push(`${count.warnings} warning${count.warnings === 1 ? '' : 's'}`);
        if (stale) titleParts.push('not parsed: the canvas shows the last version that parsed');
        return (
          <button
            key={file}
            type="button"
            role="tab"
            aria-selected={active}
            className={`yaml-tab${active ? ' active' : ''}${stale ? ' stale' : ''}`}
            title={titleParts.join(' · ')}
            onClick={() => setActiveFile(file)}
            data-testid="yaml.tab"
            data-file={file}
            data-stale={stale ? 'true' : undefined}
          >
            {stale ? (
              <span className="yaml-tab-stale" aria-label="not parsed">
                ⚠
              </span>
            ) : null}
            <span className="yaml-tab-name">{labels.get(file) ?? file}</span>
            {count?.errors ? (
              <span className="yaml-tab-badge errors" data-testid="yaml.tab.errors" aria-label={`${count.errors} errors`}>
                {count.errors}
              </span>
            ) : null}
            {count?.warnings ? (
              <span className="yaml-tab-badge warnings" aria-label={`${count.warnings} warnings`}>
                {count.warnings}
              </span>
            ) : null}
          </button>
        );
      })}
      {hasCluster ? (
        <button
          type="button"
          className="yaml-tab yaml-tab-toggle"
          aria-pressed={hideCluster}
          title={hideCluster ? 'Show the drawn Namespace and workload manifests (cluster.yaml)' : 'Hide the drawn Namespace and workload manifests (cluster.yaml)'}
          onClick={() => appStore.getState().setHideClusterManifests(!hideCluster)}
          data-testid="yaml.hide-cluster"
        >
          {hideCluster ? 'show cluster.yaml' : 'hide cluster.yaml'}
        </button>
      ) : null}
    </div>
  );
});
