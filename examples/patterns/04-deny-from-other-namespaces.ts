/**
 * Recipe 04 · DENY all traffic from other namespaces
 *
 * Every pod of the namespace accepts traffic from the pods of its own namespace and from nothing
 * else: not other namespaces, not outside the cluster. `AllowSameNamespace` is this recipe.
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowSameNamespace } from '../../src';

export function pattern(chart: Chart): void {
  new AllowSameNamespace(chart, 'deny-from-other-namespaces', { name: 'deny-from-other-namespaces' });
}

export function demo(chart: Chart): void {
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'default/db', { app: 'db' });
  app(chart, 'other/foreign', { app: 'foreign' });
}
