/** `cdk8s-netpol import`: existing NetworkPolicy manifests → a TypeScript module that rebuilds them with the library. */
import { parseArgs } from 'node:util';
import type { Command } from './command';
import { loadInput } from './load-model';
import { withUsageErrors } from './parse-arguments';
import { importModule } from '../import/import-module';
import { InputError } from '../io';

const USAGE = `Usage: cdk8s-netpol import <files/folders...> [--library <module>]

Prints a TypeScript module that rebuilds every NetworkPolicy of the input with cdk8s-netpol:
\`build(scope)\` adds each under its exact name and namespace, with DefaultDeny, AllowFrom,
AllowTo or DnsEgress where one writes the same spec, else with Policy. The header names the
files read. Other objects of the input are not imported.

Options:
      --library <module>  the module the code imports the library from (default: cdk8s-netpol)

A policy the API server would reject, or one the library refuses to write (an ingress rule
from an ipBlock peer on a named port), is bad input: exit 2 with its file and line.

Exit codes: 0 printed, 2 bad input or usage, 3 internal error.`;

export const importCommand: Command = {
  name: 'import',
  summary: 'Print TypeScript that rebuilds the input\'s NetworkPolicies with this library',
  usage: USAGE,
  run(argv, io) {
    const { values, positionals } = withUsageErrors(() => parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { library: { type: 'string' } },
    }));
    const { model } = loadInput(positionals, io);
    if (model.policies.length === 0) {
      throw new InputError(`no NetworkPolicy in ${positionals.join(', ')}: nothing to import`);
    }
    io.stdout(importModule(model.policies, { library: values.library }));
    return 0;
  },
};
