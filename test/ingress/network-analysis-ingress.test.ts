/** The jsii facade: ingress flows in `flows()` and `render()` as in `reach`, and `ingressFlows(controller)`. */
import * as path from 'node:path';
import { NetworkAnalysis, ReachFormat } from '../../src';

const DEMO = path.join(__dirname, '..', 'fixtures', 'np-guard', 'demo_app_with_routes_and_ingress');
const NGINX_ONLY = path.join(__dirname, '..', 'fixtures', 'lint', 'ingress-backend-blocked', 'fixed.yaml');

test('flows() and render() carry np-guard\'s {ingress-controller} rows, as reach does', () => {
  const analysis = NetworkAnalysis.fromFiles([DEMO]);
  expect(analysis.flows().filter(f => f.src.startsWith('{'))).toEqual([
    { src: '{ingress-controller}', dst: 'helloworld/hello-world[Deployment]', conn: 'TCP 8000' },
    { src: '{ingress-controller}', dst: 'ingressworld/ingress-world[Deployment]', conn: 'TCP 8090' },
    { src: '{ingress-controller}', dst: 'routeworld/route-world[Deployment]', conn: 'TCP 8060' },
  ]);
  expect(analysis.render(ReachFormat.TXT)).toContain('{ingress-controller} => routeworld/route-world[Deployment] : TCP 8060\n');
});

test('ingressFlows(controller): a policy admitting only the ingress-nginx namespace is open for that profile, closed for np-guard\'s controller', () => {
  const analysis = NetworkAnalysis.fromFiles([NGINX_ONLY]);
  expect(analysis.ingressFlows()).toEqual([]);
  expect(analysis.ingressFlows('ingress-nginx')).toEqual([{ src: '{ingress-nginx}', dst: 'shop/web[Deployment]', conn: 'TCP 8080' }]);
  expect(analysis.ingressFlows('edge/app=router')).toEqual([]);
});

test('an unknown controller is refused with the accepted forms', () => {
  expect(() => NetworkAnalysis.fromFiles([DEMO]).ingressFlows('nginx')).toThrow(/unknown ingress controller 'nginx'; use ingress-nginx, openshift, traefik or/);
});
