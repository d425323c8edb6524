/**
 * The canvas: namespaces, workloads, external address sets and the flows between them, built by
 * the adapter (graph.ts) from the last good analysis and laid out by ELK (layout.ts).
 *
 * Selection lives in the store: clicking (or pressing Enter on) a node or an edge selects it and
 * shows the inspector; clicking the empty pane clears it. Dragged positions go to the store on
 * drag stop and survive YAML edits. The view fits the drawing once on the first layout and
 * whenever the workspace is replaced, never on ordinary edits.
 */
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useStoreApi,
  useStore as useFlowStore,
  type EdgeChange,
  type Node,
  type NodeChange,
  type NodeMouseHandler,
  type OnNodeDrag,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type CSSProperties, type MouseEvent as ReactMouseEvent } from 'react';
import { compareDrawnWithActual } from '../../core/index.ts';
import {
  appStore,
  type AppState,
  selectAnalysis,
  selectPositions,
  selectSelection,
  selectShowAllDenied,
  selectStale,
  useAppStore,
} from '../store/index.ts';
// flows.css before canvas.css: the policy-focus and at-scale rules there override flow looks.
import './flows.css';
import './canvas.css';
import './scale.css';
import './drawing.css';
import './change.css';
import { ChangesBanner } from './ChangesBanner.tsx';
import { DnsBanner } from './DnsBanner.tsx';
import { ImageExportBridge } from '../export-image/ImageExportBridge.tsx';
import { DrawToolbar } from './DrawToolbar.tsx';
import { overlayFlowChanges } from './change-overlay.ts';
import { overlayQuestions } from '../guide/questions.ts';
import { GuideFit } from '../guide/GuideFit.tsx';
import { useGuideQuestions } from '../guide/use-questions.ts';
import { emptyDrawnNamespaces, overlayDrawing } from './drawing-overlay.ts';
import { PortPopover } from './PortPopover.tsx';
import { RoutesContext } from './edges/routes-context.ts';
import { buildScaledGraph, collapsedNamespaces, startsCollapsed } from './collapse.ts';
import { filterGraph, searchableWorkloads } from './filter.ts';
import { toggleNamespace } from './scale-actions.ts';
import { ScalePanel } from './ScalePanel.tsx';
import { useFitTo } from './fit.ts';
import { useScaleView } from './use-scale-view.ts';
import { useAutoLayout, useDraggedPositions, useRoutes, useStableEdges } from './hooks.ts';
import { FlowLayer } from './layer/FlowLayer.tsx';
import { usePaintedFlows } from './layer/use-painted-flows.ts';
import { useCanvasKeys } from './use-canvas-keys.ts';
import { useFlowDrawing } from './use-flow-drawing.ts';
import { ArrowMarkers, OpenFlowsNote } from './overlays.tsx';
import { edgeTypes, nodeTypes } from './nodes/index.ts';
import { BoxesOnlyContext } from './nodes/detail.ts';
import { NamespaceTitles, namespaceTitles } from './NamespaceTitles.tsx';
import { mergeNodes, placeNodes } from './place.ts';
import { selectOnCanvas } from './select.ts';
import type { CanvasGraph, CanvasNode, FlowEdge } from './types.ts';
import { workloadMatrix } from './workload-matrix.ts';

if (import.meta.env.DEV) {
  // Development only: lets screenshot scripts load other manifests (absent from production builds).
  (window as unknown as { __netpolStore?: typeof appStore }).__netpolStore = appStore;
}

const EMPTY_GRAPH: CanvasGraph = { nodes: [], edges: [], openFlows: { count: 0, hidden: false } };
/** Room above the drawing (at least; fitTo also keeps it below the search panel), and for the minimap below it when shown. */
const FIT_NARROW = { padding: { top: '44px', right: '12px', bottom: '16px', left: '12px' }, maxZoom: 1 } as const;
const FIT_WIDE = { padding: { top: '44px', right: '16px', bottom: '106px', left: '16px' }, maxZoom: 1 } as const;
/** The minimap is drawn only where it does not hide much of the drawing. */
const MINIMAP_MIN_WIDTH = 640;
/** Below this zoom, edge labels (except the selected one's) are hidden: they could not be read. */
const LABEL_MIN_ZOOM = 0.5;

const selectGeneration = (s: AppState) => s.generation;
const selectIntents = (s: AppState) => s.intents;
const selectDrawnExternals = (s: AppState) => s.drawnExternals;
const NO_TOGGLES = {};
const NO_NAMESPACES: ReadonlySet<string> = new Set();
const selectToggles = (s: AppState) => (s.namespaceToggles.generation === s.generation ? s.namespaceToggles.toggles : NO_TOGGLES);
const selectFocus = (s: AppState) => (s.canvasFocus?.generation === s.generation ? s.canvasFocus.id : undefined);
const selectSearch = (s: AppState) => s.canvasSearch;
/** Above this many nodes, React Flow draws only the nodes and flows inside the view. */
const VISIBLE_ONLY_ABOVE = 100;
/** How far one may zoom out; a large drawing further, so that it fits the view whole. */
const MIN_ZOOM = 0.1;
const MIN_ZOOM_LARGE = 0.03;
/** "Expand all" is offered up to this many workloads (beyond, expand namespaces one by one). */
const EXPAND_ALL_MAX = 1_000;
const selectFlowChanges = (s: AppState) => s.flowChanges;

const selectZoomedOut = (s: { transform: [number, number, number] }) => s.transform[2] < LABEL_MIN_ZOOM;
/** Below this zoom no text on a node can be read: nodes are drawn as plain boxes (cheap to paint by the thousand). */
const BOXES_ONLY_BELOW = 0.3;
const selectBoxesOnly = (s: { transform: [number, number, number] }) => s.transform[2] < BOXES_ONLY_BELOW;
/** Labels grow when zoomed out, in steps (each step re-routes them), to stay about 10px on screen. */
const selectLabelScale = (s: { transform: [number, number, number] }) => {
  const zoom = s.transform[2];
  return zoom >= 0.8 ? 1 : zoom >= 0.65 ? 1.2 : 1.35;
};
const selectWide = (s: { width: number }) => s.width >= MINIMAP_MIN_WIDTH;

function minimapColor(node: Node): string {
  if (node.type === 'namespace') return 'rgba(29, 53, 87, 0.08)';
  if (node.type === 'namespaceSummary') return '#a8b8cc';
  if (node.type === 'external') return '#8d99ae';
  return '#457b9d';
}

function CanvasView() {
  const analysis = useAppStore(selectAnalysis);
  const showAllDenied = useAppStore(selectShowAllDenied);
  const selection = useAppStore(selectSelection);
  const positions = useAppStore(selectPositions);
  const stale = useAppStore(selectStale);
  const generation = useAppStore(selectGeneration);
  const zoomedOut = useFlowStore(selectZoomedOut);
  // While an image is drawn, every node is rendered with its details (ImageExportBridge).
  const [whole, setWhole] = useState(false);
  const boxesOnly = useFlowStore(selectBoxesOnly) && !whole;
  const wide = useFlowStore(selectWide);
  const labelScale = useFlowStore(selectLabelScale);

  // Whether to draw flows between two default-allow sides (undefined: only when few); per workspace.
  const [openChoice, setOpenChoice] = useState<{ generation: number; show: boolean } | undefined>(undefined);
  const showOpenFlows = openChoice?.generation === generation ? openChoice.show : undefined;

  const intents = useAppStore(selectIntents);
  const drawnExternals = useAppStore(selectDrawnExternals);
  const flowChanges = useAppStore(selectFlowChanges);
  const questions = useGuideQuestions();
  const matrix = useMemo(() => (analysis ? workloadMatrix(analysis) : undefined), [analysis]);
  // Drawn flows newer than the analysis on screen (drawing-overlay.ts `checking`): the intents of
  // the moment each analysis arrived are those it was made for.
  const [analysedIntents, setAnalysedIntents] = useState({ analysis, intents });
  if (analysedIntents.analysis !== analysis) setAnalysedIntents({ analysis, intents });
  const checking = useMemo(() => {
    const known = new Set(analysedIntents.intents);
    return intents.filter((intent) => !known.has(intent));
  }, [analysedIntents, intents]);
  const compare = useMemo(
    () => (analysis && intents.length > 0 ? compareDrawnWithActual(analysis.model, intents) : undefined),
    [analysis, intents],
  );
  const toggles = useAppStore(selectToggles);
  const collapsed = useMemo(() => (analysis ? collapsedNamespaces(analysis, toggles) : NO_NAMESPACES), [analysis, toggles]);
  const namespaces = useMemo(() => (analysis ? [...new Set(analysis.model.workloads.map((w) => w.namespace))] : []), [analysis]);
  const large = analysis ? startsCollapsed(analysis.model.workloads.length, namespaces.length) : false;
  const searchable = useMemo(() => (analysis ? searchableWorkloads(analysis.model.workloads) : []), [analysis]);
  const search = useDeferredValue(useAppStore(selectSearch));
  const focusId = useAppStore(selectFocus);
  const graph = useMemo(() => {
    if (!analysis || !matrix) return EMPTY_GRAPH;
    const base = buildScaledGraph(analysis, matrix, { showAllDenied, selection, showOpenFlows, collapsed });
    const drawn = overlayDrawing(base, { intents, externals: drawnExternals, compare, checking, emptyNamespaces: emptyDrawnNamespaces(analysis.model) });
    return overlayQuestions(overlayFlowChanges(drawn, flowChanges), questions);
  }, [analysis, matrix, showAllDenied, selection, showOpenFlows, collapsed, intents, drawnExternals, compare, checking, flowChanges, questions]);
  const flowStore = useStoreApi();
  const viewAspect = useCallback(() => {
    const { width, height } = flowStore.getState();
    return width > 0 && height > 0 ? width / height : 0.7;
  }, [flowStore]);
  // A new epoch lays everything out afresh (and forgets drags): another workspace, or the user asks.
  const [relayouts, setRelayouts] = useState(0);
  const [searchOpen, setSearchOpen] = useState(false);
  const epoch = `${generation}:${relayouts}`;
  // Expanding or collapsing a namespace lays the drawing out afresh (keeping dragged positions).
  const layoutEpoch = `${epoch}:${[...collapsed].sort().join(',')}`;
  const { current: layout, key } = useAutoLayout(graph, viewAspect, layoutEpoch);
  // Positions in the store apply to every workspace (restored by undo or a share link) until the user asks to lay out again.
  const dragged = useDraggedPositions(positions, `${relayouts}`);
  const placed = useMemo(() => placeNodes(graph.nodes, layout?.layout, dragged), [graph.nodes, layout, dragged]);
  const laidOut = layout !== undefined && layout.key === key && placed.every((n) => !n.hidden);
  // Search and focus only dim or hide what is placed: they never change the layout.
  const filtered = useMemo(
    () => filterGraph({ ...graph, nodes: placed }, searchable, { search, focus: focusId }),
    [graph, placed, searchable, search, focusId],
  );
  const [nodes, setNodes] = useState<CanvasNode[]>([]);
  useEffect(() => setNodes((current) => mergeNodes(current, filtered.graph.nodes)), [filtered]);
  const edges = useStableEdges(filtered.graph.edges);
  const edgesRef = useRef(edges);
  useEffect(() => {
    edgesRef.current = edges;
  }, [edges]);

  const routes = useRoutes(nodes, edges, labelScale);
  // Many flows: the ordinary ones are painted on one canvas, the ones the user looks at stay SVG (layer/).
  const { painting, painted, svgEdges, hovered, setHovered, paintedAt } = usePaintedFlows(nodes, edges, routes);
  const titles = useMemo(() => namespaceTitles(placed), [placed]);

  // Fitting after a layout, focus mode and search matches (use-scale-view.ts).
  const panelsBottom = useCallback(() => {
    const panel = wrapper.current?.querySelector('.canvas-topleft');
    const box = wrapper.current?.getBoundingClientRect();
    return panel && box ? panel.getBoundingClientRect().bottom - box.top : 0;
  }, []);
  const fitTo = useFitTo(filtered.graph.nodes, wide ? FIT_WIDE : FIT_NARROW, panelsBottom);
  const rendered = laidOut && nodes.length === placed.length && nodes.every((n, i) => n.id === placed[i]?.id);
  const { focusedOn, focusPeers, fitMatches, nextMatch } = useScaleView({ filtered, focusId, collapsed, rendered, epoch, layoutEpoch, fitTo });

  // A click on a namespace's box where a painted flow runs selects the flow (as a click on the pane does).
  const onNodeClick: NodeMouseHandler<CanvasNode> = useCallback(
    (event, node) => {
      const flow = node.type === 'namespace' ? paintedAt(event.clientX, event.clientY) : undefined;
      if (flow) selectOnCanvas({ kind: 'flow', source: flow.source, target: flow.target });
    },
    [paintedAt],
  );

  const onNodeDoubleClick: NodeMouseHandler<CanvasNode> = useCallback((_event, node) => {
    if (node.type === 'namespaceSummary') toggleNamespace(node.data.name, 'expanded');
  }, []);

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    setNodes((current) => applyNodeChanges(changes, current));
    for (const change of changes) {
      if (change.type === 'select' && change.selected) return selectOnCanvas({ kind: 'node', id: change.id });
    }
    const { selection: current } = appStore.getState();
    for (const change of changes) {
      if (change.type === 'select' && current?.kind === 'node' && current.id === change.id) selectOnCanvas(null);
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const byId = new Map(edgesRef.current.map((e) => [e.id, e]));
    for (const change of changes) {
      const edge = change.type === 'select' && change.selected ? byId.get(change.id) : undefined;
      if (edge) return selectOnCanvas({ kind: 'flow', source: edge.source, target: edge.target });
    }
    const { selection: current } = appStore.getState();
    for (const change of changes) {
      const edge = change.type === 'select' ? byId.get(change.id) : undefined;
      if (edge && current?.kind === 'flow' && current.source === edge.source && current.target === edge.target) selectOnCanvas(null);
    }
  }, []);

  const onNodeDragStop: OnNodeDrag<CanvasNode> = useCallback((_event, _node, moved) => {
    const { setPosition } = appStore.getState();
    for (const node of moved) setPosition(node.id, { x: node.position.x, y: node.position.y });
  }, []);

  const onPaneClick = useCallback(
    (event: ReactMouseEvent) => {
      const flow = paintedAt(event.clientX, event.clientY);
      selectOnCanvas(flow ? { kind: 'flow', source: flow.source, target: flow.target } : null);
    },
    [paintedAt],
  );
  const onPaneMouseMove = useCallback(
    (event: ReactMouseEvent) => {
      if (event.buttons !== 0) return;
      // A workload's card hides the flows painted behind it (a namespace's box does not).
      const node = (event.target as Element).closest('.react-flow__node');
      const onCard = node !== null && !node.classList.contains('react-flow__node-namespace');
      setHovered(onCard ? undefined : paintedAt(event.clientX, event.clientY)?.id);
    },
    [paintedAt, setHovered],
  );

  // Drawing a flow: drag from a node's handle and drop on another node, then choose the ports.
  const wrapper = useRef<HTMLDivElement>(null);
  const { pending, message, setMessage, onConnectEnd, confirmFlow, cancelFlow } = useFlowDrawing(wrapper);
  useCanvasKeys(wrapper, selectFocus, selectToggles, setMessage);

  const empty = analysis !== undefined && graph.nodes.length === 0;
  return (
    <div
      ref={wrapper}
      className={`flow-canvas${zoomedOut ? ' zoomed-out' : ''}${boxesOnly ? ' boxes-only' : ''}${hovered ? ' flow-hovered' : ''}${stale ? ' is-stale' : ''}${wide ? ' is-wide' : ''}`}
      style={{ '--label-scale': labelScale } as CSSProperties}
      data-testid="canvas"
      data-layout={rendered ? 'done' : 'pending'}
      data-collapsed={collapsed.size}
    >
      <ArrowMarkers />
      <BoxesOnlyContext value={boxesOnly}>
      <RoutesContext value={routes}>
        <ReactFlow<CanvasNode, FlowEdge>
          nodes={nodes}
          edges={svgEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={onNodeDragStop}
          onPaneClick={onPaneClick}
          onPaneMouseMove={painting ? onPaneMouseMove : undefined}
          onPaneMouseLeave={painting ? () => setHovered(undefined) : undefined}
          onNodeClick={painting ? onNodeClick : undefined}
          onNodeDoubleClick={onNodeDoubleClick}
          onlyRenderVisibleElements={graph.nodes.length > VISIBLE_ONLY_ABOVE && !whole}
          nodesConnectable
          onConnectEnd={onConnectEnd}
          connectionRadius={30}
          nodesFocusable
          edgesFocusable
          selectNodesOnDrag={false}
          multiSelectionKeyCode={null}
          deleteKeyCode={null}
          minZoom={graph.nodes.length > VISIBLE_ONLY_ABOVE ? MIN_ZOOM_LARGE : MIN_ZOOM}
          maxZoom={2}
          aria-label="Flows between workloads"
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} position="bottom-left">
            <ControlButton
              onClick={() => setRelayouts((n) => n + 1)}
              title="Lay out again (forgets dragged positions)"
              aria-label="Lay out again"
              data-testid="canvas.relayout"
            >
              ⟳
            </ControlButton>
            {wide ? null : (
              <ControlButton
                onClick={() => setSearchOpen((open) => !open)}
                title="Search workloads by name, label or namespace"
                aria-label="Search"
                aria-pressed={searchOpen}
                data-testid="canvas.search.toggle"
              >
                ⌕
              </ControlButton>
            )}
          </Controls>
          {/* Zoomed far out on a large drawing the whole of it is in view: a minimap would only repeat it, at a cost on every pan. */}
          {wide && !(boxesOnly && graph.nodes.length > VISIBLE_ONLY_ABOVE) ? (
            <MiniMap pannable zoomable position="bottom-right" nodeColor={minimapColor} style={{ width: 140, height: 90 }} />
          ) : null}
          <ScalePanel
            matches={filtered.matches}
            hiddenMatches={filtered.hiddenMatches}
            searching={search.text.trim() !== ''}
            focus={focusedOn ? { id: focusedOn, peers: focusPeers } : undefined}
            namespaces={namespaces}
            collapsedCount={collapsed.size}
            canExpandAll={!large || (analysis?.model.workloads.length ?? 0) <= EXPAND_ALL_MAX}
            onFitMatches={fitMatches}
            onNextMatch={nextMatch}
            compact={!wide}
            searchOpen={searchOpen}
          />
          <ImageExportBridge setWhole={setWhole} />
          <GuideFit />
          <DrawToolbar />
          <DnsBanner />
          <ChangesBanner />
          {boxesOnly ? <NamespaceTitles titles={titles} /> : null}
          {painting ? <FlowLayer flows={painted} labelMinZoom={LABEL_MIN_ZOOM} labelScale={labelScale} /> : null}
        <OpenFlowsNote
          openFlows={graph.openFlows}
          onChange={(show) => setOpenChoice({ generation, show })}
        />
        </ReactFlow>
      </RoutesContext>
      </BoxesOnlyContext>
      {empty ? (
        <div className="canvas-empty" data-testid="canvas.empty">
          No workloads yet: add one with “+ Workload”, or paste or import Pods, Deployments or NetworkPolicies.
        </div>
      ) : null}
      {pending ? (
        <PortPopover
          key={`${pending.source}->${pending.target}`}
          {...pending}
          onConfirm={confirmFlow}
          onCancel={cancelFlow}
        />
      ) : null}
      {message ? (
        <div className="draw-message" role="alert" data-testid="canvas.message">
          {message}{' '}
          <button type="button" onClick={() => setMessage(undefined)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ) : null}
      {stale ? (
        <div className="canvas-stale" role="status" data-testid="canvas.stale">
          YAML has errors: showing the last state that parsed
        </div>
      ) : null}
    </div>
  );
}

export function FlowCanvas() {
  return (
    <ReactFlowProvider>
      <CanvasView />
    </ReactFlowProvider>
  );
}
