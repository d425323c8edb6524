/**
 * ELK, loaded lazily (it is a large bundle). In the browser it runs in a Web Worker (elkjs's
 * worker build, served from our own origin: the CSP allows 'self' workers), so laying out a
 * large drawing never blocks the page; where there is no Worker (unit tests in Node) it runs
 * in place.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';

export interface ElkEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

let engine: Promise<ElkEngine> | undefined;

async function createEngine(): Promise<ElkEngine> {
  if (typeof Worker === 'undefined') {
    const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
    return new ELK();
  }
  const [{ default: ELK }, { default: workerUrl }] = await Promise.all([
    import('elkjs/lib/elk-api.js'),
    import('elkjs/lib/elk-worker.min.js?url'),
  ]);
  return new ELK({ workerUrl });
}

export function loadElk(): Promise<ElkEngine> {
  engine ??= createEngine().catch(async (error: unknown) => {
    console.warn('ELK worker unavailable; laying out on the main thread', error);
    const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
    return new ELK();
  });
  return engine;
}
