/**
 * Pattern · DenyCloudMetadata
 *
 * Pods of the namespace cannot reach the cloud's instance metadata service (169.254.169.254,
 * fd00:ec2::254), and everything else stays open. NetworkPolicy has no deny rule: this is an egress
 * policy that allows every pod and every address except those. It only restricts as long as no
 * other policy for the same pods allows the metadata address; with a default deny in place it
 * allows nearly everything, so use it where egress is otherwise open.
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { DenyCloudMetadata } from '../../src';

export function pattern(chart: Chart): void {
  new DenyCloudMetadata(chart, 'deny-cloud-metadata', { name: 'deny-cloud-metadata' });
}

export function demo(chart: Chart): void {
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'other/db', { app: 'db' });
}
