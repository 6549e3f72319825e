import { ApiObjectMetadataDefinition } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { AllowTo, DefaultDeny, LabelExpression, Peer, PodSelector } from '../../src';
import { errorOf, makeChart, onlyPolicy, synth } from '../policies/helpers';

function podSelectorOf(pods: PodSelector): any {
  const chart = makeChart();
  new DefaultDeny(chart, 'deny', { pods });
  return onlyPolicy(chart).spec.podSelector;
}

describe('PodSelector', () => {
  test('all() is {} (every pod of the namespace)', () => {
    expect(podSelectorOf(PodSelector.all())).toEqual({});
  });

  test('labels() is matchLabels; prefixed keys and empty values are fine', () => {
    const chart = makeChart();
    new DefaultDeny(chart, 'deny', { pods: PodSelector.labels({ 'app.kubernetes.io/name': 'web', 'canary': '' }) });
    expect(synth(chart)).toMatchSnapshot();
    expect(onlyPolicy(chart).spec.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'web', 'canary': '' } });
  });

  test('of() combines labels and expressions (AND) and omits empty parts', () => {
    expect(podSelectorOf(PodSelector.of({ labels: { app: 'web' }, expressions: [LabelExpression.exists('version')] })))
      .toEqual({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'version', operator: 'Exists' }] });
    expect(podSelectorOf(PodSelector.of({ expressions: [LabelExpression.exists('version')] })))
      .toEqual({ matchExpressions: [{ key: 'version', operator: 'Exists' }] });
  });

  test('keeps its own copy of the labels', () => {
    const labels: { [key: string]: string } = { app: 'web' };
    const selector = PodSelector.labels(labels);
    labels.app = 'db';
    expect(podSelectorOf(selector)).toEqual({ matchLabels: { app: 'web' } });
  });

  test('refuses an empty labels map or empty options: that would select every pod', () => {
    expect(errorOf(() => PodSelector.labels({}))).toBe(
      'PodSelector: no labels and no expressions, which selects every pod; use PodSelector.all() if that is what you mean');
    expect(errorOf(() => PodSelector.of({ labels: {}, expressions: [] }))).toContain('use PodSelector.all()');
  });

  test('refuses invalid label keys and values at construction, naming path, field, value and fix', () => {
    const chart = makeChart();
    const error = errorOf(() => new DefaultDeny(chart, 'deny', { pods: PodSelector.labels({ app: 'my web' }) }));
    expect(error).toBe("DefaultDeny test/deny: spec.podSelector.matchLabels: my web (the value of app) is not a valid label value: it may hold only letters, digits, '-', '_' and '.', and must start and end with a letter or digit; use at most 63 letters, digits, '-', '_' or '.'");
    expect(errorOf(() => new DefaultDeny(makeChart(), 'deny', { pods: PodSelector.labels({ 'a/b/c': 'x' }) })))
      .toContain("DefaultDeny test/deny: spec.podSelector.matchLabels: a/b/c is not a qualified name: it may contain at most one '/'");
  });

  describe('workload()', () => {
    test('selects a Deployment\'s pods by its selector', () => {
      const chart = makeChart();
      const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'nginx' }] });
      new DefaultDeny(chart, 'deny', { pods: PodSelector.workload(web) });
      expect(onlyPolicy(chart).spec.podSelector).toEqual({ matchLabels: web.matchLabels });
      expect(Object.keys(web.matchLabels)).toEqual(['cdk8s.io/metadata.addr']);
    });

    test('reads the selector when the policy renders, so earlier select() calls count', () => {
      const chart = makeChart();
      const web = new kplus.StatefulSet(chart, 'web', { containers: [{ image: 'nginx', portNumber: 80 }], select: false, podMetadata: { labels: { app: 'web' } } });
      const pods = PodSelector.workload(web);
      web.select(kplus.LabelSelector.of({ labels: { app: 'web' }, expressions: [kplus.LabelExpression.exists('app')] }));
      new DefaultDeny(chart, 'deny', { pods });
      expect(onlyPolicy(chart).spec.podSelector).toEqual({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'app', operator: 'Exists' }] });
    });

    test('falls back to the pod template labels when the workload has no selector', () => {
      const chart = makeChart();
      const job = new kplus.Job(chart, 'migrate', { containers: [{ image: 'migrate' }], select: false, podMetadata: { labels: { app: 'migrate' } } });
      new DefaultDeny(chart, 'deny', { pods: PodSelector.workload(job) });
      expect(onlyPolicy(chart).spec.podSelector.matchLabels).toMatchObject({ app: 'migrate' });
    });

    test('selects a Pod by its labels', () => {
      const chart = makeChart();
      const pod = new kplus.Pod(chart, 'debug', { containers: [{ image: 'busybox' }], metadata: { labels: { role: 'debug' } } });
      new DefaultDeny(chart, 'deny', { pods: PodSelector.workload(pod) });
      expect(onlyPolicy(chart).spec.podSelector.matchLabels).toMatchObject({ role: 'debug' });
    });

    test('refuses a workload whose pods carry no labels, with a fix', () => {
      const chart = makeChart();
      class UnlabelledPod extends kplus.Pod {
        public get podMetadata(): ApiObjectMetadataDefinition {
          return new ApiObjectMetadataDefinition({ apiObject: this.apiObject });
        }
      }
      const pod = new UnlabelledPod(chart, 'bare', { containers: [{ image: 'busybox' }] });
      expect(errorOf(() => new DefaultDeny(chart, 'deny', { pods: PodSelector.workload(pod) }))).toBe(
        "DefaultDeny test/deny: PodSelector.workload: test/bare has no selector and its pods carry no labels, so nothing can select exactly its pods; add a label to its pod metadata (podMetadata.addLabel('app', '...'))");
    });

    test('works for DaemonSets', () => {
      const chart = makeChart();
      const agent = new kplus.DaemonSet(chart, 'agent', { containers: [{ image: 'agent' }] });
      new DefaultDeny(chart, 'deny', { pods: PodSelector.workload(agent) });
      expect(onlyPolicy(chart).spec.podSelector).toEqual({ matchLabels: agent.matchLabels });
    });
  });
});

describe('PodSelector.workload() from the wrong namespace (it would select none of its pods)', () => {
  function setup() {
    const chart = makeChart();
    const db = new kplus.Deployment(chart, 'db', { metadata: { namespace: 'data' }, containers: [{ image: 'pg' }] });
    return { chart, db };
  }

  test('as a policy\'s pods: refused, with the namespace to set', () => {
    const { chart, db } = setup();
    expect(errorOf(() => new DefaultDeny(chart, 'deny', { pods: PodSelector.workload(db) }))).toBe(
      "DefaultDeny test/deny: 'pods' is PodSelector.workload(test/db), whose pods are in namespace 'data', but the policy is in namespace 'shop', so it would select none of them; set the policy's namespace to 'data'");
    new DefaultDeny(chart, 'ok', { pods: PodSelector.workload(db), namespace: 'data' });
  });

  test('in Peer.pods: refused, pointing at Peer.workload', () => {
    const { chart, db } = setup();
    expect(errorOf(() => new AllowTo(chart, 'to-db', { pods: PodSelector.all(), to: [Peer.pods(PodSelector.workload(db))] }))).toBe(
      "AllowTo test/to-db: Peer.pods(PodSelector.workload(test/db)): its pods are in namespace 'data', not in the policy's namespace 'shop', so it would select none of them; use Peer.workload(...) to reach them there");
  });

  test('in Peer.podsInNamespace with another namespace: refused', () => {
    const { chart, db } = setup();
    expect(errorOf(() => new AllowTo(chart, 'to-db', { pods: PodSelector.all(), to: [Peer.podsInNamespace('shop', PodSelector.workload(db))] }))).toBe(
      "AllowTo test/to-db: Peer.podsInNamespace('shop', PodSelector.workload(test/db)): its pods are in namespace 'data', so it would select none of them; use Peer.workload(...)");
    new AllowTo(chart, 'ok', { pods: PodSelector.all(), to: [Peer.podsInNamespace('data', PodSelector.workload(db))] });
  });
});
