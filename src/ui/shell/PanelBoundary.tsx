/**
 * Contains a render error to one panel: the panel shows what failed, offers to try again and to
 * download the user's YAML, and the store (the user's files, the analysis) is left untouched, so
 * the other panels go on working and no work is lost.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { ManifestFile } from '../../core/index.ts';
import { joinYaml } from '../analysis.ts';
import { appStore } from '../store/index.ts';
import { downloadText } from './clipboard.ts';
import './panel-boundary.css';

/** Longest message shown; a longer one is cut (the full error still goes to the console). */
export const MAX_MESSAGE_LENGTH = 300;

/** What the fallback says after "This panel failed: ", from whatever was thrown. Pure. */
export function boundaryMessage(error: unknown): string {
  let text: string;
  if (error instanceof Error) text = error.message || error.name || 'Error';
  else if (typeof error === 'string') text = error;
  else if (error === null || error === undefined) text = 'unknown error';
  else {
    try {
      text = String(error);
    } catch {
      text = 'unknown error';
    }
  }
  text = text.replace(/\s+/g, ' ').trim() || 'unknown error';
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}

/** The workspace's files as one YAML text, for the rescue download; `.flows` files follow as comments. Pure. */
export function rescueYaml(files: readonly ManifestFile[]): string {
  const flows = files.filter((f) => f.name.endsWith('.flows'));
  const appendix = flows.map((f) => `# ${f.name}:\n${f.text.split(/\r\n|\r|\n/).map((l) => `# ${l}`).join('\n')}\n`);
  return [joinYaml(files), ...appendix].filter((t) => t !== '').join('');
}

export interface PanelBoundaryProps {
  /** Names the panel for the fallback's label and test id (`panel-failed.<name>`). */
  readonly name: string;
  /** Class of the fallback's container, so it takes the panel's place in the layout. */
  readonly className?: string;
  readonly children: ReactNode;
}

interface PanelBoundaryState {
  readonly error: unknown;
  readonly failed: boolean;
}

export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { error: undefined, failed: false };

  static getDerivedStateFromError(error: unknown): PanelBoundaryState {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`The ${this.props.name} panel failed`, error, info.componentStack);
  }

  private readonly retry = (): void => {
    this.setState({ error: undefined, failed: false });
  };

  private readonly exportYaml = (): void => {
    const { files } = appStore.getState();
    downloadText(rescueYaml(files), 'netpol-canvas-rescue.yaml');
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { name, className } = this.props;
    return (
      <div className={`panel-failed ${className ?? ''}`.trim()} role="alert" aria-label={`${name} panel failed`} data-testid={`panel-failed.${name}`}>
        <p className="panel-failed-message" data-testid="panel-failed.message">
          This panel failed: {boundaryMessage(this.state.error)}
        </p>
        <p className="panel-failed-note">Your manifests are safe; the other panels still work.</p>
        <div className="panel-failed-actions">
          <button type="button" onClick={this.retry} data-testid="panel-failed.retry">
            Try again
          </button>
          <button type="button" onClick={this.exportYaml} data-testid="panel-failed.export">
            Export the YAML
          </button>
        </div>
      </div>
    );
  }
}
