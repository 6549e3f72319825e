/** A CliIo that records what a command writes. */
import type { CliIo } from '../../src/cli/command';

export function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(text: string) { io.out += text; },
    stderr(text: string) { io.err += text; },
  };
  return io;
}
