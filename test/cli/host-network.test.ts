import * as path from 'node:path';
import { cli, SHOP } from './run-cli';
import { HostNetwork, NetworkAnalysis } from '../../src';

const HOSTNETWORK = path.join(__dirname, '..', 'fixtures', 'analysis', 'hostnetwork.yaml');

describe('--host-network on every analysing command', () => {
  test('reach: node by default; pod reads hostNetwork pods as ordinary pods', async () => {
    const node = await cli('reach', HOSTNETWORK);
    expect(node.stdout).toContain('h/agent[DaemonSet] => h/web[Deployment] : TCP 8080\n');
    expect((await cli('reach', HOSTNETWORK, '--host-network', 'node')).stdout).toBe(node.stdout);
    const pod = await cli('reach', HOSTNETWORK, '--host-network', 'pod');
    expect(pod.stdout).not.toContain('h/agent');
    expect(pod.stdout).toContain('0.0.0.0-255.255.255.255[External] => h/web[Deployment] : TCP 8080\n');
  });

  test('explain: exit 0 as node traffic, 1 as a pod isolated by deny-all', async () => {
    expect((await cli('explain', HOSTNETWORK, '--from', 'h/agent', '--to', 'h/web', '--port', '8080')).code).toBe(0);
    const pod = await cli('explain', HOSTNETWORK, '--from', 'h/agent', '--to', 'h/web', '--port', '8080', '--host-network', 'pod');
    expect(pod.code).toBe(1);
    expect(pod.stdout).toMatch(/^DENIED h\/agent\[DaemonSet\] => h\/web\[Deployment\]/);
  });

  test('diff reads both sides the same way; lint takes the option', async () => {
    const diff = await cli('diff', HOSTNETWORK, HOSTNETWORK, '--host-network', 'pod', '--fail-on-added');
    expect(diff.code).toBe(0);
    expect((await cli('lint', SHOP, '--host-network', 'pod')).code).toBe((await cli('lint', SHOP)).code);
  });

  test('an unknown mode is a usage error naming the modes', async () => {
    for (const args of [['explain', HOSTNETWORK, '--from', 'h/agent', '--to', 'h/web'], ['lint', HOSTNETWORK], ['diff', HOSTNETWORK, HOSTNETWORK]]) {
      const result = await cli(...args, '--host-network', 'nodes');
      expect([result.code, result.stderr.split('\n')[0]]).toEqual([2, `cdk8s-netpol: ${args[0]}: unknown --host-network mode 'nodes'; use one of node, pod`]);
    }
    const { code, stderr } = await cli('reach', HOSTNETWORK, '--host-network', 'nodes');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cdk8s-netpol: reach: unknown --host-network mode 'nodes'; use one of node, pod\n/);
    expect((await cli('reach', '--help')).stdout).toContain('--host-network <mode>');
  });
});

test('NetworkAnalysis: the hostNetwork option', () => {
  expect(NetworkAnalysis.fromFiles([HOSTNETWORK]).isAllowed('h/agent', 'h/web', '8080')).toBe(true);
  expect(NetworkAnalysis.fromFiles([HOSTNETWORK], { hostNetwork: HostNetwork.NODE }).isAllowed('h/agent', 'h/web', '8080')).toBe(true);
  expect(NetworkAnalysis.fromFiles([HOSTNETWORK], { hostNetwork: HostNetwork.POD }).isAllowed('h/agent', 'h/web', '8080')).toBe(false);
});
