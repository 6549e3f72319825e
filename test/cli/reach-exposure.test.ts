/** `cdk8s-netpol reach --exposure`: the options around the np-guard formats (test/render/np-guard-exposure.test.ts). */
import * as path from 'node:path';
import { cli } from './run-cli';

const ESTATES = path.join(__dirname, '..', 'fixtures', 'np-guard-exposure');
const POD_SELECTOR = path.join(ESTATES, 'exposure_test_conn_with_only_pod_selector');
const TENANTS = path.join(__dirname, '..', 'fixtures', 'cluster', 'tenants.yaml');
const TWO_WORKLOADS = path.join(ESTATES, 'exposure_test_conn_to_new_pod_in_an_existing_ns');

test('--explain-exposure names the rule behind each line, and says when no policy protects', async () => {
  const { code, stdout } = await cli('reach', POD_SELECTOR, '--exposure', '--explain-exposure');
  expect(code).toBe(0);
  const lines = stdout.split('\n');
  expect(lines).toContain('hello-world/workload-a[Deployment] \t<= \thello-world/[pod with {role=monitoring}] : TCP 8050'
    + ' \t(NetworkPolicy hello-world/allow-ingress-with-pod-selector ingress rule #1)');
  expect(lines).toContain('hello-world/workload-a[Deployment] \t=> \tentire-cluster : All Connections \t(no NetworkPolicy selects it for Egress)');
  expect(lines).toContain('hello-world/workload-a[Deployment] \t=> \t0.0.0.0-255.255.255.255[External] : All Connections \t(as in the connection list)');
});

test('--explain-exposure adds an explanation field in json and a column in md', async () => {
  const json = JSON.parse((await cli('reach', POD_SELECTOR, '--exposure', '--explain-exposure', '-o', 'json')).stdout);
  expect(json.exposure_results.ingress_exposure).toEqual([{
    src: 'hello-world/[pod with {role=monitoring}]',
    dst: 'hello-world/workload-a[Deployment]',
    conn: 'TCP 8050',
    explanation: 'NetworkPolicy hello-world/allow-ingress-with-pod-selector ingress rule #1',
  }]);
  const md = (await cli('reach', POD_SELECTOR, '--exposure', '--explain-exposure', '-o', 'md')).stdout;
  expect(md).toContain('| dst | src | conn | explanation |\n');
});

test('--focus narrows the exposure to one workload', async () => {
  const { code, stdout } = await cli('reach', TWO_WORKLOADS, '--exposure', '--focus', 'hello-world/workload-a');
  expect(code).toBe(0);
  expect(stdout.slice(stdout.indexOf('Exposure'))).toBe([
    'Exposure Analysis Result:',
    'Egress Exposure:',
    'hello-world/workload-a[Deployment] \t=> \tentire-cluster : All Connections',
    '',
    'Ingress Exposure:',
    'hello-world/workload-a[Deployment] \t<= \tbackend/[pod with {app=backend-new}] : TCP 8050',
    '',
  ].join('\n'));
});

test('usage mistakes exit 2 with the fix', async () => {
  const dot = await cli('reach', POD_SELECTOR, '--exposure', '-o', 'dot');
  expect(dot.code).toBe(2);
  expect(dot.stderr).toContain("--exposure prints as txt, json, csv, md, not 'dot'");
  const alone = await cli('reach', POD_SELECTOR, '--explain-exposure');
  expect(alone.code).toBe(2);
  expect(alone.stderr).toContain('add --exposure');
});

test('without --exposure, reach prints the connection list only', async () => {
  const { stdout } = await cli('reach', POD_SELECTOR);
  expect(stdout).not.toContain('Exposure');
});

test('cluster-scoped policies in the input: a warning that the exposure leaves them out', async () => {
  const { code, stdout, stderr } = await cli('reach', TENANTS, '--exposure');
  expect(code).toBe(0);
  expect(stdout).toContain('Exposure Analysis Result:');
  expect(stderr).toContain('cdk8s-netpol: --exposure reads NetworkPolicies only: the 2 cluster-scoped policies of the input'
    + ' (ClusterNetworkPolicy, AdminNetworkPolicy) are left out of the exposure section (docs/exposure.md)\n');
});
