import { api, dns, external, internet, reach, web } from './fixtures';
import { BOUTIQUE_WORKLOADS, CLUSTER_WORKLOADS, onlineBoutique } from './online-boutique';
import { ConnectionSet } from '../../src/analysis/connection-set';
import { computeReachability } from '../../src/analysis/reachability';
import { endpointId } from '../../src/analysis/results';
import { unisolatedNamespaces } from '../../src/analysis/unisolated-namespaces';
import { modelOf } from '../../src/io';
import { filterConnections, OUTSIDE_ID, pictureConnections, type GraphFilters } from '../../src/render/graph-filters';
import { reachToDot } from '../../src/render/reach-dot';
import { reachGraph, type ReachGraph } from '../../src/render/reach-graph';
import { reachToMermaid } from '../../src/render/reach-mermaid';

const nodeCount = (graph: ReachGraph) => graph.externals.length + graph.groups.reduce((n, g) => n + g.nodes.length, 0);
const edgeList = (graph: ReachGraph) => graph.edges.map(e => `${e.src} -> ${e.dst} : ${e.label}`);

describe('on the renderer fixture', () => {
  test('no filter: every flow, one edge each', () => {
    expect(reachGraph(reach, {}).edges).toHaveLength(reach.flows.length);
  });

  test('--hide-dns drops a connection that allows only port 53, and keeps one that allows more', () => {
    expect(edgeList(reachGraph(reach, { hideDns: true }))).toEqual([
      '0.0.0.0-9.255.255.255[External] -> shop/web[Deployment] : TCP 443',
      'shop/web[Deployment] -> shop/api[Deployment] : TCP 8080-8090',
      'shop/web[Deployment] -> kube-system/coredns[Deployment] : All Connections',
    ]);
  });

  test('UDP 53 alone is DNS; port 54 or 5353 is not', () => {
    const only = (conns: ConnectionSet) => pictureConnections({ externalRanges: [], flows: [{ src: web, dst: dns, conns }] }, undefined)[0].dnsOnly;
    expect(only(ConnectionSet.ports('UDP', 53))).toBe(true);
    expect(only(ConnectionSet.ports('TCP', 53))).toBe(true);
    expect(only(ConnectionSet.ports('UDP', 53, 54))).toBe(false);
    expect(only(ConnectionSet.ports('UDP', 5353))).toBe(false);
    expect(only(ConnectionSet.all())).toBe(false);
  });

  test('--namespace keeps the connections with an end in one of the namespaces, and only their nodes', () => {
    const graph = reachGraph(reach, { namespaces: ['kube-system'] });
    expect(edgeList(graph)).toEqual([
      'shop/api[Deployment] -> kube-system/coredns[Deployment] : TCP 53,UDP 53',
      'shop/web[Deployment] -> kube-system/coredns[Deployment] : All Connections',
    ]);
    expect(graph.externals).toEqual([]);
    expect(reachGraph(reach, { namespaces: [] }).edges).toEqual([]);
  });

  test('--collapse merges every external range into one node, with everything the merged flows allow', () => {
    const high = external('11.0.0.0', '255.255.255.255');
    const twoRanges = {
      externalRanges: [],
      flows: [
        { src: internet, dst: web, conns: ConnectionSet.ports('TCP', 443) },
        { src: high, dst: web, conns: ConnectionSet.ports('TCP', 80) },
        { src: web, dst: api, conns: ConnectionSet.ports('TCP', 8080) },
      ],
    };
    const connections = pictureConnections(twoRanges, { namespaces: [] });
    expect(connections.map(c => [c.src.id, c.dst.id, c.conns.toString(), c.flows.length])).toEqual([
      [OUTSIDE_ID, 'shop/web[Deployment]', 'TCP 80,443', 2],
      ['shop/web[Deployment]', 'shop/api[Deployment]', 'TCP 8080', 1],
    ]);
    expect(reachGraph(twoRanges, { collapse: { namespaces: [] } }).externals).toEqual([{ id: OUTSIDE_ID, label: OUTSIDE_ID }]);
  });

  test('filters run after the collapse, on whole connections', () => {
    const connections = pictureConnections(reach, { namespaces: [] });
    expect(filterConnections(connections, { hideDns: true, namespaces: ['shop'] }).map(c => c.dst.id))
      .toEqual(['shop/web[Deployment]', 'shop/api[Deployment]', 'kube-system/coredns[Deployment]']);
  });
});

describe('--collapse on namespaces no policy isolates', () => {
  const deployment = (namespace: string, name: string) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'x' }] } } },
  });
  const denyAll = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } };
  const allowToTools = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'web-to-tools', namespace: 'shop' },
    spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'tools' } } }], ports: [{ port: 80 }] }] },
  };
  const { model } = modelOf([deployment('shop', 'web'), deployment('tools', 'grafana'), deployment('tools', 'loki'), denyAll, allowToTools]
    .map((object, documentIndex) => ({ object, source: { documentIndex } })));

  test('a namespace with policies stays apart; one without becomes one node whose arrows carry what any member allows', () => {
    expect(unisolatedNamespaces(model)).toEqual(['tools']);
    const graph = reachGraph(computeReachability(model), { collapse: { namespaces: unisolatedNamespaces(model) } });
    expect(graph.groups.map(g => [g.namespace, g.nodes.map(n => n.label)])).toEqual([
      ['shop', ['web[Deployment]']],
      ['tools', ['2 workloads, not isolated']],
    ]);
    expect(edgeList(graph)).toEqual([
      `${OUTSIDE_ID} -> tools/* : All Connections`,
      'shop/web[Deployment] -> tools/* : TCP 80',
      `tools/* -> ${OUTSIDE_ID} : All Connections`,
    ]);
  });
});

describe('Online Boutique beside its cluster: the filtered pictures stay readable', () => {
  const { model, reach: boutique } = onlineBoutique();
  const collapse = { namespaces: unisolatedNamespaces(model) };
  const ranges = boutique.externalRanges.length;
  // The boutique's call graph (16 calls), DNS from each workload (12), ingress-nginx to the
  // frontend (1), Prometheus' scrapes (11), and the cluster's three unisolated workloads,
  // open to each other and to every external range both ways.
  const boutiqueFlows = 16 + BOUTIQUE_WORKLOADS + 1 + 11;
  const open = CLUSTER_WORKLOADS.length;
  const clusterFlows = open * (open - 1) + 2 * open * ranges;

  const counts = (filters: GraphFilters) => {
    const dot = reachToDot(boutique, filters);
    const mermaid = reachToMermaid(boutique, filters);
    const graph = reachGraph(boutique, filters);
    const picture = { nodes: nodeCount(graph), edges: graph.edges.length };
    // Both formats draw exactly the picture: a node line per node, an arrow per edge.
    expect(dot.match(/ -> /g)?.length ?? 0).toBe(picture.edges);
    expect(dot.match(/^\s+"[^"]*" \[label=/gm)?.length ?? 0).toBe(picture.nodes);
    expect(mermaid.match(/ -->\|/g)?.length ?? 0).toBe(picture.edges);
    expect(mermaid.match(/^\s+\w+(\["|\(\[")/gm)?.length ?? 0).toBe(picture.nodes);
    return picture;
  };

  test('the cluster\'s three namespaces have no policy, the boutique has', () => {
    expect(unisolatedNamespaces(model)).toEqual(['ingress-nginx', 'kube-system', 'monitoring']);
    expect(ranges).toBe(2);
  });

  test('unfiltered: every endpoint and every flow', () => {
    expect(boutique.flows).toHaveLength(boutiqueFlows + clusterFlows);
    expect(counts({})).toEqual({ nodes: BOUTIQUE_WORKLOADS + open + ranges, edges: boutiqueFlows + clusterFlows });
  });

  test('--hide-dns: the twelve DNS arrows go, CoreDNS stays (it is open to the rest of the cluster)', () => {
    const edges = boutiqueFlows + clusterFlows - BOUTIQUE_WORKLOADS;
    expect(counts({ hideDns: true })).toEqual({ nodes: BOUTIQUE_WORKLOADS + open + ranges, edges });
    const toCoreDns = reachGraph(boutique, { hideDns: true }).edges.filter(e => e.dst === 'kube-system/coredns[Deployment]');
    expect(toCoreDns.some(e => e.src.startsWith('boutique/'))).toBe(false);
  });

  test('--collapse: the external ranges become one node, their arrows one per workload and direction', () => {
    expect(counts({ collapse })).toEqual({ nodes: BOUTIQUE_WORKLOADS + open + 1, edges: boutiqueFlows + open * (open - 1) + 2 * open });
  });

  test('--namespace boutique --hide-dns --collapse: only the boutique\'s own story', () => {
    const picture = counts({ namespaces: ['boutique'], hideDns: true, collapse });
    // The boutique, ingress-nginx and Prometheus (its callers); CoreDNS only served DNS.
    expect(picture).toEqual({ nodes: BOUTIQUE_WORKLOADS + 2, edges: boutiqueFlows - BOUTIQUE_WORKLOADS });
    const graph = reachGraph(boutique, { namespaces: ['boutique'], hideDns: true, collapse });
    expect(graph.groups.map(g => g.namespace)).toEqual(['boutique', 'ingress-nginx', 'monitoring']);
    expect(graph.externals).toEqual([]);
  });

  test('every edge of a filtered picture is a flow of the reachability, with its ports', () => {
    const flows = new Set(boutique.flows.map(f => `${endpointId(f.src)} -> ${endpointId(f.dst)} : ${f.conns}`));
    expect(edgeList(reachGraph(boutique, { namespaces: ['boutique'], hideDns: true })).every(e => flows.has(e))).toBe(true);
  });
});
