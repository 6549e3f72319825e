/**
 * Pattern · AllowEgressExceptCloudMetadata
 *
 * Where egress is otherwise open, pods of the namespace keep it open to everything but the
 * cloud's instance metadata service (169.254.169.254, fd00:ec2::254). NetworkPolicy has no deny
 * rule: this is an egress policy that allows every pod and every address except those, so it is
 * an allowance, not a restriction. On pods another policy egress-isolates (a default deny) it
 * would open the whole internet to them, and the synth-time lint refuses that
 * (`egress-to-everywhere-on-isolated`): there, block the metadata service with a
 * ClusterNetworkPolicy `Deny`, or allow only what the pods need (`AllowInternetEgress`).
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowEgressExceptCloudMetadata } from '../../src';

export function pattern(chart: Chart): void {
  new AllowEgressExceptCloudMetadata(chart, 'egress-except-metadata', { name: 'allow-egress-except-cloud-metadata' });
}

export function demo(chart: Chart): void {
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'other/db', { app: 'db' });
}
