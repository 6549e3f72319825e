/**
 * Objects the analysis does not model (unknown kinds, CRDs, Services, a Calico NetworkPolicy):
 * ignored, never an error, and listed with --verbose so a misspelt kind is not silently lost.
 */
import { runCli } from '../support/cli';
import { DEPLOYMENT } from '../support/manifests';
import { useTempDir } from '../support/temp-dir';

const temp = useTempDir();

const OTHERS = [
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\n',
  'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n',
  'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: gadget\n  namespace: shop\nspec:\n  anything: [1, 2]\n',
  'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: calico\nspec:\n  selector: all()\n',
  'apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: typo\n  namespace: shop\n',
];

test('ignored without --verbose: the same answer as without them, nothing on stderr', async () => {
  const alone = await runCli('reach', temp.file('alone.yaml', DEPLOYMENT));
  const file = temp.file('mixed.yaml', [DEPLOYMENT, ...OTHERS].join('---\n'));
  expect(await runCli('reach', file)).toEqual({ code: 0, stdout: alone.stdout, stderr: '' });
});

test.each([
  ['reach', []],
  ['explain', ['--from', 'shop/web', '--to', '8.8.8.8']],
])('%s --verbose lists each ignored object with its file, line, kind and name', async (command, options) => {
  const file = temp.file('mixed.yaml', [DEPLOYMENT, ...OTHERS].join('---\n'));
  const result = await runCli(command, file, '--verbose', ...options);
  expect(result.code).toBe(0);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toEqual([
    expect.stringMatching(/^cdk8s-netpol: .*mixed\.yaml:16: ignored v1 Service web: not a workload, Namespace or NetworkPolicy$/),
    expect.stringMatching(/mixed\.yaml:22: ignored apiextensions\.k8s\.io\/v1 CustomResourceDefinition widgets\.example\.com: /),
    expect.stringMatching(/mixed\.yaml:27: ignored example\.com\/v1 Widget gadget: /),
    expect.stringMatching(/mixed\.yaml:35: ignored projectcalico\.org\/v3 NetworkPolicy calico: /),
    expect.stringMatching(/mixed\.yaml:42: ignored apps\/v1 Deploymnet typo: /),
  ]);
});
