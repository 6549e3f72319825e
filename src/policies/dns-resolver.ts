import { PolicyRule } from './network-policy';
import { hostCidr } from '../analysis/validation/cidr';
import { Peer } from '../vocabulary/peer';
import { PodSelector } from '../vocabulary/pod-selector';
import { Port } from '../vocabulary/port';

/** The NodeLocal DNSCache address the Kubernetes docs use. */
const NODE_LOCAL_DNS_IP = '169.254.20.10';

/**
 * Options for `DnsResolver.nodeLocal()`.
 */
export interface NodeLocalDnsOptions {
  /**
   * The link-local address NodeLocal DNSCache listens on.
   *
   * @default '169.254.20.10'
   */
  readonly ip?: string;

  /**
   * The kube-dns Service's ClusterIP. In kube-proxy iptables mode NodeLocal DNSCache also binds it,
   * and pods keep sending DNS there without DNAT to a CoreDNS pod, so it must be allowed too.
   *
   * @default - not allowed (kube-proxy IPVS mode, where kubelet points pods at `ip`)
   */
  readonly clusterIp?: string;
}

/**
 * Where pods send DNS queries, for `DnsEgress` and `TierIsolation`. Every preset allows UDP and TCP
 * (large answers retry over TCP) on numeric ports: the named port `dns` is UDP-only.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/
 */
export class DnsResolver {
  /**
   * CoreDNS / kube-dns: pods labelled `k8s-app: kube-dns` in namespace `kube-system` (one peer:
   * namespace AND pods), UDP and TCP 53. The default.
   */
  public static kubeDns(): DnsResolver {
    // A resolver is a value, never changed: every caller shares one (the patterns ask for it once per policy).
    DnsResolver.kubeDnsResolver ??= new DnsResolver([{
      peers: [Peer.podsInNamespace('kube-system', PodSelector.labels({ 'k8s-app': 'kube-dns' }))],
      ports: dnsPorts([53]),
    }]);
    return DnsResolver.kubeDnsResolver;
  }

  /**
   * NodeLocal DNSCache: a host-network DaemonSet no pod selector can match, so it is allowed by
   * address (`ipBlock` /32 or /128), UDP and TCP 53.
   *
   * @see https://kubernetes.io/docs/tasks/administer-cluster/nodelocaldns/
   */
  public static nodeLocal(options: NodeLocalDnsOptions = {}): DnsResolver {
    const addresses = [options.ip ?? NODE_LOCAL_DNS_IP, ...options.clusterIp !== undefined ? [options.clusterIp] : []];
    const peers = addresses.map(ip => {
      const cidr = hostCidr(ip);
      if (cidr === undefined) {
        throw new Error(`DnsResolver.nodeLocal: '${ip}' is not an IP address; pass the address itself, e.g. ${NODE_LOCAL_DNS_IP}`);
      }
      return Peer.ipBlock(cidr);
    });
    return new DnsResolver([{ peers, ports: dnsPorts([53]) }]);
  }

  /**
   * OpenShift's cluster DNS: pods labelled `dns.operator.openshift.io/daemonset-dns: default` in
   * namespace `openshift-dns`, UDP and TCP 5353 (the pods' port; policies see traffic after the
   * Service maps 53 to it).
   */
  public static openShift(): DnsResolver {
    const dnsDefault = Peer.podsInNamespace('openshift-dns', PodSelector.labels({ 'dns.operator.openshift.io/daemonset-dns': 'default' }));
    return new DnsResolver([{ peers: [dnsDefault], ports: dnsPorts([5353]) }]);
  }

  /**
   * Your own DNS servers.
   *
   * @param peers where they run, at least one
   * @param ports their port numbers, each allowed on UDP and TCP; 53 when not given
   */
  public static custom(peers: Peer[], ports?: number[]): DnsResolver {
    if (peers.length === 0) {
      throw new Error('DnsResolver.custom: \'peers\' is empty, which Kubernetes reads as "to everyone"; pass the DNS servers\' peers, or use DnsResolver.anyDestination() if that is what you mean');
    }
    if (ports !== undefined && ports.length === 0) {
      throw new Error('DnsResolver.custom: \'ports\' is empty, which Kubernetes reads as "every port"; pass the DNS port numbers, or leave \'ports\' out for 53');
    }
    return new DnsResolver([{ peers: [...peers], ports: dnsPorts(ports ?? [53]) }]);
  }

  /**
   * Port 53 (UDP and TCP) to any destination. Opt-in: simple and resolver-agnostic, but it lets pods
   * talk DNS to any server outside the cluster, a known exfiltration path.
   */
  public static anyDestination(): DnsResolver {
    return new DnsResolver([{ peers: [Peer.anywhere()], ports: dnsPorts([53]) }]);
  }

  /**
   * Several resolvers at once, e.g. `combine(DnsResolver.kubeDns(), DnsResolver.nodeLocal())` while
   * migrating to NodeLocal DNSCache, or kube-dns and OpenShift for a portable policy.
   *
   * @param resolvers at least one resolver
   */
  public static combine(...resolvers: DnsResolver[]): DnsResolver {
    if (resolvers.length === 0) {
      throw new Error('DnsResolver.combine: no resolvers given; pass at least one, e.g. DnsResolver.kubeDns()');
    }
    return new DnsResolver(resolvers.flatMap(resolver => resolver._rules));
  }

  private static kubeDnsResolver?: DnsResolver;

  private constructor(private readonly rules: PolicyRule[]) {
  }

  /**
   * The egress rules that allow DNS to this resolver.
   *
   * @internal
   */
  public get _rules(): PolicyRule[] {
    return [...this.rules];
  }
}

function dnsPorts(ports: number[]): Port[] {
  return ports.flatMap(port => [Port.udp(port), Port.tcp(port)]);
}
