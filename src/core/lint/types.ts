/**
 * Teaching lint: warnings about policies that are valid but probably do not say what their
 * author meant. Each warning is an Issue (so every place that lists issues can list it) with a
 * stable `lint/…` code, a plain explanation and the fix.
 */
import type { Issue, NetworkPolicy, SourceRef } from '../model/types.ts';

/** A lint warning: an Issue with a `lint/` code, always a warning, always with a fix. */
export interface LintWarning extends Issue {
  readonly code: `lint/${string}`;
  readonly severity: 'warning';
  readonly fix: string;
  /** The policy the warning is about (`ns/name`), when there is one. */
  readonly policy?: string;
  /** Ids of the pods whose traffic the warning is about (sorted). */
  readonly pods?: readonly string[];
}

/**
 * What a rule finds, before positions are looked up: the object it is about, and the field path
 * inside it (relative to the object, as import issues have it).
 */
export interface LintFinding {
  readonly code: `lint/${string}`;
  readonly message: string;
  readonly fix: string;
  /** The policy the finding is in; its source and `path` give the position. */
  readonly policy?: NetworkPolicy;
  /** Where a finding that is not about a field of a policy points (a workload or pod manifest). */
  readonly at?: SourceRef;
  /** Field path inside the object (`spec.ingress[1]`); '' or absent for the object itself. */
  readonly path?: string;
  readonly pods?: readonly string[];
}
