/** `cdk8s-netpol migrate`: v1alpha1 AdminNetworkPolicy/BaselineAdminNetworkPolicy manifests → v1alpha2 ClusterNetworkPolicy, the rest unchanged. */
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command';
import { withUsageErrors } from './parse-arguments';
import { InputError, loadManifests } from '../io';
import type { ParsedDocument } from '../io/parse-documents';
import { BASELINE_NAME, BASELINE_PRIORITY, MigrationError, migrateManifests } from '../migrate';
import { manifestsYaml } from '../render/manifests-yaml';

const USAGE = `Usage: cdk8s-netpol migrate <files/folders...>

Prints the input as one YAML stream with every policy.networking.k8s.io/v1alpha1
AdminNetworkPolicy and BaselineAdminNetworkPolicy rewritten as a v1alpha2
ClusterNetworkPolicy (network-policy-api v0.2.0), and every other object unchanged:
  migrate old/ > new.yaml
AdminNetworkPolicy <name> becomes ClusterNetworkPolicy <name> in tier Admin at its priority;
the BaselineAdminNetworkPolicy "default" becomes ClusterNetworkPolicy "${BASELINE_NAME}" in tier
Baseline at priority ${BASELINE_PRIORITY}; Allow becomes Accept, ports become protocols.
The mapping, with its sources: docs/migrate.md.

What v1alpha2 cannot say the same way (sameLabels, notSameLabels, v0.1.0 field forms,
more than 25 rules, peers or ports, a name two policies would share) is refused with its
file and line: nothing is changed silently.

Exit codes: 0 printed, 2 bad input or usage, 3 internal error.`;

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Rewrite AdminNetworkPolicy/BaselineAdminNetworkPolicy (v1alpha1) as ClusterNetworkPolicy (v1alpha2)',
  usage: USAGE,
  run(argv, io) {
    const { positionals } = withUsageErrors(() => parseArgs({ args: [...argv], allowPositionals: true, options: {} }));
    if (positionals.length === 0) throw new UsageError('no input: give one or more manifest files or folders');
    const docs = loadManifests(positionals);
    const result = migrateOrRefuse(docs);
    io.stdout(manifestsYaml(result.objects));
    io.stderr(`cdk8s-netpol: migrated ${result.adminPolicies} AdminNetworkPolicy and ${result.baselinePolicies} BaselineAdminNetworkPolicy; ${result.unchanged} other object(s) unchanged\n`);
    return 0;
  },
};

/** The transform, with a refusal turned into an InputError at the field's file, line and column. */
function migrateOrRefuse(docs: readonly ParsedDocument[]): ReturnType<typeof migrateManifests> {
  try {
    return migrateManifests(docs.map(doc => doc.object));
  } catch (error) {
    if (!(error instanceof MigrationError) || error.objectIndex === undefined) throw error;
    const doc = docs[error.objectIndex];
    const at = doc.locate(error.field);
    throw new InputError(`cannot migrate ${error.message}`, doc.source.file, at.line, at.column);
  }
}
