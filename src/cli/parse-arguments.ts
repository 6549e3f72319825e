import { UsageError } from './command';

/**
 * Runs node:util `parseArgs` (passed as a thunk, so its result keeps its precise types) and
 * turns its mistakes (unknown option, missing value) into UsageErrors: exit 2 with the
 * command's synopsis instead of a stack trace.
 */
export function withUsageErrors<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    // Checked by code, not class: parseArgs throws plain TypeErrors that carry an ERR_PARSE_ARGS_* code.
    if (String((e as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_')) throw new UsageError((e as Error).message);
    throw e;
  }
}
