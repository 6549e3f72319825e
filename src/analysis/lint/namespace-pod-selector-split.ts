/**
 * Rule 2: `- namespaceSelector: …` and `- podSelector: …` as the two peers of one rule mean
 * "any pod in those namespaces OR those pods here" (docs/semantics.md §2, AND versus OR); almost
 * always one peer with both selectors (AND) was meant. The YAML differs by one dash.
 */
import type { Direction, PeerSpec, Policy } from '../model';
import { describeSelector, selectsAll } from '../selector';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { peersKey, policyFinding, rulesField } from './wording';

const ID = 'namespace-pod-selector-split';

export const namespacePodSelectorSplit: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'A rule\'s two peers are a namespaceSelector-only and a podSelector-only peer, where one peer with both (AND) was likely meant.',
  docUrl: ruleDocUrl(ID),
  check: model => model.policies.flatMap(policy => [
    ...checkRules(policy, 'Ingress'),
    ...checkRules(policy, 'Egress'),
  ]),
};

function checkRules(policy: Policy, direction: Direction): Finding[] {
  const rules = direction === 'Ingress' ? policy.ingress : policy.egress;
  const findings: Finding[] = [];
  rules.forEach((rule, ruleIndex) => {
    const peers = rule.peers ?? [];
    // Exactly the two halves of one peer: with more peers (the docs' ipBlock OR namespaces OR pods example), OR is the point.
    if (peers.length !== 2) return;
    const nsOnly = peers.findIndex(isNamespaceOnly);
    // A podSelector `{}` peer ANDed with a namespace selector changes nothing, so only a real pod selector is a likely split.
    const podOnly = peers.findIndex(p => isPodOnly(p) && !selectsAll(p.podSelector!));
    if (nsOnly < 0 || podOnly < 0) return;
    const key = `${rulesField(direction)}[${ruleIndex}].${peersKey(direction)}`;
    const ns = describeSelector(peers[nsOnly].namespaceSelector!);
    const pods = describeSelector(peers[podOnly].podSelector!);
    findings.push(policyFinding(namespacePodSelectorSplit, policy, key,
      `[${nsOnly}] selects every pod in namespaces ${ns} and [${podOnly}] selects pods ${pods} in ${policy.namespace} (two peers: OR)`,
      `if you meant pods ${pods} in namespaces ${ns}, put both selectors in one peer (delete the '-' before podSelector)`));
  });
  return findings;
}

function isNamespaceOnly(peer: PeerSpec): boolean {
  return peer.namespaceSelector !== undefined && peer.podSelector === undefined && peer.ipBlock === undefined;
}

function isPodOnly(peer: PeerSpec): boolean {
  return peer.podSelector !== undefined && peer.namespaceSelector === undefined && peer.ipBlock === undefined;
}
