import { api, dns, internet, reach } from './fixtures';
import { focusOn, renderReach } from '../../src/render';

test('focus keeps the flows into and out of one endpoint, in order', () => {
  expect(renderReach(focusOn(reach, api), 'txt')).toBe([
    'shop/api[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
    'shop/web[Deployment] => shop/api[Deployment] : TCP 8080-8090',
    '',
  ].join('\n'));
  expect(focusOn(reach, dns).flows.map(f => f.src)).toEqual([api, reach.flows[3].src]);
  expect(focusOn(reach, internet).flows).toEqual([reach.flows[0]]);
});
