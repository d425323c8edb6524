// Entry of the fuzz worker thread: vitest's TypeScript transform does not reach worker
// threads, so TypeScript is loaded through tsx (as bin/netpol-canvas.mjs does).
import { register } from 'tsx/esm/api';

register();
await import('./fuzz-worker-main.ts');
