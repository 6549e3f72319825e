/** Every lint rule, in the order of the issue that introduced them, then later ones (docs/rules/ has a page per id). */
import { allowAllCancelsDeny } from './allow-all-cancels-deny';
import { apiInvalid } from './api-invalid';
import { cidrSuspicious } from './cidr-suspicious';
import { clusterBaselineDenyOverridden } from './cluster-baseline-deny-overridden';
import { clusterEqualPriorityOverlap } from './cluster-equal-priority-overlap';
import { clusterNetworksCatchPods } from './cluster-networks-catch-pods';
import { clusterPassInBaseline } from './cluster-pass-in-baseline';
import { clusterRuleShadowed } from './cluster-rule-shadowed';
import { dnsEgressMissing } from './dns-egress-missing';
import { egressToEverywhereOnIsolated } from './egress-to-everywhere-on-isolated';
import { emptyPeerList } from './empty-peer-list';
import type { LintRule } from './finding';
import { ingressBackendBlocked } from './ingress-backend-blocked';
import { namedPortNotDeclared } from './named-port-not-declared';
import { namespaceNameTypo } from './namespace-name-typo';
import { namespacePodSelectorSplit } from './namespace-pod-selector-split';
import { namespaceSelectorUnknownLabel } from './namespace-selector-unknown-label';
import { oneSidedConnection } from './one-sided-connection';
import { peerSelectsNothing } from './peer-selects-nothing';
import { policyInWrongNamespace } from './policy-in-wrong-namespace';
import { policySelectsNothing } from './policy-selects-nothing';
import { policyTypesMismatch } from './policy-types-mismatch';
import { portNotServed } from './port-not-served';
import { servicePortNotTargetPort } from './service-port-not-target-port';
import { unprotectedWorkload } from './unprotected-workload';

export const RULES: readonly LintRule[] = [
  dnsEgressMissing,
  namespacePodSelectorSplit,
  allowAllCancelsDeny,
  namedPortNotDeclared,
  policySelectsNothing,
  oneSidedConnection,
  namespaceSelectorUnknownLabel,
  policyTypesMismatch,
  cidrSuspicious,
  unprotectedWorkload,
  emptyPeerList,
  apiInvalid,
  egressToEverywhereOnIsolated,
  servicePortNotTargetPort,
  namespaceNameTypo,
  peerSelectsNothing,
  portNotServed,
  policyInWrongNamespace,
  // Cluster policies (#22).
  clusterRuleShadowed,
  clusterEqualPriorityOverlap,
  clusterPassInBaseline,
  clusterNetworksCatchPods,
  clusterBaselineDenyOverridden,
  // Ingress paths (#23).
  ingressBackendBlocked,
];

export function findRule(id: string): LintRule | undefined {
  return RULES.find(rule => rule.id === id);
}
