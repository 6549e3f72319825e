import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadManifests } from '../../src/io';
import { migrateManifests } from '../../src/migrate';
import { cli } from '../cli/run-cli';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'migrate');
const ESTATE = path.join(FIXTURES, 'estate');

/** What a user gets back reading the printed stream with the tool's own reader. */
function readBack(text: string): unknown[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-')), 'out.yaml');
  fs.writeFileSync(file, text);
  return loadManifests([file]).map(doc => doc.object);
}

describe('cdk8s-netpol migrate', () => {
  test('prints the whole estate: each v1alpha1 policy as a ClusterNetworkPolicy, every other object unchanged', async () => {
    const { code, stdout, stderr } = await cli('migrate', ESTATE);
    expect(code).toBe(0);
    const input = loadManifests([ESTATE]).map(doc => doc.object);
    const output = readBack(stdout);
    expect(output).toEqual(migrateManifests(input).objects);
    expect(output.filter((o: any) => o.apiVersion === 'policy.networking.k8s.io/v1alpha1')).toEqual([]);
    expect(output.filter((o: any) => o.kind === 'ClusterNetworkPolicy').map((o: any) => [o.metadata.name, o.spec.tier, o.spec.priority]))
      .toEqual([['allow-monitoring', 'Admin', 10], ['guard-shop', 'Admin', 20], ['baseline-default', 'Baseline', 1000]]);
    expect(output.filter((o: any) => o.kind !== 'ClusterNetworkPolicy')).toEqual(input.filter((o: any) => !String(o.kind).includes('AdminNetworkPolicy')));
    expect(stderr).toBe('cdk8s-netpol: migrated 2 AdminNetworkPolicy and 1 BaselineAdminNetworkPolicy; 8 other object(s) unchanged\n');
    expect(stdout).toMatchSnapshot();
  });

  test('items of a List are migrated in place; strings YAML 1.1 would read as booleans or numbers stay strings', async () => {
    const { code, stdout, stderr } = await cli('migrate', path.join(FIXTURES, 'listed.yaml'));
    expect(code).toBe(0);
    expect(stderr).toBe('cdk8s-netpol: migrated 1 AdminNetworkPolicy and 0 BaselineAdminNetworkPolicy; 0 other object(s) unchanged\n');
    const [list] = readBack(stdout) as any[];
    expect(list.items[0]).toEqual({
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'quoted-labels', labels: { enabled: 'yes', port: '80' } },
      spec: { tier: 'Admin', priority: 3, subject: { namespaces: { matchLabels: { legacy: 'on' } } }, egress: [{ action: 'Pass', to: [{ namespaces: {} }] }] },
    });
  });

  test('refuses what v1alpha2 cannot say, at its file, line and column, and prints nothing', async () => {
    const file = path.join(FIXTURES, 'refused', 'same-labels.yaml');
    const { code, stdout, stderr } = await cli('migrate', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^cdk8s-netpol: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:20:15: cannot migrate spec\\.ingress\\[0\\]\\.from\\[0\\]\\.namespaces\\.notSameLabels: \`notSameLabels\` .* has no v1alpha2 equivalent`));
  });

  test('a named port next to a networks peer (np-guard\'s named-ports estate): refused at the port', async () => {
    const file = path.join(FIXTURES, 'refused', 'named-port-networks', 'estate.yaml');
    const { code, stderr } = await cli('migrate', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:18:18:`);
    expect(stderr).toContain('cannot migrate spec.egress[0].ports[2].namedPort: v1alpha2 rejects a named port in a rule with a networks peer');
  });

  test('without input: a usage error', async () => {
    const { code, stderr } = await cli('migrate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/no input/);
  });

  test('is listed in the help', async () => {
    const { stdout } = await cli('--help');
    expect(stdout).toMatch(/migrate\s+Rewrite AdminNetworkPolicy\/BaselineAdminNetworkPolicy/);
  });
});
