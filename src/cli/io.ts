/** What a command prints and returns, so commands are testable without a process. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export class UsageError extends Error {}

export const ok = (stdout: string): CommandOutput => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 2, stdout = ''): CommandOutput => ({ stdout, stderr, exitCode });
