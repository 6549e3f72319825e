/**
 * The three cluster-scoped policy kinds differ in names and limits, not in structure: one
 * validator walks all of them with the table of its kind (docs/cluster-policies.md#what-the-api-server-refuses).
 *
 * Sources: network-policy-api v0.2.0 `config/crd/experimental/policy.networking.k8s.io_clusternetworkpolicies.yaml`
 * (v1alpha2) and v0.1.x `config/crd/{standard,experimental}/policy.networking.k8s.io_{admin,baselineadmin}networkpolicies.yaml`
 * (v1alpha1).
 */

export const CLUSTER_POLICY_GROUP = 'policy.networking.k8s.io';

/** What differs between ClusterNetworkPolicy, AdminNetworkPolicy and BaselineAdminNetworkPolicy. */
export interface ClusterDialect {
  readonly kind: 'ClusterNetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
  /** The versions its CRD serves, the one this library writes first. */
  readonly apiVersions: readonly string[];
  /** The fields of `spec`, in the CRD's `required` first. */
  readonly specFields: readonly string[];
  readonly requiredSpecFields: readonly string[];
  /** The rule actions the CRD's enum allows. */
  readonly actions: readonly string[];
  /** The action that lets traffic through (`Accept`, v1alpha1 `Allow`): `domainNames` is for it only. */
  readonly acceptAction: string;
  /** MaxItems of `ingress`/`egress`, of `from`/`to`, and of the port list. */
  readonly maxRules: number;
  readonly maxPeers: number;
  readonly maxPorts: number;
  /** The port list's field: `protocols` (v1alpha2) or `ports` (v1alpha1). */
  readonly portsField: 'protocols' | 'ports';
  /** The port entry's named-port field, which no `networks`/`nodes`/`domainNames` peer can have. */
  readonly namedPortField: 'destinationNamedPort' | 'namedPort';
  /** Peer fields an egress rule's `to` takes besides `namespaces` and `pods`. */
  readonly egressOnlyPeers: readonly string[];
  /** v1alpha1 requires `namespaceSelector` in a `pods` subject or peer; v1alpha2 defaults it to every namespace. */
  readonly podsNeedNamespaceSelector: boolean;
  /** BaselineAdminNetworkPolicy is a singleton: its CEL requires this name. */
  readonly requiredName?: string;
}

export const CLUSTER_NETWORK_POLICY: ClusterDialect = {
  kind: 'ClusterNetworkPolicy',
  // v1beta1 is v1alpha2 renamed ("no API changes"): upstream's apis/v1beta1.
  apiVersions: [`${CLUSTER_POLICY_GROUP}/v1alpha2`, `${CLUSTER_POLICY_GROUP}/v1beta1`],
  specFields: ['tier', 'priority', 'subject', 'ingress', 'egress'],
  requiredSpecFields: ['tier', 'priority', 'subject'],
  actions: ['Accept', 'Deny', 'Pass'],
  acceptAction: 'Accept',
  maxRules: 25,
  maxPeers: 25,
  maxPorts: 25,
  portsField: 'protocols',
  namedPortField: 'destinationNamedPort',
  // nodes and domainNames are in the experimental channel's CRD only.
  egressOnlyPeers: ['networks', 'nodes', 'domainNames'],
  podsNeedNamespaceSelector: false,
};

export const ADMIN_NETWORK_POLICY: ClusterDialect = {
  kind: 'AdminNetworkPolicy',
  apiVersions: [`${CLUSTER_POLICY_GROUP}/v1alpha1`],
  specFields: ['priority', 'subject', 'ingress', 'egress'],
  requiredSpecFields: ['priority', 'subject'],
  actions: ['Allow', 'Deny', 'Pass'],
  acceptAction: 'Allow',
  maxRules: 100,
  maxPeers: 100,
  maxPorts: 100,
  portsField: 'ports',
  namedPortField: 'namedPort',
  egressOnlyPeers: ['networks', 'nodes', 'domainNames'],
  podsNeedNamespaceSelector: true,
};

export const BASELINE_ADMIN_NETWORK_POLICY: ClusterDialect = {
  ...ADMIN_NETWORK_POLICY,
  kind: 'BaselineAdminNetworkPolicy',
  specFields: ['subject', 'ingress', 'egress'],
  requiredSpecFields: ['subject'],
  actions: ['Allow', 'Deny'],
  egressOnlyPeers: ['networks', 'nodes'],
  requiredName: 'default',
};

export const CLUSTER_DIALECTS: readonly ClusterDialect[] = [CLUSTER_NETWORK_POLICY, ADMIN_NETWORK_POLICY, BASELINE_ADMIN_NETWORK_POLICY];
