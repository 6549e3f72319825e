/**
 * Rule 9: ipBlocks that do not say what they seem to. Non-canonical CIDRs such as `10.0.0.1/8`
 * (ambiguous, refused from Kubernetes 1.36, docs/semantics.md §1.5) are reported in the shared
 * validator's words; the CLI's loader already stops on those, so here they matter for input
 * that did not pass through it. On top of that: the whole address space (`0.0.0.0/0`, `::/0`)
 * allowed into a pod that looks like a database is almost never intended.
 */
import type { Policy, RuleSpec } from '../model';
import { workloadId } from '../model';
import { describeLabels } from '../selector';
import type { LintContext } from './context';
import { representativeLabels } from './context';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { policyFinding, problemFinding } from './wording';

const ID = 'cidr-suspicious';
const EVERYWHERE = ['0.0.0.0/0', '::/0'];
const DATABASE_WORDS = /(^|[^a-z])(db|database|postgres|postgresql|mysql|mariadb|mongo|mongodb|redis|cassandra|elasticsearch|etcd|couchdb|memcached)([^a-z]|$)/i;
const DATABASE_PORTS = [5432, 3306, 27017, 6379, 9042, 9200, 2379, 11211];

export const cidrSuspicious: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'A non-canonical ipBlock CIDR, or the whole address space allowed into a database-like pod.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => model.policies.flatMap(policy => [
    ...context.specProblems(policy).filter(p => p.field.includes('.ipBlock')).map(p => problemFinding(cidrSuspicious, policy, p)),
    ...openDatabaseFindings(context, policy),
  ]),
};

function openDatabaseFindings(context: LintContext, policy: Policy): Finding[] {
  if (!policy.policyTypes.includes('Ingress')) return [];
  return policy.ingress.flatMap((rule, ruleIndex) => (rule.peers ?? []).flatMap((peer, peerIndex) => {
    if (peer.ipBlock === undefined || !EVERYWHERE.includes(peer.ipBlock.cidr)) return [];
    const target = databaseLike(context, policy, rule);
    if (target === undefined) return [];
    return [policyFinding(cidrSuspicious, policy, `spec.ingress[${ruleIndex}].from[${peerIndex}].ipBlock.cidr`,
      `${peer.ipBlock.cidr} admits every address outside the cluster into database-like pods (${target})`,
      'allow only the clients that need the database (their pods, or a narrow CIDR such as the office or VPN range)')];
  }));
}

/** Why the rule's targets look like a database, or undefined. */
function databaseLike(context: LintContext, policy: Policy, rule: RuleSpec): string | undefined {
  const port = (rule.ports ?? []).find(p => typeof p.port === 'number' && DATABASE_PORTS.includes(p.port));
  if (port) return `port ${port.port}`;
  const workloads = context.selectedWorkloads(policy);
  if (workloads.length === 0) {
    const labels = describeLabels(representativeLabels(policy.podSelector));
    return DATABASE_WORDS.test(labels) ? labels : undefined;
  }
  const database = workloads.find(w => DATABASE_WORDS.test(`${w.name} ${describeLabels(w.podLabels)} ${w.namedPorts.map(p => p.name).join(' ')}`));
  return database && workloadId(database);
}
