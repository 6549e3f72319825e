/**
 * Which `DnsResolver` an imported policy's egress rules are: a preset whose rules the library
 * renders exactly as the rules read, or none (the policy is then not a `DnsEgress`).
 */
import { stringLiteral } from './typescript-literals';
import { type Code, codeList } from './vocabulary-code';
import type { IpBlockSpec, RuleSpec } from '../analysis/model';
import { hostCidr } from '../analysis/validation/cidr';
import { DnsResolver } from '../policies/dns-resolver';
import type { PolicyRule } from '../policies/network-policy';
import type { Peer } from '../vocabulary/peer';
import type { Port } from '../vocabulary/port';

/** The NodeLocal DNSCache address `DnsResolver.nodeLocal()` defaults to. */
const NODE_LOCAL_DEFAULT_IP = '169.254.20.10';
const RESOLVER = 'DnsResolver';

/** One imported rule: as read, and as the vocabulary writes it (`peers` undefined: every peer). */
export interface ImportedRule {
  readonly spec: RuleSpec;
  readonly peers?: readonly Code<Peer>[];
  readonly ports?: readonly Code<Port>[];
}

/**
 * The resolver whose rules render exactly as `rules` do, in order (several rules: `combine`), as
 * code; `code` is undefined for `DnsResolver.kubeDns()` alone, which `DnsEgress` takes by default.
 * Undefined when no resolver writes these rules.
 */
export function resolverFor(rules: readonly ImportedRule[], policyNamespace: string | undefined): { readonly code?: string } | undefined {
  if (rules.length === 0) return undefined;
  const found: Code<DnsResolver>[] = [];
  for (const rule of rules) {
    const wanted = render([{ peers: rule.peers?.map(p => p.value), ports: rule.ports?.map(p => p.value) }], policyNamespace);
    const match = candidates(rule).find(candidate => render(candidate.value._rules, policyNamespace) === wanted);
    if (match === undefined) return undefined;
    found.push(match);
  }
  if (found.length === 1 && found[0].text === `${RESOLVER}.kubeDns()`) return {};
  return { code: found.length === 1 ? found[0].text : `${RESOLVER}.combine(${found.map(f => f.text).join(', ')})` };
}

/** The presets this rule could be: the fixed ones, and those made from its own peers. */
function candidates(rule: ImportedRule): Code<DnsResolver>[] {
  const presets: Code<DnsResolver>[] = [
    { text: `${RESOLVER}.kubeDns()`, value: DnsResolver.kubeDns() },
    { text: `${RESOLVER}.openShift()`, value: DnsResolver.openShift() },
    { text: `${RESOLVER}.anyDestination()`, value: DnsResolver.anyDestination() },
  ];
  const nodeLocal = nodeLocalCandidate(rule.spec);
  if (nodeLocal) presets.push(nodeLocal);
  // Other servers on port 53 only: a rule on other ports is not read as DNS, whatever it reaches.
  if (rule.peers && rule.spec.ports?.every(port => port.port === 53)) {
    presets.push({ text: `${RESOLVER}.custom(${codeList(rule.peers)})`, value: DnsResolver.custom(rule.peers.map(p => p.value)) });
  }
  return presets;
}

/** `DnsResolver.nodeLocal(...)` when the rule's peers are one or two single addresses. */
function nodeLocalCandidate(spec: RuleSpec): Code<DnsResolver> | undefined {
  const blocks = spec.peers?.map(peer => peer.ipBlock);
  if (!blocks || blocks.length === 0 || blocks.length > 2 || !blocks.every(isSingleAddress)) return undefined;
  const [ip, clusterIp] = (blocks as IpBlockSpec[]).map(block => block.cidr.split('/')[0]);
  const options = [
    ...ip !== NODE_LOCAL_DEFAULT_IP || clusterIp !== undefined ? [`ip: ${stringLiteral(ip)}`] : [],
    ...clusterIp !== undefined ? [`clusterIp: ${stringLiteral(clusterIp)}`] : [],
  ];
  return {
    text: `${RESOLVER}.nodeLocal(${options.length > 0 ? `{ ${options.join(', ')} }` : ''})`,
    value: DnsResolver.nodeLocal({ ip, clusterIp }),
  };
}

function isSingleAddress(block: IpBlockSpec | undefined): boolean {
  if (block === undefined || (block.except ?? []).length > 0) return false;
  return hostCidr(block.cidr.split('/')[0]) === block.cidr;
}

/** Rules as the builder renders them (network-policy.ts), as text to compare. */
function render(rules: readonly PolicyRule[], policyNamespace: string | undefined): string {
  return JSON.stringify(rules.map(rule => ({
    peers: rule.peers === undefined || rule.peers.some(peer => peer._isAnywhere) ? null : rule.peers.map(peer => peer._toKube({ policyNamespace })),
    ports: rule.ports === undefined || rule.ports.length === 0 ? null : rule.ports.map(port => port._toKube()),
  })));
}
