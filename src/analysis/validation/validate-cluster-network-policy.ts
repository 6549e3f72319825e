/**
 * The one validator of cluster-scoped policies: `policy.networking.k8s.io` ClusterNetworkPolicy
 * (v1alpha2), and the older AdminNetworkPolicy and BaselineAdminNetworkPolicy (v1alpha1). It
 * mirrors their CRDs' schema and CEL rules (severity `rejected`), plus what the CRDs accept but
 * no implementation can mean (severity `trap`): docs/cluster-policies.md#what-the-api-server-refuses.
 *
 * Like `validateNetworkPolicy`, it works on the plain manifest and survives any shape: wrong
 * types are reported, never thrown.
 */
import { ADMIN_NETWORK_POLICY, BASELINE_ADMIN_NETWORK_POLICY, CLUSTER_DIALECTS, CLUSTER_NETWORK_POLICY, CLUSTER_POLICY_GROUP, ClusterDialect } from './cluster-dialects';
import { validateClusterPeers, validateClusterSubject } from './cluster-peers';
import { validateClusterPorts } from './cluster-ports';
import { expectBoundedList, expectIntegerIn, requireField } from './cluster-schema';
import { validateMetadata } from './metadata';
import { ValidationProblem } from './problem';
import { present, Report } from './report';

const DOCUMENT = '';
const MAX_RULE_NAME = 100;

/** Every problem in a ClusterNetworkPolicy manifest object, in document order; empty when it is valid. */
export function validateClusterNetworkPolicy(obj: unknown): ValidationProblem[] {
  return validateWith(CLUSTER_NETWORK_POLICY, obj);
}

/** Every problem in a v1alpha1 AdminNetworkPolicy manifest object. */
export function validateAdminNetworkPolicy(obj: unknown): ValidationProblem[] {
  return validateWith(ADMIN_NETWORK_POLICY, obj);
}

/** Every problem in a v1alpha1 BaselineAdminNetworkPolicy manifest object. */
export function validateBaselineAdminNetworkPolicy(obj: unknown): ValidationProblem[] {
  return validateWith(BASELINE_ADMIN_NETWORK_POLICY, obj);
}

/**
 * The kind of cluster-scoped policy `obj` is (by kind and API group, any version), or undefined.
 * Its problems are then those of `validateClusterScopedPolicy`.
 */
export function clusterPolicyKind(obj: unknown): ClusterDialect['kind'] | undefined {
  if (typeof obj !== 'object' || obj === null) return undefined;
  const { kind, apiVersion } = obj as Record<string, unknown>;
  const dialect = CLUSTER_DIALECTS.find(d => d.kind === kind);
  const inGroup = apiVersion === undefined || (typeof apiVersion === 'string' && apiVersion.startsWith(`${CLUSTER_POLICY_GROUP}/`));
  return dialect && inGroup ? dialect.kind : undefined;
}

/** The problems of any cluster-scoped policy kind (see `clusterPolicyKind`); empty for other objects. */
export function validateClusterScopedPolicy(obj: unknown): ValidationProblem[] {
  const kind = clusterPolicyKind(obj);
  const dialect = CLUSTER_DIALECTS.find(d => d.kind === kind);
  return dialect ? validateWith(dialect, obj) : [];
}

function validateWith(dialect: ClusterDialect, obj: unknown): ValidationProblem[] {
  const report = new Report();
  if (!report.expectObject(DOCUMENT, obj)) return report.problems;
  report.unknownFields(DOCUMENT, obj, ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  if (!dialect.apiVersions.includes(obj.apiVersion as string)) {
    const versions = dialect.apiVersions.join(' or ');
    report.reject('apiVersion', obj.apiVersion, `is not ${versions}, the version${dialect.apiVersions.length > 1 ? 's' : ''} that serve${dialect.apiVersions.length > 1 ? '' : 's'} ${dialect.kind}`,
      `set apiVersion: ${dialect.apiVersions[0]}`);
  }
  if (obj.kind !== dialect.kind) {
    report.reject('kind', obj.kind, `is not ${dialect.kind}`, `set kind: ${dialect.kind}`);
  }
  validateClusterMetadata(report, dialect, obj.metadata);
  if (requireField(report, 'spec', obj.spec, 'set spec') && report.expectObject('spec', obj.spec)) {
    validateSpec(report, dialect, obj.spec);
  }
  return report.problems;
}

/** The object's metadata, as any object's; the policy is cluster-scoped, and BANP a singleton. */
function validateClusterMetadata(report: Report, dialect: ClusterDialect, metadata: unknown): void {
  validateMetadata(report, metadata);
  if (typeof metadata !== 'object' || metadata === null) return;
  const { name, namespace } = metadata as Record<string, unknown>;
  if (dialect.requiredName !== undefined && present(name) && name !== dialect.requiredName) {
    report.reject('metadata.name', name, `is not '${dialect.requiredName}': there is one ${dialect.kind} in a cluster, and it must be named ${dialect.requiredName}`,
      `set metadata.name: ${dialect.requiredName}`);
  }
  if (present(namespace)) {
    // The API server drops the namespace of a cluster-scoped object: writing one suggests the policy is scoped to it.
    report.trap('metadata.namespace', namespace, `is set, but ${dialect.kind} is cluster-scoped: the API server drops it, and the policy applies to the pods its subject selects in every namespace`,
      'remove metadata.namespace, and select namespaces in spec.subject');
  }
}

function validateSpec(report: Report, dialect: ClusterDialect, spec: Record<string, unknown>): void {
  report.unknownFields('spec', spec, dialect.specFields);
  for (const name of dialect.requiredSpecFields) {
    requireField(report, `spec.${name}`, spec[name], requiredFix(name));
  }
  if (dialect.specFields.includes('tier') && present(spec.tier) && spec.tier !== 'Admin' && spec.tier !== 'Baseline') {
    report.reject('spec.tier', spec.tier, 'is not a tier', 'use Admin (before NetworkPolicy) or Baseline (after it)');
  }
  if (dialect.specFields.includes('priority') && present(spec.priority)) {
    expectIntegerIn(report, 'spec.priority', spec.priority, 0, 1000, 'use a priority from 0 (first) to 1000 (last)');
  }
  if (present(spec.subject)) validateClusterSubject(report, dialect, spec.subject);
  validateRules(report, dialect, 'ingress', spec.ingress);
  validateRules(report, dialect, 'egress', spec.egress);
}

function validateRules(report: Report, dialect: ClusterDialect, direction: 'ingress' | 'egress', rules: unknown): void {
  const field = `spec.${direction}`;
  if (!present(rules) || !expectBoundedList(report, field, rules, 0, dialect.maxRules, 'rules')) return;
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  rules.forEach((rule, i) => {
    const ruleField = `${field}[${i}]`;
    if (!report.expectObject(ruleField, rule)) return;
    report.unknownFields(ruleField, rule, ['name', 'action', peersKey, dialect.portsField]);
    validateRuleName(report, `${ruleField}.name`, rule.name);
    if (requireField(report, `${ruleField}.action`, rule.action, `set action: one of ${dialect.actions.join(', ')}`) && !dialect.actions.includes(rule.action as string)) {
      report.reject(`${ruleField}.action`, rule.action, `is not an action of ${dialect.kind}`, actionFix(dialect, rule.action));
    }
    const peers = validateClusterPeers(report, dialect, `${ruleField}.${peersKey}`, rule[peersKey], direction, rule.action);
    const named = validateClusterPorts(report, dialect, `${ruleField}.${dialect.portsField}`, rule[dialect.portsField]);
    if (named && peers.withoutNamedPorts) {
      // The CRD's CEL on the egress rule.
      report.reject(`${ruleField}.${dialect.portsField}`, dialect.namedPortField,
        'names a port in a rule with a networks, nodes or domainNames peer, which have no named ports',
        'use port numbers, or split the rule: the named port for the pod peers, numbers for the others');
    }
  });
}

function validateRuleName(report: Report, field: string, name: unknown): void {
  if (!present(name) || !report.expectString(field, name)) return;
  if (name.length > MAX_RULE_NAME) {
    report.reject(field, name, `is ${name.length} characters long, more than the ${MAX_RULE_NAME} a rule name may have`, `shorten it to at most ${MAX_RULE_NAME} characters`);
  }
}

function requiredFix(name: string): string {
  switch (name) {
    case 'tier': return 'set tier: Admin or Baseline';
    case 'priority': return 'set priority: 0 (first) to 1000 (last)';
    default: return 'set subject: namespaces or pods (namespaces: {} for every pod)';
  }
}

/** A v1alpha1 word in v1alpha2 (or back) is the usual slip: name the one meant. */
function actionFix(dialect: ClusterDialect, action: unknown): string {
  const other: Record<string, string> = { Allow: 'Accept', Accept: 'Allow' };
  const meant = typeof action === 'string' ? other[action] : undefined;
  if (meant && dialect.actions.includes(meant)) return `use ${meant} (${dialect.kind} calls it so)`;
  if (action === 'Pass' && dialect.kind === 'BaselineAdminNetworkPolicy') return 'use Allow or Deny: the baseline is the last tier, there is nothing to pass to';
  return `use one of ${dialect.actions.join(', ')}`;
}
