/**
 * The cluster model: what the analyzer knows about a set of manifests.
 *
 * Plain data over plain manifest objects; no cdk8s dependency. Built by `buildModel`
 * (model-builder.ts) from parsed documents, read by reachability, explain and lint.
 */

/** The protocols NetworkPolicy defines. */
export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];

/** Where a document came from, so findings and errors can point at it. */
export interface SourceLocation {
  /** File path as given by the user; undefined for in-memory objects (e.g. a chart). */
  readonly file?: string;
  /** 0-based index of the document in a multi-document file, or of the object in a list. */
  readonly documentIndex: number;
  /** 1-based line of the document's first line, when known. */
  readonly line?: number;
}

/** A parsed manifest document and where it came from. */
export interface ManifestDocument {
  readonly object: unknown;
  readonly source: SourceLocation;
}

export type Labels = Readonly<Record<string, string>>;

/** Kubernetes `metav1.LabelSelector`, as written in manifests. */
export interface LabelSelectorSpec {
  readonly matchLabels?: Labels;
  readonly matchExpressions?: readonly LabelSelectorRequirementSpec[];
}

/** One entry of `matchExpressions`. */
export interface LabelSelectorRequirementSpec {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values?: readonly string[];
}

export interface IpBlockSpec {
  readonly cidr: string;
  readonly except?: readonly string[];
}

/** One entry of `from` / `to`, as written. */
export interface PeerSpec {
  readonly podSelector?: LabelSelectorSpec;
  readonly namespaceSelector?: LabelSelectorSpec;
  readonly ipBlock?: IpBlockSpec;
}

/** One entry of `ports`, after server-side defaulting (protocol filled in). */
export interface PortSpec {
  readonly protocol: Protocol;
  /** Number, name, or undefined = every port of the protocol. */
  readonly port?: number | string;
  readonly endPort?: number;
}

/** One ingress or egress rule after defaulting. `undefined` lists mean "all" (Kubernetes' reading). */
export interface RuleSpec {
  /** `from` (ingress) or `to` (egress); undefined when missing or empty = every peer, external included. */
  readonly peers?: readonly PeerSpec[];
  /** undefined when missing or empty = every protocol and port. */
  readonly ports?: readonly PortSpec[];
}

export type Direction = 'Ingress' | 'Egress';

export interface Namespace {
  readonly name: string;
  /** Always includes `kubernetes.io/metadata.name: <name>`. */
  readonly labels: Labels;
  readonly source?: SourceLocation;
}

export interface NamedContainerPort {
  readonly name: string;
  readonly port: number;
  readonly protocol: Protocol;
}

/** A peer of the analysis: one workload (its pods share a template), or a bare Pod. */
export interface Workload {
  readonly namespace: string;
  readonly name: string;
  /** Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController. */
  readonly kind: string;
  readonly podLabels: Labels;
  readonly namedPorts: readonly NamedContainerPort[];
  /** hostNetwork pods are node traffic: pod selectors do not select them. */
  readonly hostNetwork: boolean;
  readonly source?: SourceLocation;
}

/** A NetworkPolicy after Kubernetes' defaulting. */
export interface Policy {
  readonly namespace: string;
  readonly name: string;
  readonly podSelector: LabelSelectorSpec;
  /** Effective policyTypes after defaulting (Ingress always unless given; Egress when egress is non-empty), deduplicated. */
  readonly policyTypes: readonly Direction[];
  /** Rules as written (even for a direction not in policyTypes; reachability ignores those, lint reports them). */
  readonly ingress: readonly RuleSpec[];
  readonly egress: readonly RuleSpec[];
  /** The object as written, for lint rules that look at the raw form (e.g. `egress: []`, duplicate policyTypes). */
  readonly raw: unknown;
  readonly source?: SourceLocation;
}

/** The tier of a cluster-scoped policy (docs/cluster-network-policy.md): Admin runs before NetworkPolicy, Baseline after. */
export type ClusterTier = 'Admin' | 'Baseline';

/** What a cluster policy rule does with the traffic it matches; v1alpha1 `Allow` is read as `Accept`. */
export type ClusterAction = 'Accept' | 'Deny' | 'Pass';

/**
 * The pods a cluster policy applies to: `subject.namespaces` is every pod of the selected
 * namespaces (`podSelector` undefined), `subject.pods` its two selectors.
 */
export interface ClusterPodsSpec {
  readonly namespaceSelector: LabelSelectorSpec;
  /** undefined = every pod of the selected namespaces. */
  readonly podSelector?: LabelSelectorSpec;
}

/** One entry of a cluster policy rule's `from` / `to`, as written (exactly one field set). */
export interface ClusterPeerSpec {
  /** `namespaces` and `pods` peers, read as pods in namespaces (like the subject). */
  readonly pods?: ClusterPodsSpec;
  /** Egress only: CIDRs, which match external addresses and pod IPs alike. */
  readonly networks?: readonly string[];
  /** Egress only, experimental channel: nodes by their labels. */
  readonly nodes?: LabelSelectorSpec;
  /** Egress only, experimental channel, Accept only: DNS names. */
  readonly domainNames?: readonly string[];
  /**
   * No field this reader knows (a newer CRD's peer): fails closed, as the API says: its Accept
   * rule matches nothing, its Deny or Pass rule denies everything (cluster-evaluation.ts).
   */
  readonly unknown?: boolean;
}

/** One entry of a cluster policy rule's `protocols` (v1alpha1: `ports`). */
export interface ClusterPortSpec {
  /** undefined for a named port: its protocol is the container port's. */
  readonly protocol?: Protocol;
  /** First port; undefined with a protocol = every port of it. */
  readonly port?: number;
  /** Last port of a range (inclusive). */
  readonly endPort?: number;
  /** `destinationNamedPort` (v1alpha1 `namedPort`): resolved on the destination pod's container ports. */
  readonly namedPort?: string;
}

/** One ingress or egress rule of a cluster policy, in its written order. */
export interface ClusterRuleSpec {
  /** The rule's `name`, when written. */
  readonly name?: string;
  readonly action: ClusterAction;
  readonly peers: readonly ClusterPeerSpec[];
  /** undefined when missing = every protocol and port. */
  readonly ports?: readonly ClusterPortSpec[];
}

/**
 * A `policy.networking.k8s.io` ClusterNetworkPolicy (v1alpha2), or a v1alpha1
 * AdminNetworkPolicy (tier Admin) / BaselineAdminNetworkPolicy (tier Baseline, priority 0)
 * read into the same shape.
 */
export interface ClusterPolicy {
  readonly kind: 'ClusterNetworkPolicy' | 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy';
  readonly name: string;
  readonly tier: ClusterTier;
  /** 0–1000, lower first within the tier. */
  readonly priority: number;
  readonly subject: ClusterPodsSpec;
  readonly ingress: readonly ClusterRuleSpec[];
  readonly egress: readonly ClusterRuleSpec[];
  /** The object as written, for lint rules that look at the raw form. */
  readonly raw: unknown;
  readonly source?: SourceLocation;
}

/** An object the model did not use (unknown kind, CRD, Service…), reported in verbose mode. */
export interface IgnoredObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly source?: SourceLocation;
}

export interface ClusterModel {
  readonly namespaces: readonly Namespace[];
  readonly workloads: readonly Workload[];
  readonly policies: readonly Policy[];
  /** Cluster-scoped policies (Admin and Baseline tiers), in input order; undefined = none. */
  readonly clusterPolicies?: readonly ClusterPolicy[];
  readonly ignored: readonly IgnoredObject[];
  /**
   * What the input says that the cluster would read differently from a plain reading, each
   * formatted with its place (`file:line: ...`): an object written twice (the last one stands),
   * an API version the server no longer serves (left out). For the CLI to print on stderr.
   */
  readonly warnings: readonly string[];
  /** The documents read, for lint rules that need what the model leaves out (Services, unnamed container ports, annotations). */
  readonly documents?: readonly ManifestDocument[];
}

/** A workload as named in output: `ns/name[Kind]`. */
export function workloadId(w: Pick<Workload, 'namespace' | 'name' | 'kind'>): string {
  return `${w.namespace}/${w.name}[${w.kind}]`;
}
