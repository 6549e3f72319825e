/**
 * A NetworkPolicy the API server would reject (docs/semantics.md §1) can never be applied, so
 * nothing about it can be proven. The loader finds such policies (the shared validator's
 * `rejected` problems) and leaves them out of the model; `lint` reports each rejected field
 * here, at its own line, and goes on with the rest of the input. Other commands refuse the input.
 */
import type { Finding, LintRule, ObjectRef } from './finding';
import { ruleDocUrl } from './finding';
import type { SourceLocation } from '../model';
import type { ValidationProblem } from '../validation/problem';

/** One field of a NetworkPolicy the API server would reject, as the loader found it. */
export interface ApiRejection {
  readonly policy: ObjectRef;
  readonly problem: ValidationProblem;
  /** Where the field is written (the document's line when the field itself cannot be located). */
  readonly source: SourceLocation;
}

const ID = 'api-invalid';

export const apiInvalid: LintRule = {
  id: ID,
  severity: 'error',
  description: 'A NetworkPolicy the API server would reject: it can never be applied, so the analysis leaves it out.',
  docUrl: ruleDocUrl(ID),
  check: (_model, context) => context.rejections.map(rejectionFinding),
};

function rejectionFinding({ policy, problem, source }: ApiRejection): Finding {
  return {
    ruleId: ID,
    severity: 'error',
    // A cluster-scoped policy (ClusterNetworkPolicy, …) has no namespace: it is named by its kind.
    message: `${policy.namespace ? `${policy.namespace}/${policy.name}` : `${policy.kind} ${policy.name}`}: ${problem.field}: ${problem.value} ${problem.message}; `
      + `the API server would reject this ${policy.kind}, so it is left out of the analysis`,
    fix: problem.fix,
    subject: policy,
    field: problem.field,
    source,
  };
}
