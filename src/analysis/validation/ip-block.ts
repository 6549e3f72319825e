/**
 * `ipBlock` peers: `cidr` and `except` (docs/semantics.md §1.5), strict CIDR validation always on.
 */
import { isCidrProblem, parseCidr, ParsedCidr, strictSubsetProblem } from './cidr';
import { present, Report } from './report';

export function validateIpBlock(report: Report, field: string, ipBlock: unknown): void {
  if (!report.expectObject(field, ipBlock)) {
    return;
  }
  report.unknownFields(field, ipBlock, ['cidr', 'except']);
  if (!present(ipBlock.cidr)) {
    report.reject(`${field}.cidr`, undefined, 'is required', 'set cidr, e.g. 10.0.0.0/8 (0.0.0.0/0 for every IPv4 address)');
    return;
  }
  const cidr = checkCidr(report, `${field}.cidr`, ipBlock.cidr);
  const except = ipBlock.except;
  if (!present(except) || !report.expectList(`${field}.except`, except)) {
    return;
  }
  except.forEach((entry, k) => {
    const exceptField = `${field}.except[${k}]`;
    const excluded = checkCidr(report, exceptField, entry);
    const problem = cidr && excluded && strictSubsetProblem(cidr, excluded);
    if (problem) {
      report.reject(exceptField, entry, problem, 'list only ranges strictly inside cidr (a longer prefix of the same network), or remove this entry');
    }
  });
}

/** Reports a CIDR that is not strictly valid; returns it parsed when it is. */
function checkCidr(report: Report, field: string, value: unknown): ParsedCidr | undefined {
  if (!report.expectString(field, value)) {
    return undefined;
  }
  const parsed = parseCidr(value);
  if (isCidrProblem(parsed)) {
    report.reject(field, value, parsed.message, parsed.fix);
    return undefined;
  }
  return parsed;
}
