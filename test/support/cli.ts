/**
 * The command run in-process, with its output captured, and what a clean refusal of bad input
 * looks like: exit 2 and one line naming the file, never a stack trace or an internal error.
 */
import { run } from '../../src/cli/run';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: text => stdout += text, stderr: text => stderr += text });
  return { code, stdout, stderr };
}

/** Exit 2 with a single line `cdk8s-netpol: <file>…: <reason>` on stderr; returns that line. */
export function expectRefusal(result: CliResult, file: string): string {
  expect(result).toMatchObject({ code: 2, stdout: '' });
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`cdk8s-netpol: ${file}:`)).toBe(true);
  return lines[0];
}
