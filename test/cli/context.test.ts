import { cli, SHOP } from './run-cli';

describe('--context on every analysing command', () => {
  test('reach: the preset\'s workload appears with the flows the input\'s policies allow it', async () => {
    const without = await cli('reach', SHOP);
    const withContext = await cli('reach', SHOP, '--context', 'ingress-nginx');
    expect(without.stdout).not.toContain('ingress-nginx/');
    expect(withContext.code).toBe(0);
    expect(withContext.stdout).toContain('ingress-nginx/ingress-nginx-controller[Deployment] => shop/web[Deployment] : TCP 443\n');
    // Repeated or comma-separated, the same context.
    expect((await cli('reach', SHOP, '--context', 'ingress-nginx,prometheus')).stdout)
      .toBe((await cli('reach', SHOP, '--context', 'ingress-nginx', '--context', 'prometheus')).stdout);
  });

  test('explain, lint and diff take it; diff adds it to both sides', async () => {
    const explained = await cli('explain', SHOP, '--from', 'monitoring/prometheus-k8s', '--to', 'shop/web', '--port', '443', '--context', 'prometheus');
    expect(explained.code).toBe(0);
    expect((await cli('lint', SHOP, '--context', 'coredns')).code).toBe((await cli('lint', SHOP)).code);
    // Had the context joined one side only, the flows of prometheus-k8s would be added.
    const diff = await cli('diff', SHOP, SHOP, '--context', 'prometheus', '--fail-on-added');
    expect([diff.code, diff.stdout]).toEqual([0, 'No connectivity changes.\n']);
  });

  test('an unknown preset is a usage error listing the presets (exit 2)', async () => {
    for (const args of [['reach', SHOP], ['explain', SHOP, '--from', 'shop/web', '--to', 'shop/api'], ['lint', SHOP], ['diff', SHOP, SHOP]]) {
      const { code, stderr } = await cli(...args, '--context', 'coredns,nginx');
      expect([code, stderr.split('\n')[0]]).toEqual([2, `cdk8s-netpol: ${args[0]}: --context: unknown cluster context preset 'nginx'; use one of coredns, kube-dns, eks-coredns, aks-coredns, openshift-dns, nodelocal-dns, ingress-nginx, openshift-ingress, traefik, prometheus`]);
    }
    expect((await cli('reach', '--help')).stdout).toContain('--context <presets>');
  });
});
