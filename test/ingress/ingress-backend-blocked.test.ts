/** `ingress-backend-blocked` beyond its fixtures: which controllers it judges, and the lint command's option. */
import { ANONYMOUS_CONTROLLER, INGRESS_CONTROLLER_PROFILES, type IngressController } from '../../src/analysis/ingress-controller';
import { cli } from '../cli/run-cli';
import { fixturePath, lintFixture } from '../lint/fixtures';

const ID = 'ingress-backend-blocked';
const FIXED = `${ID}/fixed.yaml`;

function findings(name: string, ingressControllers?: readonly IngressController[]) {
  return lintFixture(name, { ingressControllers }).filter(f => f.ruleId === ID);
}

test('by default a policy admitting one known controller (ingress-nginx) is not reported; judged for np-guard\'s controller alone, it is', () => {
  expect(findings(FIXED)).toEqual([]);
  expect(findings(FIXED, [ANONYMOUS_CONTROLLER]).map(f => f.message)).toEqual([
    expect.stringContaining('admit none of {ingress-controller}'),
  ]);
  expect(findings(FIXED, [INGRESS_CONTROLLER_PROFILES['ingress-nginx']])).toEqual([]);
});

test('lint --ingress-controller judges exactly the controllers given', async () => {
  const fixed = fixturePath(FIXED);
  expect((await cli('lint', fixed, '--ingress-controller', 'ingress-nginx')).stdout).toBe('No findings.\n');
  const other = await cli('lint', fixed, '--ingress-controller', 'edge/app=router', '--fail-on', 'warning');
  expect(other.code).toBe(1);
  expect(other.stdout).toContain('admit none of {edge}');
  expect((await cli('lint', fixed, '--ingress-controller', 'Edge')).code).toBe(2);
});
