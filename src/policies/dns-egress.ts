import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DnsResolver } from './dns-resolver';
import { addNetworkPolicy, describe, NetworkPolicyOptions } from './network-policy';
import { PodSelector } from '../vocabulary/pod-selector';

/**
 * Props for `DnsEgress`.
 */
export interface DnsEgressProps extends NetworkPolicyOptions {
  /**
   * The pods that may resolve names.
   *
   * @default PodSelector.all() - every pod of the namespace
   */
  readonly pods?: PodSelector;

  /**
   * The DNS servers they may query. Use `DnsResolver.combine()` for several.
   *
   * @default DnsResolver.kubeDns()
   */
  readonly resolver?: DnsResolver;
}

/**
 * Allows DNS queries (UDP and TCP) from the selected pods to the cluster's resolver: what egress
 * isolation (`DefaultDeny`) otherwise breaks first. If `kube-system` has its own default deny, the
 * DNS pods need an ingress allow there too.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class DnsEgress extends Construct {
  /** The NetworkPolicy this construct writes. */
  public readonly apiObject: kplus.k8s.KubeNetworkPolicy;

  constructor(scope: Construct, id: string, props: DnsEgressProps = {}) {
    super(scope, id);
    this.apiObject = addNetworkPolicy(this, 'Resource', describe('DnsEgress', this), {
      name: props.name,
      namespace: props.namespace,
      pods: props.pods ?? PodSelector.all(),
      egress: (props.resolver ?? DnsResolver.kubeDns())._rules,
    });
  }
}
