/**
 * `metadata` of a NetworkPolicy: name, namespace, labels, annotations (docs/semantics.md §1.1).
 */
import { dns1123LabelProblem, dns1123SubdomainProblem, suggestDns1123Name } from './dns-1123';
import { qualifiedNameProblem } from './qualified-name';
import { present, Report } from './report';
import { validateLabelMap } from './selector';

const ANNOTATIONS_MAX_BYTES = 256 * 1024;
const OBJECT_META_FIELDS = [
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation',
  'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations',
  'ownerReferences', 'finalizers', 'managedFields',
];

export function validateMetadata(report: Report, metadata: unknown): void {
  if (!present(metadata)) {
    report.reject('metadata.name', undefined, 'is required', 'set metadata.name');
    return;
  }
  if (!report.expectObject('metadata', metadata)) {
    return;
  }
  report.unknownFields('metadata', metadata, OBJECT_META_FIELDS);
  validateName(report, metadata);
  if (present(metadata.namespace) && report.expectString('metadata.namespace', metadata.namespace)) {
    const problem = dns1123LabelProblem(metadata.namespace);
    if (problem) {
      report.reject('metadata.namespace', metadata.namespace, problem, `use a namespace name like ${suggestDns1123Name(metadata.namespace).replace(/\./g, '-').slice(0, 63)}`);
    }
  }
  if (present(metadata.labels)) {
    validateLabelMap(report, 'metadata.labels', metadata.labels);
  }
  if (present(metadata.annotations)) {
    validateAnnotations(report, metadata.annotations);
  }
}

function validateName(report: Report, metadata: Record<string, unknown>): void {
  if (present(metadata.name)) {
    if (report.expectString('metadata.name', metadata.name)) {
      const problem = dns1123SubdomainProblem(metadata.name);
      if (problem) {
        report.reject('metadata.name', metadata.name, problem, `use a name like ${suggestDns1123Name(metadata.name).slice(0, 253)}`);
      }
    }
    return;
  }
  if (!present(metadata.generateName)) {
    report.reject('metadata.name', undefined, 'is required (name or generateName is required)', 'set metadata.name');
    return;
  }
  if (report.expectString('metadata.generateName', metadata.generateName)) {
    // A generated suffix follows, so one trailing '-' is fine.
    const problem = dns1123SubdomainProblem(metadata.generateName.replace(/-$/, ''));
    if (problem) {
      report.reject('metadata.generateName', metadata.generateName, problem, `use a prefix like ${suggestDns1123Name(metadata.generateName)}-`);
    }
  }
}

function validateAnnotations(report: Report, annotations: unknown): void {
  if (!report.expectObject('metadata.annotations', annotations)) {
    return;
  }
  let bytes = 0;
  for (const [key, value] of Object.entries(annotations)) {
    const problem = qualifiedNameProblem(key.toLowerCase());
    if (problem) {
      report.reject('metadata.annotations', key, problem, 'use a key like example.com/owner');
    }
    if (report.expectString('metadata.annotations', value)) {
      bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
    }
  }
  if (bytes > ANNOTATIONS_MAX_BYTES) {
    report.reject('metadata.annotations', `${bytes} bytes`, `is too long: annotations may hold at most ${ANNOTATIONS_MAX_BYTES} bytes in total`, 'move large data into a ConfigMap');
  }
}
