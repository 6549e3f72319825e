import { PolicyContext } from '../../src/analysis/evaluation';
import type { ClusterModel, Labels, NamedContainerPort, Workload } from '../../src/analysis/model';
import { workloadClasses } from '../../src/analysis/workload-classes';

function workload(name: string, podLabels: Labels, namedPorts: NamedContainerPort[] = [], hostNetwork = false, namespace = 'shop'): Workload {
  return { namespace, name, kind: 'Deployment', podLabels, namedPorts, hostNetwork };
}

/** The workload names of each class, in class order. */
function classesOf(...workloads: Workload[]): string[][] {
  const model: ClusterModel = { namespaces: [], workloads, policies: [], ignored: [], warnings: [] };
  return workloadClasses(model, new PolicyContext(model)).map(c => c.workloads.map(w => w.name));
}

const http = (port: number): NamedContainerPort => ({ name: 'http', port, protocol: 'TCP' });
const metrics: NamedContainerPort = { name: 'metrics', port: 9090, protocol: 'TCP' };

describe('workloadClasses: workloads no policy can tell apart', () => {
  test('the same labels and named ports in any order are one class', () => {
    expect(classesOf(
      workload('a', { app: 'web', tier: 'front' }, [http(80), metrics]),
      workload('b', { tier: 'front', app: 'web' }, [metrics, http(80)]),
    )).toEqual([['a', 'b']]);
  });

  test('anything a policy can see tells them apart', () => {
    expect(classesOf(
      workload('base', { app: 'web' }, [http(80)]),
      workload('other-namespace', { app: 'web' }, [http(80)], false, 'other'),
      workload('other-value', { app: 'api' }, [http(80)]),
      workload('more-labels', { app: 'web', tier: 'front' }, [http(80)]),
      workload('other-port', { app: 'web' }, [http(8080)]),
      workload('no-port', { app: 'web' }),
      workload('host-network', { app: 'web' }, [http(80)], true),
    )).toEqual([['base'], ['other-namespace'], ['other-value'], ['more-labels'], ['other-port'], ['no-port'], ['host-network']]);
  });

  test('labels whose texts run together differently are different classes', () => {
    expect(classesOf(
      workload('a', { ab: 'c' }),
      workload('b', { a: 'bc' }),
      workload('c', { a: '1:b' }),
      workload('d', { a: '1', b: '' }),
    )).toEqual([['a'], ['b'], ['c'], ['d']]);
  });
});
