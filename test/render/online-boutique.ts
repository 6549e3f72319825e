/**
 * The Online Boutique example beside what its cluster already runs (CoreDNS, ingress-nginx,
 * Prometheus), analysed once: the picture tests' real-sized input.
 */
import * as path from 'node:path';
import { Chart, Include, Testing } from 'cdk8s';
import { buildOnlineBoutique } from '../../examples/online-boutique/main';
import type { ClusterModel } from '../../src/analysis/model';
import { computeReachability } from '../../src/analysis/reachability';
import type { Reachability } from '../../src/analysis/results';
import { appManifests } from '../../src/chart-manifests';
import { modelOf } from '../../src/io';

export const CLUSTER_FILES = [
  path.join(__dirname, '../../examples/three-tier/cluster/existing.yaml'),
  path.join(__dirname, '../../examples/online-boutique/cluster/monitoring.yaml'),
];

/** The boutique's twelve workloads and the three the cluster runs, each in its own namespace and isolated by no policy. */
export const BOUTIQUE_WORKLOADS = 12;
export const CLUSTER_WORKLOADS = ['kube-system/coredns[Deployment]', 'ingress-nginx/ingress-nginx-controller[Deployment]', 'monitoring/prometheus-k8s[StatefulSet]'];

export function onlineBoutique(): { model: ClusterModel; reach: Reachability } {
  const app = Testing.app();
  buildOnlineBoutique(app);
  const cluster = new Chart(app, 'cluster');
  CLUSTER_FILES.forEach((url, i) => new Include(cluster, `existing-${i}`, { url }));
  const { model } = modelOf(appManifests(app).map((object, documentIndex) => ({ object, source: { documentIndex } })));
  return { model, reach: computeReachability(model) };
}
