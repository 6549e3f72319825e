/** `cdk8s-netpol explain`: whether one connection is allowed, and which policies and rules decide it. */
import { parseArgs } from 'node:util';
import { type Command, UsageError } from './command';
import { loadInput, reportIgnored } from './load-model';
import { MODEL_OPTIONS, MODEL_OPTIONS_USAGE, readModelOptions } from './model-options';
import { withUsageErrors } from './parse-arguments';
import { resolveUserEndpoint } from './resolve-user-endpoint';
import { explain } from '../analysis/explain';
import { parsePortQuery } from '../io';
import { explainToJson, explainToText } from '../render';

const USAGE = `Usage: cdk8s-netpol explain <files/folders...> --from ns/name --to ns/name [--port 8080/TCP]

Says whether traffic from one workload to another is allowed and why: for the source's
egress and the destination's ingress, whether it is isolated, by which policies, and
which rule allows what (or why each rule does not).

Options:
      --from <ref>   source: ns/name, ns/name[Kind], or an IP address outside the cluster
      --to <ref>     destination, in the same forms
      --port <port>  the port asked about: 8080, 8080/TCP, 53/UDP, 9000/SCTP (default
                     protocol TCP); without it, "allowed" means anything at all is
  -o, --output <f>   txt (default) or json: the verdict and, for each end, the layers that
                     decided it (Admin tier, NetworkPolicy, Baseline tier, default)
  -v, --verbose      list on stderr the objects left out (unknown kinds, CRDs, Services…)
${MODEL_OPTIONS_USAGE}

Exit codes: 0 allowed, 1 denied (so a pipeline can gate on it), 2 bad input or usage,
3 internal error.`;

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Say why one connection is allowed or denied; exit 1 when denied',
  usage: USAGE,
  run(argv, io) {
    const { values, positionals } = withUsageErrors(() => parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        port: { type: 'string' },
        output: { type: 'string', short: 'o', default: 'txt' },
        verbose: { type: 'boolean', short: 'v' },
        ...MODEL_OPTIONS,
      },
    }));
    if (values.from === undefined || values.to === undefined) throw new UsageError('both --from and --to are required');
    if (values.output !== 'txt' && values.output !== 'json') throw new UsageError(`unknown output format '${values.output}'; use txt or json`);
    const query = values.port === undefined ? undefined : parsePort(values.port);
    const { model } = loadInput(positionals, io, 'refuse', readModelOptions(values));
    if (values.verbose) reportIgnored(model, io);
    const src = resolveUserEndpoint(model, values.from, '--from');
    const dst = resolveUserEndpoint(model, values.to, '--to');
    if (src.kind === 'external' && dst.kind === 'external') {
      throw new UsageError('--from and --to are both outside the cluster, where no NetworkPolicy applies; name a workload for one of them');
    }
    const explanation = explain(model, src, dst, query);
    io.stdout(values.output === 'json' ? explainToJson(explanation) : explainToText(explanation));
    return explanation.allowed ? 0 : 1;
  },
};

function parsePort(text: string) {
  try {
    return parsePortQuery(text);
  } catch (e) {
    throw new UsageError(`--port: ${(e as Error).message}`, { cause: e });
  }
}
