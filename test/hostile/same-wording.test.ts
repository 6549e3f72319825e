/**
 * An API-invalid manifest read by the command is reported in the very words the constructs
 * throw for the same mistake: both go through the one shared validator.
 */
import { App, Chart } from 'cdk8s';
import { AllowFrom, LabelExpression, Peer, PodSelector, Port } from '../../src';
import { formatProblem } from '../../src/analysis/validation/problem';
import { validateNetworkPolicy } from '../../src/analysis/validation/validate-network-policy';
import { expectRefusal, runCli } from '../support/cli';
import { networkPolicy } from '../support/manifests';
import { useTempDir } from '../support/temp-dir';

const temp = useTempDir();

/** What an AllowFrom of `app: web` pods with these peers, ports and pods says when it refuses them, without its construct path. */
function constructProblem(from: Peer[], ports?: Port[], pods = PodSelector.labels({ app: 'web' })): string {
  const chart = new Chart(new App(), 'test', { namespace: 'shop' });
  try {
    new AllowFrom(chart, 'allow', { pods, from, ports });
  } catch (e) {
    return (e as Error).message.replace(/^AllowFrom test\/allow: /, '');
  }
  throw new Error('expected AllowFrom to refuse');
}

/** The command's one-line refusal of a policy with this spec. */
async function commandProblem(spec: string): Promise<string> {
  const file = temp.file('policy.yaml', networkPolicy(spec));
  const line = expectRefusal(await runCli('reach', file), file);
  return line.slice(line.indexOf('would be rejected by the API server: ') + 'would be rejected by the API server: '.length);
}

const rule = (peer: string, ports = '') => `  podSelector:\n    matchLabels: {app: web}\n  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - ${peer}\n${ports}`;

test('port 0', async () => {
  expect(await commandProblem(rule('podSelector: {}', '    ports:\n    - {protocol: TCP, port: 0}\n')))
    .toBe(constructProblem([Peer.pods(PodSelector.all())], [Port.tcp(0)]));
});

test('a CIDR with bits set beyond its prefix', async () => {
  expect(await commandProblem(rule('ipBlock: {cidr: 10.0.0.1/8}'))).toBe(constructProblem([Peer.ipBlock('10.0.0.1/8')]));
});

test('a CIDR that is no CIDR', async () => {
  expect(await commandProblem(rule('ipBlock: {cidr: 10.0.0.0}'))).toBe(constructProblem([Peer.ipBlock('10.0.0.0')]));
});

test('an except outside the cidr', async () => {
  expect(await commandProblem(rule('ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16]}')))
    .toBe(constructProblem([Peer.ipBlock('10.0.0.0/8', ['192.168.0.0/16'])]));
});

test('a selector expression without values', async () => {
  const spec = '  podSelector:\n    matchExpressions: [{key: app, operator: In, values: []}]\n  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - podSelector: {}\n';
  expect(await commandProblem(spec)).toBe(constructProblem([Peer.pods(PodSelector.all())], undefined, PodSelector.of({ expressions: [LabelExpression.in('app', [])] })));
});

test('a bad selector operator (the constructs cannot write one): the shared validator\'s words', async () => {
  const spec = '  podSelector:\n    matchExpressions: [{key: app, operator: Gt, values: ["1"]}]\n';
  const [problem] = validateNetworkPolicy({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { podSelector: { matchExpressions: [{ key: 'app', operator: 'Gt', values: ['1'] }] } },
  });
  expect(await commandProblem(spec)).toBe(formatProblem(problem));
});
