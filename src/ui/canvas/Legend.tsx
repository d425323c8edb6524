/** What the canvas's marks mean, and what it leaves out (drawn in the top-left panel, under the search). */

function Line({ look, open = false }: { readonly look: 'allowed' | 'denied' | 'half-open' | 'partial'; readonly open?: boolean }) {
  return (
    <svg width="34" height="10" aria-hidden="true" className="legend-line">
      <line x1="1" y1="5" x2="33" y2="5" className={`react-flow__edge-path flow-path flow-${look}${open ? ' flow-open' : ''}`} />
    </svg>
  );
}

export function Legend() {
  return (
    <div className="canvas-legend">
      <details data-testid="canvas.legend">
        <summary>Legend</summary>
        <ul>
          <li>
            <Line look="allowed" /> allowed flow, with its ports (<code>TCP 5432</code>, <code>all ports</code>)
          </li>
          <li>
            <Line look="allowed" open /> allowed because no policy isolates either side (hidden when there are
            very many)
          </li>
          <li>
            <Line look="half-open" /> ⚠ half-open: one side&apos;s policy allows it, the other side denies it
          </li>
          <li>
            <Line look="denied" /> ✗ denied (shown with &ldquo;Show all denied flows&rdquo; or for the selected node)
          </li>
          <li>
            <span className="legend-summary">namespace ×N</span> a collapsed namespace (large clusters start so): its
            workloads, pods and how many are isolated; the flows of its workloads are gathered per other end, labelled
            with the workload pairs they stand for. <Line look="partial" /> some of those pairs may connect, not all.
            Expand with +, a double-click or E
          </li>
          <li>
            <span className="iso-badge iso-allow">□ ingress: default allow</span> no policy selects the workload for
            this direction: anything may connect
          </li>
          <li>
            <span className="iso-badge iso-deny">■ egress: default deny (1 policy)</span> isolated: only what a rule
            allows
          </li>
          <li>
            <span className="legend-inferred">dashed box</span> workload inferred from policy selectors
          </li>
          <li>
            <span className="legend-external">address set</span> external addresses, drawn only where an isolated
            workload explicitly allows them (a default-allow side already admits every address)
          </li>
        </ul>
        <p className="legend-note">
          A flow is the direction a connection is opened in; replies are implicit. Whether ipBlock rules match pod IPs
          depends on the CNI. Traffic to or from the node, hostNetwork pods and Service (ClusterIP) translation are
          out of scope: policies see pod IPs and container ports.
        </p>
      </details>
    </div>
  );
}
