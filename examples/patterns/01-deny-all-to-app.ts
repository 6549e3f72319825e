/**
 * Recipe 01 · DENY all traffic to an application
 *
 * Pods labelled `app=web` accept nothing: a policy selecting them with no ingress rules. Their
 * egress is left alone (`egress: false`), as in the recipe.
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { DefaultDeny, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  new DefaultDeny(chart, 'web-deny-all', {
    name: 'web-deny-all',
    pods: PodSelector.labels({ app: 'web' }),
    egress: false,
  });
}

export function demo(chart: Chart): void {
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'default/client', { app: 'client' });
}
