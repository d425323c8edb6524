/**
 * `window.netpolCanvas`: a read-only handle for automation (Playwright, the browser console).
 * It answers from the same analysis the UI renders; nothing it returns can change the app.
 */
import { explainVerdict, type ClusterModel, type Protocol, type Verdict } from '../core/index.ts';
import { joinYaml, type Analysis } from './analysis.ts';
import type { AppStore } from './store/index.ts';

export interface AutomationVerdict extends Verdict {
  /** The explanation sentences the UI shows for this verdict. */
  readonly explanation: readonly string[];
}

export interface NetpolCanvasApi {
  /** The workspace manifests as one multi-document YAML text. */
  getYaml(): string;
  /** A copy of the imported cluster model. */
  getModel(): ClusterModel;
  /**
   * May `from` open a connection to `to` on `port`/`protocol` (default TCP)? Ends are `ns/pod`
   * ids or IP addresses. Throws when an end names nothing in the model.
   */
  verdict(from: string, to: string, port: number, protocol?: Protocol): AutomationVerdict;
}

declare global {
  interface Window {
    netpolCanvas?: NetpolCanvasApi;
  }
}

export function createAutomationApi(analysis: Analysis): NetpolCanvasApi {
  return Object.freeze({
    getYaml: () => joinYaml(analysis.files),
    getModel: () => structuredClone(analysis.model),
    verdict: (from: string, to: string, port: number, protocol: Protocol = 'TCP') => {
      const verdict = analysis.evaluator.verdict(from, to, protocol, port);
      return structuredClone({ ...verdict, explanation: explainVerdict(verdict) });
    },
  });
}

/** Installs the API on `window`; returns the function that removes it again. */
export function installAutomationApi(api: NetpolCanvasApi): () => void {
  window.netpolCanvas = api;
  return () => {
    if (window.netpolCanvas === api) delete window.netpolCanvas;
  };
}

/**
 * Installs an API that always answers from the store's current state: the YAML as typed now,
 * and the model and verdicts of the last analysis. Returns the function that removes it.
 */
export function installStoreAutomation(store: AppStore): () => void {
  const current = (): Analysis => {
    const analysis = store.getState().analysis;
    if (!analysis) throw new Error('nothing is loaded yet');
    return analysis;
  };
  return installAutomationApi(
    Object.freeze({
      getYaml: () => joinYaml(store.getState().files),
      getModel: () => createAutomationApi(current()).getModel(),
      verdict: (from: string, to: string, port: number, protocol: Protocol = 'TCP') =>
        createAutomationApi(current()).verdict(from, to, port, protocol),
    }),
  );
}
