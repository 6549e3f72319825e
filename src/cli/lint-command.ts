/** `cdk8s-netpol lint`: argument parsing and I/O around `lint`; the rules live in src/analysis/lint. */
import { parseArgs } from 'node:util';
import { Command, UsageError } from './command';
import { INGRESS_CONTROLLER_OPTIONS, ingressControllersOf } from './ingress-controller-option';
import { loadInput } from './load-model';
import { MODEL_OPTIONS, MODEL_OPTIONS_USAGE, type ModelOptions, readModelOptions } from './model-options';
import { withUsageErrors } from './parse-arguments';
import type { IngressController } from '../analysis/ingress-controller';
import type { Finding, Severity } from '../analysis/lint';
import { failingFindings, findRule, lint, RULES, SEVERITIES } from '../analysis/lint';
import { apiInvalid } from '../analysis/lint/api-invalid';
import { lintToJson } from '../render/lint-json';
import { lintToText } from '../render/lint-txt';
import { lintToSarif } from '../render/sarif';

const RENDERERS: Readonly<Record<string, (findings: readonly Finding[]) => string>> = {
  txt: lintToText,
  json: lintToJson,
  sarif: findings => lintToSarif(findings, RULES),
};

const USAGE = `Usage: cdk8s-netpol lint <files/folders...> [-o txt|json|sarif] [--disable id,...] [--fail-on error|warning|info]

Finds NetworkPolicy mistakes the API server accepts: missing DNS egress, one-sided
connections, allow-alls that cancel a deny, AND/OR selector slips and more. A policy the
API server would reject is an api-invalid error at its line, left out of the analysis of
the rest (other commands refuse such input).

Options:
  -o, --output <format>   txt (default), json, or sarif (SARIF 2.1.0 for GitHub code scanning)
      --disable <ids>     comma-separated rule ids to skip (api-invalid cannot be skipped)
      --fail-on <level>   exit 1 when a finding is at least this severe (default: error);
                          findings acknowledged by an acknowledge.cdk8s-netpol.io/<rule-id>
                          annotation on their object are reported, never counted
      --ingress-controller <c>  the controllers ingress-backend-blocked judges: ingress-nginx,
                          openshift, traefik or <namespace>/<key=value,...>; repeat for several
                          (default: np-guard's anonymous one and every profile)
${MODEL_OPTIONS_USAGE}

Rules: ${RULES.map(r => `${r.id} (${r.severity})`).join(', ')}
Exit codes: 0 no finding at --fail-on or above, 1 such findings, 2 bad input or usage,
3 internal error.`;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Report NetworkPolicy mistakes (txt, json or SARIF); exit 1 on findings at --fail-on or above',
  usage: USAGE,
  run(argv, io) {
    const { paths, format, disable, failOn, input, ingressControllers } = parse(argv);
    // An invalid policy is a finding here, not a reason to refuse the rest of the input.
    const { model, rejections } = loadInput(paths, io, 'omit', input);
    const findings = lint(model, { disable, rejections, ingressControllers });
    io.stdout(RENDERERS[format](findings));
    return failingFindings(findings, failOn).length > 0 ? 1 : 0;
  },
};

interface LintArguments {
  readonly paths: string[];
  readonly format: string;
  readonly disable: string[];
  readonly failOn: Severity;
  readonly input: ModelOptions;
  readonly ingressControllers?: IngressController[];
}

function parse(argv: readonly string[]): LintArguments {
  const { values, positionals } = withUsageErrors(() => parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'output': { type: 'string', short: 'o', default: 'txt' },
      'disable': { type: 'string', multiple: true, default: [] },
      'fail-on': { type: 'string', default: 'error' },
      ...MODEL_OPTIONS,
      ...INGRESS_CONTROLLER_OPTIONS,
    },
  }));
  const format = values.output;
  if (!Object.hasOwn(RENDERERS, format)) throw new UsageError(`unknown output format '${format}'; use one of ${Object.keys(RENDERERS).join(', ')}`);
  const failOn = values['fail-on'] as Severity;
  if (!SEVERITIES.includes(failOn)) throw new UsageError(`unknown --fail-on level '${values['fail-on']}'; use one of ${SEVERITIES.join(', ')}`);
  const disable = values.disable.flatMap(list => list.split(',')).map(id => id.trim()).filter(id => id !== '');
  const unknown = disable.filter(id => findRule(id) === undefined);
  if (unknown.length > 0) throw new UsageError(`unknown rule id ${unknown.join(', ')} in --disable; known ids: ${RULES.map(r => r.id).join(', ')}`);
  if (disable.includes(apiInvalid.id)) {
    throw new UsageError(`${apiInvalid.id} cannot be disabled: a policy the API server would reject is left out of the analysis, and that must be said; fix the policy instead`);
  }
  return { paths: positionals, format, disable, failOn, input: readModelOptions(values), ingressControllers: ingressControllersOf(values) };
}
