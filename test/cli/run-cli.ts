/** Runs the command line in-process and captures what it writes. */
import * as path from 'node:path';
import { run } from '../../src/cli/run';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'cli');
export const SHOP = path.join(FIXTURES, 'shop');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: t => { stdout += t; }, stderr: t => { stderr += t; } });
  // Whatever happened, a user never sees a stack trace.
  expect(stderr).not.toMatch(/\n\s+at /);
  return { code, stdout, stderr };
}
