import * as kplus28 from 'cdk8s-plus-28';
import * as kplus34 from 'cdk8s-plus-34';
import { Endpoint, Port, Protocol, Service, ServicePort } from '../../src';
import { errorOf, makeChart, synth } from '../policies/helpers';

const kube = (port: Port) => port._toKube();

describe('ServicePort', () => {
  test.each([
    ['tcp with a target', ServicePort.tcp(80, 8080), 80, { protocol: 'TCP', port: 8080 }],
    ['tcp without a target targets its own number', ServicePort.tcp(5432), 5432, { protocol: 'TCP', port: 5432 }],
    ['udp', ServicePort.udp(53, 5353), 53, { protocol: 'UDP', port: 5353 }],
    ['a named target port stays named, with its protocol', ServicePort.of({ port: 80, targetPortName: 'http' }), 80, { protocol: 'TCP', port: 'http' }],
    ['sctp', ServicePort.of({ port: 3868, protocol: Protocol.SCTP }), 3868, { protocol: 'SCTP', port: 3868 }],
  ])('%s', (_name, servicePort, port, target) => {
    expect(servicePort.port).toBe(port);
    expect(kube(servicePort.target)).toEqual(target);
  });

  test('refuses what no Service can hold', () => {
    expect(errorOf(() => ServicePort.tcp(0, 80))).toBe('ServicePort 0: \'port\' 0 is not a port number; use a whole number from 1 to 65535');
    expect(errorOf(() => ServicePort.tcp(80, 70000))).toBe('ServicePort 80: \'targetPort\' 70000 is not a port number; use a whole number from 1 to 65535');
    expect(errorOf(() => ServicePort.of({ port: 80, targetPort: 8080, targetPortName: 'http' })))
      .toBe('ServicePort 80: both \'targetPort\' (8080) and \'targetPortName\' (\'http\') are set, and a Service port forwards to one of them; keep the one the Service\'s manifest has');
    expect(errorOf(() => ServicePort.of({ port: 80, targetPortName: 'Http_Port' })))
      .toBe('ServicePort 80: \'targetPortName\' \'Http_Port\' is not a valid port name: it may hold only lower-case letters, digits and \'-\'; use the container port\'s name, e.g. http');
    expect(errorOf(() => ServicePort.of({ port: 80, name: 'HTTP' })))
      .toBe('ServicePort 80: \'name\' \'HTTP\' is not a DNS-1123 label (lower-case letters, digits and \'-\', starting and ending with a letter or digit); use the Service port\'s name, e.g. http');
  });
});

describe('Service', () => {
  const cart = Service.of({
    name: 'cart',
    namespace: 'shop',
    selector: { app: 'cart' },
    ports: [ServicePort.of({ name: 'http', port: 80, targetPort: 7070 }), ServicePort.of({ name: 'metrics', port: 9090, targetPortName: 'metrics' })],
  });

  test('of: the selector as pods, each Service port with its target', () => {
    expect(cart.pods._toKube()).toEqual({ matchLabels: { app: 'cart' } });
    expect([cart.name, cart.namespace]).toEqual(['cart', 'shop']);
    expect(cart.targetPorts.map(kube)).toEqual([{ protocol: 'TCP', port: 7070 }, { protocol: 'TCP', port: 'metrics' }]);
    expect(kube(cart.port(80).target)).toEqual({ protocol: 'TCP', port: 7070 });
    expect(kube(cart.portNamed('metrics').target)).toEqual({ protocol: 'TCP', port: 'metrics' });
  });

  test('an Endpoint of a Service carries target ports only, never Service ports', () => {
    expect(Endpoint.service(cart)._targetPorts!.map(kube)).toEqual([{ protocol: 'TCP', port: 7070 }, { protocol: 'TCP', port: 'metrics' }]);
    expect(Endpoint.service(cart, { ports: [80] })._targetPorts!.map(kube)).toEqual([{ protocol: 'TCP', port: 7070 }]);
    expect(Endpoint.service(cart, { portNames: ['metrics'] })._targetPorts!.map(kube)).toEqual([{ protocol: 'TCP', port: 'metrics' }]);
  });

  test('refuses ports it does not have, by number or name', () => {
    expect(errorOf(() => Endpoint.service(cart, { ports: [7070] })))
      .toBe('Service \'cart\' has no port 7070; its ports are http 80 → 7070/TCP, metrics 9090 → metrics/TCP');
    expect(errorOf(() => cart.portNamed('grpc')))
      .toBe('Service \'cart\' has no port named \'grpc\'; its ports are http 80 → 7070/TCP, metrics 9090 → metrics/TCP');
    expect(errorOf(() => Endpoint.service(cart, { ports: [] })))
      .toBe('Endpoint.service(cart): \'ports\' and \'portNames\' are empty; leave them out for every port of the Service, or name the ports');
  });

  test('refuses a Service without a selector, without ports, or with a port twice', () => {
    expect(errorOf(() => Service.of({ name: 'ext', selector: {}, ports: [ServicePort.tcp(80)] })))
      .toBe('Service \'ext\': the Service has no selector, so its backends are whatever Endpoints someone writes, which no pod selector matches; select its pods directly (Endpoint.pods) or its addresses (Peer.ipBlock)');
    expect(errorOf(() => Service.of({ name: 'x', selector: { app: 'x' }, ports: [] })))
      .toBe('Service \'x\': the Service has no ports; list its ports, e.g. ServicePort.tcp(80, 8080)');
    expect(errorOf(() => Service.of({ name: 'x', selector: { app: 'x' }, ports: [ServicePort.tcp(80, 1), ServicePort.tcp(80, 2)] })))
      .toBe('Service \'x\': port 80/TCP is listed twice (ports[0] and ports[1]); a Service has each port once');
    expect(errorOf(() => Service.of({ name: 'x', selector: { app: 'x' }, ports: [ServicePort.of({ name: 'a', port: 80 }), ServicePort.of({ name: 'a', port: 81 })] })))
      .toBe('Service \'x\': the port name \'a\' is used twice; a Service\'s port names are unique');
    expect(errorOf(() => Service.of({ name: 'Cart', selector: { app: 'x' }, ports: [ServicePort.tcp(80)] })))
      .toBe('Service: \'name\' \'Cart\' is not a DNS-1123 label (lower-case letters, digits and \'-\', starting and ending with a letter or digit); use the Service\'s metadata.name');
  });

  // Each version's classes are used only with each other; typed as 28's, which TypeScript cannot unite with 34's.
  const versions: [string, typeof kplus28][] = [['cdk8s-plus-28', kplus28], ['cdk8s-plus-34', kplus34 as unknown as typeof kplus28]];
  describe.each(versions)('fromKplus, %s', (_version, kplus) => {
    test('reads its selector, ports with their targets, name and namespace', () => {
      const chart = makeChart();
      const deployment = new kplus.Deployment(chart, 'cart', { containers: [{ image: 'registry.example/cart:1', portNumber: 7070 }] });
      const service = new kplus.Service(chart, 'cart-svc', {
        metadata: { name: 'cart', namespace: 'store' },
        selector: deployment,
        ports: [{ port: 80, targetPort: 7070, name: 'http' }, { port: 53, protocol: kplus.Protocol.UDP }],
      });
      const read = Service.fromKplus(service);
      expect([read.name, read.namespace]).toEqual(['cart', 'store']);
      // The Service's own manifest is the oracle for its selector.
      const manifest = synth(chart).find(o => o.kind === 'Service');
      expect(read.pods._toKube()).toEqual({ matchLabels: manifest.spec.selector });
      expect(read.pods._toKube()).toEqual(matchLabelsOf(deployment));
      expect(read.ports.map(p => [p.name, p.port, kube(p.target)])).toEqual([['http', 80, { protocol: 'TCP', port: 7070 }], [undefined, 53, { protocol: 'UDP', port: 53 }]]);
    });

    test('a generated name gives way to the construct id; the chart\'s namespace applies', () => {
      const chart = makeChart();
      const service = new kplus.Service(chart, 'search', { ports: [{ port: 80 }] });
      service.selectLabel('app', 'search');
      const read = Service.fromKplus(service);
      expect([read.name, read.namespace]).toEqual(['search', 'shop']);
    });

    test('refuses a Service without a selector', () => {
      const chart = makeChart();
      const service = new kplus.Service(chart, 'external', { ports: [{ port: 80 }] });
      expect(errorOf(() => Service.fromKplus(service)))
        .toBe('Service.fromKplus(test/external): the Service has no selector, so its backends are whatever Endpoints someone writes, which no pod selector matches; select its pods directly (Endpoint.pods) or its addresses (Peer.ipBlock)');
    });
  });
});

/** The selector cdk8s-plus' own Service takes from a workload: its matchLabels. */
function matchLabelsOf(workload: { matchLabels: { [key: string]: string } }) {
  return { matchLabels: workload.matchLabels };
}
