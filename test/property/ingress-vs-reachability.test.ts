/**
 * Ingress paths judge the controller like any pod: on random clusters and random policies, what
 * `analyseIngressPaths` lets a controller open to a backend equals what `computeReachability`
 * allows from a real Pod with the controller's namespace and labels to that backend, on the
 * backend's target ports.
 */
import fc from 'fast-check';
import { ANONYMOUS_CONTROLLER, INGRESS_CONTROLLER_PROFILES, type IngressController } from '../../src/analysis/ingress-controller';
import { analyseIngressPaths } from '../../src/analysis/ingress-paths';
import { workloadId } from '../../src/analysis/model';
import { computeReachability } from '../../src/analysis/reachability';
import { endpointId } from '../../src/analysis/results';
import { modelOf } from '../../src/io';
import { clusterArbitrary, clusterManifests } from '../support/cluster';
import { policyManifestsArbitrary } from '../support/policy-manifests';
import { propertySettings } from '../support/property-settings';

const NUM_RUNS = 300;
const CONTROLLERS: readonly IngressController[] = [ANONYMOUS_CONTROLLER, ...Object.values(INGRESS_CONTROLLER_PROFILES)];

/** The controller as the input would hold it: its Namespace (with the profile's labels) and one Pod. */
function controllerManifests(c: IngressController): object[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: c.namespace, labels: c.namespaceLabels } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'controller', namespace: c.namespace, labels: c.podLabels }, spec: { containers: [{ name: 'c', image: 'x' }] } },
  ];
}

test('a controller reaches a backend on exactly what reachability allows its Pod, on the target ports', () => {
  fc.assert(fc.property(clusterArbitrary({ hostNetwork: false }), policyManifestsArbitrary, (cluster, policies) => {
    // One Service and Ingress per labelled workload, to its `http` port by name.
    const routed = cluster.workloads.filter(w => Object.keys(w.labels).length > 0);
    const ingress = routed.flatMap(w => [
      { apiVersion: 'v1', kind: 'Service', metadata: { name: w.name, namespace: w.namespace }, spec: { selector: w.labels, ports: [{ port: 80, targetPort: 'http' }] } },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: w.name, namespace: w.namespace },
        spec: { defaultBackend: { service: { name: w.name, port: { number: 80 } } } },
      },
    ]);
    const manifests = [...clusterManifests(cluster), ...policies, ...ingress, ...CONTROLLERS.flatMap(controllerManifests)];
    const model = modelOf(manifests.map((object, documentIndex) => ({ object, source: { documentIndex } }))).model;
    const flows = new Map(computeReachability(model).flows.map(f => [`${endpointId(f.src)} => ${endpointId(f.dst)}`, f.conns]));
    for (const path of analyseIngressPaths(model, CONTROLLERS).paths) {
      const pod = `${path.controller.namespace}/controller[Pod]`;
      const allowedToPod = flows.get(`${pod} => ${workloadId(path.workload)}`);
      const expected = allowedToPod === undefined ? 'No Connections' : allowedToPod.intersect(path.wanted).toString();
      expect(`${path.controller.name} => ${workloadId(path.workload)}: ${path.allowed}`).toBe(`${path.controller.name} => ${workloadId(path.workload)}: ${expected}`);
    }
  }), propertySettings(NUM_RUNS));
});
