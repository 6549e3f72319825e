#!/usr/bin/env node
/** The `cdk8s-netpol` executable: process glue only; everything else is in run.ts. */
import { run } from './run';

void run(process.argv.slice(2), {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
}).then(code => {
  // exitCode, not exit(): let stdout drain when it is a pipe.
  process.exitCode = code;
});
