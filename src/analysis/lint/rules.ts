/** Every lint rule, in the order of the issue that introduced them, then later ones (docs/rules/ has a page per id). */
import { allowAllCancelsDeny } from './allow-all-cancels-deny';
import { apiInvalid } from './api-invalid';
import { cidrSuspicious } from './cidr-suspicious';
import { dnsEgressMissing } from './dns-egress-missing';
import { egressToEverywhereOnIsolated } from './egress-to-everywhere-on-isolated';
import { emptyPeerList } from './empty-peer-list';
import type { LintRule } from './finding';
import { namedPortNotDeclared } from './named-port-not-declared';
import { namespacePodSelectorSplit } from './namespace-pod-selector-split';
import { namespaceSelectorUnknownLabel } from './namespace-selector-unknown-label';
import { oneSidedConnection } from './one-sided-connection';
import { policySelectsNothing } from './policy-selects-nothing';
import { policyTypesMismatch } from './policy-types-mismatch';
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
];

export function findRule(id: string): LintRule | undefined {
  return RULES.find(rule => rule.id === id);
}
