import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { DnsResolver } from './dns-resolver';
import { mergeRules, RuleEdge } from './merge-rules';
import { addNetworkPolicy, describe, PolicyDefinition, PolicyRule, refuseEmpty, rewritePolicy, ValidatedNetworkPolicy } from './network-policy';
import { podsIdentities } from './pods-identities';
import { dns1123LabelProblem } from '../analysis/validation/dns-1123';
import { Endpoint } from '../vocabulary/endpoint';
import { Peer } from '../vocabulary/peer';
import { describeNamespace, PodSelector } from '../vocabulary/pod-selector';
import { Port } from '../vocabulary/port';
import { serviceOfPods } from '../vocabulary/service-pods';

/**
 * Props for `ConnectionGraph`.
 */
export interface ConnectionGraphProps {
  /**
   * The prefix of every policy name: the policy of member `cart` is `<name>-cart`. A DNS-1123 label.
   *
   * @default - the construct id
   */
  readonly name?: string;

  /**
   * The namespace of members given as pod selectors (and of Services without one). A workload's
   * pods are in the workload's namespace.
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /**
   * Whether every member may resolve names (DNS egress as `DnsEgress` writes it).
   *
   * @default true
   */
  readonly dns?: boolean;

  /**
   * Where the members send DNS queries.
   *
   * @default DnsResolver.kubeDns()
   */
  readonly resolver?: DnsResolver;
}

/** A member: pods of one namespace, with a name, the rules of its one policy, and that policy. */
interface Member {
  /** What identifies its pods (see `podsIdentities`): every endpoint with one of them is this member. */
  readonly keys: string[];
  readonly name: string;
  readonly namespace: string | undefined;
  readonly pods: PodSelector;
  /** `pods` as written. */
  readonly selector: string;
  readonly ingress: RuleEdge[];
  readonly egress: RuleEdge[];
  policy?: ValidatedNetworkPolicy;
}

/** One rule to add to a member's policy. */
interface Addition {
  readonly member: Member;
  readonly direction: 'ingress' | 'egress';
  readonly edge: RuleEdge;
}

/**
 * A whole application's connections, stated once: who calls whom, on which ports, and what comes
 * from or goes to outside. Both ends of every connection between members are written.
 *
 * Every endpoint named in a call is a member. Every member is isolated in both directions and
 * allowed exactly its declared connections, the declared outside peers and DNS; nothing else in or
 * out. Each member has one NetworkPolicy, `<name>-<member>` in the member's namespace, holding all
 * its rules (merged where that allows exactly the same: rules with the same peer share ports, rules
 * with the same ports share peers). The policies are rewritten, validated, as connections are added.
 *
 * A member's name is what the endpoint was named, else a workload's or Service's name (the construct
 * id when cdk8s generated the name), or the value of the selector's only label (or of its
 * `app.kubernetes.io/name`, `app` or `k8s-app` label). Endpoints that select the same pods in the
 * same namespace are one member, named as it was first.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class ConnectionGraph extends Construct {
  private readonly where: string;
  private readonly prefix: string;
  private readonly namespace: string | undefined;
  private readonly dnsRules: readonly PolicyRule[];
  /** The members, in the order they joined. */
  private readonly members = new Set<Member>();
  /** Members by each of their `keys`. */
  private readonly byKey = new Map<string, Member>();
  /** Members by namespace and name. */
  private readonly byName = new Map<string, Member>();

  constructor(scope: Construct, id: string, props: ConnectionGraphProps = {}) {
    super(scope, id);
    this.where = describe('ConnectionGraph', this);
    this.prefix = props.name ?? id;
    const prefixProblem = dns1123LabelProblem(this.prefix);
    if (prefixProblem) {
      const field = props.name === undefined ? `the construct id '${id}', the default 'name',` : `'name' '${this.prefix}'`;
      throw new Error(`${this.where}: ${field} ${prefixProblem}, and it starts every policy name; set 'name' to a short lower-case name such as shop`);
    }
    this.namespace = props.namespace ?? Chart.of(this).namespace;
    if (props.dns === false && props.resolver !== undefined) {
      throw new Error(`${this.where}: 'resolver' is set while 'dns' is false, so the members may not resolve names at all; leave 'resolver' out, or 'dns'`);
    }
    this.dnsRules = props.dns === false ? [] : (props.resolver ?? DnsResolver.kubeDns())._rules;
  }

  /** The NetworkPolicies the graph writes, one per member, in the order the members joined. */
  public get apiObjects(): ValidatedNetworkPolicy[] {
    return [...this.members].map(member => member.policy!);
  }

  /**
   * `from` may connect to `to` (both pods of the graph's namespace, or workloads).
   *
   * @param ports the ports on `to`'s pods; every port of every protocol when not given
   */
  public allow(from: PodSelector, to: PodSelector, ports?: Port[]): void {
    this.connect(Endpoint.pods(from), Endpoint.pods(to), ports);
  }

  /**
   * `peer`, outside the graph, may connect to `to` (pods of the graph's namespace, or a workload).
   * Only `to`'s side is written: the peer's own egress, if isolated, is not the graph's.
   *
   * @param ports the ports on `to`'s pods; every port of every protocol when not given
   */
  public allowFrom(peer: Peer, to: PodSelector, ports?: Port[]): void {
    this.connectFrom(peer, Endpoint.pods(to), ports);
  }

  /**
   * `from` (pods of the graph's namespace, or a workload) may connect to `peer`, outside the graph.
   *
   * @param ports the ports on the peer; every port of every protocol when not given
   */
  public allowTo(from: PodSelector, peer: Peer, ports?: Port[]): void {
    this.connectTo(Endpoint.pods(from), peer, ports);
  }

  /**
   * `from` may connect to `to`: `to` lets `from` in, `from` lets itself out.
   *
   * @param ports the ports on `to`'s pods; every port of every protocol when not given. Not
   * allowed when `to` is a Service: its target ports are used (choose them in `Endpoint.service`).
   */
  public connect(from: Endpoint, to: Endpoint, ports?: Port[]): void {
    const call = `connect(${from._description} → ${to._description})`;
    const allowed = this.portsTo(call, from, to, ports);
    const source = this.member(call, from);
    const destination = this.member(call, to, source);
    if (source === destination) {
      throw new Error(`${this.where}: ${call}: both ends are member '${source.name}' (the same pods in ${describeNamespace(source.namespace)}); if its pods call each other, use connectSelf`);
    }
    this.commit([
      { member: source, direction: 'egress', edge: this.edgeTo(call, destination, source, allowed) },
      { member: destination, direction: 'ingress', edge: this.edgeTo(call, source, destination, allowed) },
    ]);
  }

  /**
   * `peer`, outside the graph, may connect to `to`. Only `to`'s side is written.
   *
   * @param ports the ports on `to`'s pods; every port of every protocol when not given (a
   * Service's target ports for a Service)
   */
  public connectFrom(peer: Peer, to: Endpoint, ports?: Port[]): void {
    const call = `connectFrom(peer → ${to._description})`;
    const allowed = this.portsTo(call, undefined, to, ports);
    const destination = this.member(call, to);
    this.commit([{ member: destination, direction: 'ingress', edge: this.outsideEdge(call, peer, destination, allowed) }]);
  }

  /**
   * `from` may connect to `peer`, outside the graph. Only `from`'s side is written.
   *
   * @param ports the ports on the peer; every port of every protocol when not given
   */
  public connectTo(from: Endpoint, peer: Peer, ports?: Port[]): void {
    const call = `connectTo(${from._description} → peer)`;
    this.portsTo(call, from, undefined, ports);
    const source = this.member(call, from);
    this.commit([{ member: source, direction: 'egress', edge: this.outsideEdge(call, peer, source, ports) }]);
  }

  /**
   * The member's pods may connect to each other (a cluster's peers, a replicated cache).
   *
   * @param ports the ports; every port of every protocol when not given (a Service's target ports for a Service)
   */
  public connectSelf(member: Endpoint, ports?: Port[]): void {
    const call = `connectSelf(${member._description})`;
    const allowed = this.portsTo(call, undefined, member, ports);
    const self = this.member(call, member);
    this.commit([
      { member: self, direction: 'egress', edge: this.edgeTo(call, self, self, allowed) },
      { member: self, direction: 'ingress', edge: this.edgeTo(call, self, self, allowed) },
    ]);
  }

  /**
   * A member with no connections yet: isolated both ways, DNS only (a batch job that talks to no one).
   */
  public addMember(member: Endpoint): void {
    this.commit([], [this.member(`addMember(${member._description})`, member)]);
  }

  /** The ports a connection to `to` allows, or undefined for every port; refuses what cannot be meant. */
  private portsTo(call: string, from: Endpoint | undefined, to: Endpoint | undefined, ports: Port[] | undefined): Port[] | undefined {
    refuseEmpty(`${this.where}: ${call}`, 'ports', ports, 'every port of every protocol', 'leave \'ports\' out if that is what you mean');
    if (from?._portsChosen) {
      throw new Error(`${this.where}: ${call}: Service ports are chosen on the sending side, where they mean nothing (a connection uses the receiver's ports); choose them on the receiving Service`);
    }
    const targets = to?._targetPorts;
    if (targets !== undefined && ports !== undefined) {
      throw new Error(`${this.where}: ${call}: 'ports' is given, but ${to!._description} forwards to its target ports, which are what a policy must allow; leave 'ports' out, and choose the Service ports in Endpoint.service(service, { ports: [...] }) if not all of them`);
    }
    if (to !== undefined && ports !== undefined) refuseServicePorts(`${this.where}: ${call}`, to._pods, ports);
    return targets ?? ports;
  }

  /**
   * The member an endpoint is, existing or new (joined by `commit`).
   *
   * @param pending a new member of the same call, not yet joined
   */
  private member(call: string, endpoint: Endpoint, pending?: Member): Member {
    const at = `${this.where}: ${call}`;
    let selector: string;
    let name: string;
    try {
      selector = JSON.stringify(endpoint._pods._toKube());
      name = endpoint._name;
    } catch (e) {
      throw new Error(`${at}: ${(e as Error).message}`);
    }
    const namespace = endpoint._namespace(this.namespace);
    const keys = podsIdentities(namespace, endpoint._pods, selector);
    const known = keys.map(key => this.byKey.get(key)).find(member => member !== undefined)
      ?? (pending && keys.some(key => pending.keys.includes(key)) ? pending : undefined);
    if (known) {
      if (endpoint._namedByUser && known.name !== name) {
        throw new Error(`${at}: member '${name}' selects the same pods as member '${known.name}' (${known.selector} in ${describeNamespace(namespace)}), and one set of pods has one policy; use the name '${known.name}', or select other pods`);
      }
      // What else identifies the same pods (a workload's selector, its Service's) finds this member from now on.
      for (const key of keys.filter(k => !known.keys.includes(k) && !this.byKey.has(k))) {
        known.keys.push(key);
        if (this.members.has(known)) this.byKey.set(key, known);
      }
      return known;
    }
    const nameProblem = dns1123LabelProblem(name);
    if (nameProblem) {
      throw new Error(`${at}: the member name '${name}' (of ${endpoint._description}) ${nameProblem}; name it: Endpoint.workload(w, { name: 'cart' }) or Endpoint.pods(selector, { name: 'cart' })`);
    }
    const sameName = this.byName.get(`${namespace ?? ''}\n${name}`) ?? (pending?.name === name && pending.namespace === namespace ? pending : undefined);
    if (sameName) {
      throw new Error(`${at}: the member name '${name}' in ${describeNamespace(namespace)} is already that of other pods (${sameName.selector}), while ${endpoint._description} selects ${selector}; give one of them another name: Endpoint.pods(selector, { name: '...' })`);
    }
    return { keys, name, namespace, pods: endpoint._pods, selector, ingress: [], egress: [] };
  }

  /** The rule `member`'s policy gets for a connection with member `other`. */
  private edgeTo(call: string, other: Member, member: Member, ports: Port[] | undefined): RuleEdge {
    if (other.namespace !== member.namespace && (other.namespace === undefined || member.namespace === undefined)) {
      const unknown = other.namespace === undefined ? other : member;
      throw new Error(`${this.where}: ${call}: member '${unknown.name}' has no namespace while member '${(unknown === other ? member : other).name}' is in another, so neither end can name the other's namespace; set the graph's 'namespace' (or its chart's), or the endpoint's`);
    }
    const peer = other.namespace === member.namespace ? Peer.pods(other.pods) : Peer.podsInNamespace(other.namespace!, other.pods);
    return { peer, peerText: this.peerText(call, peer, member), ports };
  }

  /** The rule `member`'s policy gets for a connection with `peer`, outside the graph; refuses a peer that is a member. */
  private outsideEdge(call: string, peer: Peer, member: Member, ports: Port[] | undefined): RuleEdge {
    const peerText = this.peerText(call, peer, member);
    for (const other of [...this.members, member]) {
      if (this.peerTexts(call, other, member).includes(peerText)) {
        const fix = other === member ? 'use connectSelf if its pods call each other' : `use allow/connect between '${other.name}' and '${member.name}', which writes both ends`;
        throw new Error(`${this.where}: ${call}: 'peer' is member '${other.name}' of this graph, whose own policy would not allow this connection; ${fix}`);
      }
    }
    return { peer, peerText, ports };
  }

  /** The ways `member`'s policy can write member `other` as a peer (by pods alone only in its own namespace). */
  private peerTexts(call: string, other: Member, member: Member): string[] {
    const texts: string[] = [];
    if (other.namespace === member.namespace) texts.push(this.peerText(call, Peer.pods(other.pods), member));
    if (other.namespace !== undefined) texts.push(this.peerText(call, Peer.podsInNamespace(other.namespace, other.pods), member));
    return texts;
  }

  /** The peer as `member`'s policy writes it: rules with the same text have the same peer. */
  private peerText(call: string, peer: Peer, member: Member): string {
    try {
      return JSON.stringify(peer._toKube({ policyNamespace: member.namespace }) ?? 'anywhere');
    } catch (e) {
      throw new Error(`${this.where}: ${call}: ${(e as Error).message}`);
    }
  }

  /**
   * Adds the rules to their members' policies (and new members to the graph), each policy written
   * again and validated. On any error, every member and policy is as before the call.
   */
  private commit(additions: Addition[], extra: Member[] = []): void {
    const touched = [...new Set([...additions.map(a => a.member), ...extra])];
    const before = touched.map(member => ({
      member, ingress: member.ingress.length, egress: member.egress.length, joined: this.members.has(member),
    }));
    for (const { member, direction, edge } of additions) member[direction].push(edge);
    for (const member of touched) this.join(member);
    try {
      for (const member of touched) this.write(member);
    } catch (e) {
      for (const { member, ingress, egress, joined } of before) {
        member.ingress.length = ingress;
        member.egress.length = egress;
        if (joined) {
          this.write(member);
        } else {
          this.leave(member);
        }
      }
      throw e;
    }
  }

  private join(member: Member): void {
    this.members.add(member);
    for (const key of member.keys) if (!this.byKey.has(key)) this.byKey.set(key, member);
    this.byName.set(`${member.namespace ?? ''}\n${member.name}`, member);
  }

  private leave(member: Member): void {
    this.members.delete(member);
    for (const key of member.keys) if (this.byKey.get(key) === member) this.byKey.delete(key);
    this.byName.delete(`${member.namespace ?? ''}\n${member.name}`);
    if (member.policy) this.node.tryRemoveChild(member.policy.node.id);
  }

  /** Writes (or rewrites) the member's one policy from its rules. */
  private write(member: Member): void {
    const definition: PolicyDefinition = {
      pods: member.pods,
      ingress: mergeRules(member.ingress),
      egress: [...mergeRules(member.egress), ...this.dnsRules],
    };
    const where = `${this.where}, member '${member.name}'`;
    if (member.policy) {
      rewritePolicy(member.policy, where, definition);
      return;
    }
    // Names are unique per namespace; the id is unique in the graph.
    const id = member.namespace === this.namespace ? member.name : `${member.name}.${member.namespace ?? '(none)'}`;
    member.policy = addNetworkPolicy(this, id, where, { name: `${this.prefix}-${member.name}`, namespace: member.namespace }, definition);
  }
}

/**
 * Refuses a port that is a Service port forwarding elsewhere, given with that Service's pods
 * (`service.pods`): policies see the target port, so the connection would be denied.
 */
function refuseServicePorts(where: string, pods: PodSelector, ports: readonly Port[]): void {
  const service = serviceOfPods(pods);
  for (const port of ports) {
    const servicePort = service?.ports.find(p => p.port === port.portNumber && p.protocol === port.protocol && port.endPort === undefined);
    const target = servicePort?.target;
    if (servicePort && target && (target.portName !== undefined || target.portNumber !== servicePort.port)) {
      throw new Error(`${where}: port ${port.portNumber}/${port.protocol} is Service '${service!.name}''s port, which forwards to ${target.portName ?? target.portNumber}, and policies see the target port, so the connection would be denied; use Endpoint.service(${service!.name}), which allows its target ports`);
    }
  }
}
