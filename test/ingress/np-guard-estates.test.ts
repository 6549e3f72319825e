/**
 * np-guard netpol-analyzer's ingress test estates (test/fixtures/np-guard/README.md): our
 * `{…}` lines equal np-guard's, line for line, for its classic anonymous controller and for its
 * newer per-namespace controllers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IngressController } from '../../src/analysis/ingress-controller';
import { analyseIngressPaths, ingressFlows } from '../../src/analysis/ingress-paths';
import { workloadId } from '../../src/analysis/model';
import { loadModel } from '../../src/io';

const ESTATES = path.join(__dirname, '..', 'fixtures', 'np-guard');

/** np-guard's SpecificIngressControllersNsToLabels: unlabelled pods in these namespaces. */
const NP_GUARD_SPECIFIC: readonly IngressController[] = [
  { name: 'ingress-nginx', namespace: 'ingress-nginx', namespaceLabels: { 'tier': 'ingress', 'app.kubernetes.io/part-of': 'ingress-nginx' }, podLabels: {} },
  {
    name: 'openshift-ingress-operator',
    namespace: 'openshift-ingress-operator',
    namespaceLabels: { 'namespace.name': 'openshift-ingress-operator', 'network.openshift.io/policy-group': 'ingress' },
    podLabels: {},
  },
];

function lines(estate: string, controllers?: readonly IngressController[]): string[] {
  const analysis = analyseIngressPaths(loadModel([path.join(ESTATES, estate)]).model, controllers);
  expect(analysis.warnings).toEqual([]);
  return ingressFlows(analysis).map(f => `{${f.controller}} => ${workloadId(f.dst)} : ${f.conns}`);
}

function expected(estate: string, file: string): string[] {
  return fs.readFileSync(path.join(ESTATES, estate, file), 'utf8').trimEnd().split('\n');
}

// The folder also holds estates without Ingress objects (test/analysis/np-guard.test.ts's).
const estates = fs.readdirSync(ESTATES).filter(name => fs.existsSync(path.join(ESTATES, name, 'expected-ingress-controller.txt')));

test('six estates, each with its expected lines', () => {
  expect(estates).toHaveLength(6);
});

test.each(estates)('%s: the {ingress-controller} lines are np-guard\'s', estate => {
  expect(lines(estate)).toEqual(expected(estate, 'expected-ingress-controller.txt'));
});

test.each(estates.filter(e => fs.existsSync(path.join(ESTATES, e, 'expected-specific-controllers.txt'))))(
  '%s: with np-guard\'s per-namespace controllers, its {ingress-nginx} and {openshift-ingress-operator} lines', estate => {
    expect(lines(estate, NP_GUARD_SPECIFIC)).toEqual(expected(estate, 'expected-specific-controllers.txt'));
  });
