/** `cdk8s-netpol reach` with Ingress/Route objects: np-guard's `{…}` lines in every tabular format, warnings on stderr. */
import * as path from 'node:path';
import { cli, SHOP } from '../cli/run-cli';

const DEMO = path.join(__dirname, '..', 'fixtures', 'np-guard', 'demo_app_with_routes_and_ingress');
const LINES = [
  '{ingress-controller} => helloworld/hello-world[Deployment] : TCP 8000',
  '{ingress-controller} => ingressworld/ingress-world[Deployment] : TCP 8090',
  '{ingress-controller} => routeworld/route-world[Deployment] : TCP 8060',
];

test('txt: the ingress lines come after every other line, as in np-guard', async () => {
  const { code, stdout, stderr } = await cli('reach', DEMO);
  expect([code, stderr]).toEqual([0, '']);
  expect(stdout.trimEnd().split('\n').slice(-3)).toEqual(LINES);
  expect(stdout.split('\n').filter(l => l.startsWith('{'))).toHaveLength(3);
});

test('json, csv and md carry the same rows', async () => {
  const json = JSON.parse((await cli('reach', DEMO, '-o', 'json')).stdout) as { src: string; dst: string; conn: string }[];
  expect(json.slice(-1)).toEqual([{ src: '{ingress-controller}', dst: 'routeworld/route-world[Deployment]', conn: 'TCP 8060' }]);
  expect((await cli('reach', DEMO, '-o', 'csv')).stdout).toContain('{ingress-controller},routeworld/route-world[Deployment],TCP 8060\n');
  expect((await cli('reach', DEMO, '-o', 'md')).stdout).toContain('| {ingress-controller} | routeworld/route-world[Deployment] | TCP 8060 |\n');
});

test('--ingress-controller, repeated: one set of lines per controller', async () => {
  const { stdout } = await cli('reach', DEMO, '--ingress-controller', 'ingress-nginx', '--ingress-controller', 'edge/app=router');
  expect(stdout.split('\n').filter(l => l.startsWith('{'))).toEqual([
    ...LINES.map(l => l.replace('{ingress-controller}', '{edge}')),
    ...LINES.map(l => l.replace('{ingress-controller}', '{ingress-nginx}')),
  ]);
});

test('--focus keeps the ingress lines into the focused workload', async () => {
  const { stdout } = await cli('reach', DEMO, '--focus', 'routeworld/route-world');
  expect(stdout.split('\n').filter(l => l.startsWith('{'))).toEqual([LINES[2]]);
});

test('an unknown controller is a usage error (exit 2) naming the accepted forms', async () => {
  const { code, stderr } = await cli('reach', DEMO, '--ingress-controller', 'nginx');
  expect(code).toBe(2);
  expect(stderr).toContain("--ingress-controller: unknown ingress controller 'nginx'; use ingress-nginx, openshift, traefik or <namespace>/<key=value,...>");
});

test('an input without Ingress, Route or HTTPRoute: no ingress line', async () => {
  const { stdout } = await cli('reach', SHOP);
  expect(stdout).not.toContain('{');
});

test('the usage text documents the option', async () => {
  const { stdout } = await cli('reach', '--help');
  expect(stdout).toContain('--ingress-controller <c>');
});

test('a backend that resolves to nothing: a warning on stderr with its place, and the rest printed', async () => {
  const file = path.join(__dirname, '..', 'fixtures', 'cli', 'ingress-warnings', 'ingress.yaml');
  const { code, stdout, stderr } = await cli('reach', file);
  expect([code, stdout]).toEqual([0, '']);
  expect(stderr).toBe(`cdk8s-netpol: ${file}:2: Ingress shop/shop: backend Service shop/web is not in the input; no ingress path to it (add the Service, or fix the name)\n`);
});

test('a backend the policies block: no line, and a warning naming the object, the workload, the controller and the ports', async () => {
  const file = path.join(__dirname, '..', 'fixtures', 'lint', 'ingress-backend-blocked', 'bad.yaml');
  const { code, stdout, stderr } = await cli('reach', file);
  expect(code).toBe(0);
  expect(stdout).not.toContain('{');
  expect(stderr).toBe(`cdk8s-netpol: ${file}:34: Ingress shop/shop sends to shop/web[Deployment], but the policies block {ingress-controller} on TCP 8080 (see lint rule ingress-backend-blocked)\n`);
});
