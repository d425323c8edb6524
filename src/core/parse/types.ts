/**
 * Public types of the parser: text in, objects and issues out.
 */
import type { ManifestResource } from '../model/build-input.ts';
import type { IngressObjects } from '../model/ingress-controller.ts';
import type { ClusterModel, Issue, SourceRef } from '../model/types.ts';

export interface ManifestFile {
  readonly name: string;
  readonly text: string;
}

export interface ImportOptions {
  /** Total size limit of all files, in UTF-8 bytes. Default 10 MiB. Larger input: one error, nothing parsed. */
  readonly maxBytes?: number;
  /**
   * Severity of object names that are not valid DNS names (`invalid-name`). Default 'error':
   * the API server refuses such objects, so they are left out of the model. 'warning' keeps
   * them, for comparing with tools that do not check names (netpol-analyzer's corpus has one).
   */
  readonly nameErrors?: 'error' | 'warning';
  /** Told how far the import has got (for a progress bar); see ImportProgress. */
  readonly onProgress?: (progress: ImportProgress) => void;
}

/**
 * How far an import has got: reported when a file's YAML starts being parsed (stage `parsing`,
 * no documents known yet), once it is parsed (`reading`, documentsRead 0), then every
 * DOCUMENTS_PER_PROGRESS documents read as objects, and when the file is done.
 */
export interface ImportProgress {
  readonly stage: 'parsing' | 'reading';
  /** Index of the file being read, of `files`. */
  readonly fileIndex: number;
  readonly files: number;
  readonly documentsRead: number;
  readonly documents: number;
}

/** Options of `parseManifests` (the size limit applies to this one file). */
export type ParseOptions = Omit<ImportOptions, 'onProgress'> & {
  /** Told the documents read as objects so far, of the file's documents. */
  readonly onDocuments?: (read: number, documents: number) => void;
};

export interface ImportResult {
  readonly model: ClusterModel;
  readonly issues: readonly Issue[];
  /** Services, Routes and Ingresses, for the ingress controller; present only when the input has some. */
  readonly ingressObjects?: IngressObjects;
}

/**
 * What happened to an object: `accepted` (used by the model), `rejected` (it has errors, as the
 * API server would refuse it) or `ignored` (a kind the simulation does not use).
 */
export type ObjectStatus = 'accepted' | 'rejected' | 'ignored';

/** One Kubernetes object found in a file (List items are separate objects). */
export interface ParsedObject {
  readonly kind: string;
  readonly apiVersion: string;
  readonly name?: string;
  /** As written; absent for cluster-scoped objects and objects relying on `default`. */
  readonly namespace?: string;
  /** The object as parsed: plain JSON-like data, shared with the parser (do not mutate). */
  readonly object: Readonly<Record<string, unknown>>;
  readonly source: SourceRef;
  readonly status: ObjectStatus;
  /** The typed value, for accepted objects of the kinds the model uses. */
  readonly resource?: ManifestResource;
}

export interface ParseResult {
  readonly objects: ParsedObject[];
  readonly issues: Issue[];
}
