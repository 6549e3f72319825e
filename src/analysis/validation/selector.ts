/**
 * Label selectors (`metav1.LabelSelector`) in a NetworkPolicy: `spec.podSelector` and the
 * peers' `podSelector` / `namespaceSelector` (docs/semantics.md §1.2).
 */
import { labelValueProblem, qualifiedNameProblem } from './qualified-name';
import { present, Report } from './report';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export function validateSelector(report: Report, field: string, selector: unknown): void {
  if (!report.expectObject(field, selector)) {
    return;
  }
  report.unknownFields(field, selector, ['matchLabels', 'matchExpressions']);
  if (present(selector.matchLabels)) {
    validateLabelMap(report, `${field}.matchLabels`, selector.matchLabels);
  }
  const expressions = selector.matchExpressions;
  if (!present(expressions) || !report.expectList(`${field}.matchExpressions`, expressions)) {
    return;
  }
  expressions.forEach((expression, k) => {
    const expressionField = `${field}.matchExpressions[${k}]`;
    if (report.expectObject(expressionField, expression)) {
      validateExpression(report, expressionField, expression);
    }
  });
}

/** A map of label keys to label values; the API server reports these at the map, not per key. */
export function validateLabelMap(report: Report, field: string, labels: unknown): void {
  if (!report.expectObject(field, labels)) {
    return;
  }
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem) {
      report.reject(field, key, keyProblem, 'use a key like app or example.com/app');
    }
    if (typeof value !== 'string') {
      report.reject(field, value, `(the value of ${key}) must be a string`, 'quote the value, e.g. "true" or "1"');
      continue;
    }
    const valueProblem = labelValueProblem(value);
    if (valueProblem) {
      report.reject(field, value, `(the value of ${key}) ${valueProblem}`, 'use at most 63 letters, digits, \'-\', \'_\' or \'.\'');
    }
  }
}

function validateExpression(report: Report, field: string, expression: Record<string, unknown>): void {
  report.unknownFields(field, expression, ['key', 'operator', 'values']);
  if (report.expectString(`${field}.key`, expression.key)) {
    const keyProblem = qualifiedNameProblem(expression.key);
    if (keyProblem) {
      report.reject(`${field}.key`, expression.key, keyProblem, 'use a key like app or example.com/app');
    }
  }
  // The field path alone (`matchExpressions[0]`) does not say which label the expression is about.
  const about = typeof expression.key === 'string' ? `(for key ${expression.key}) ` : '';
  const operator = expression.operator;
  if (!OPERATORS.includes(operator as string)) {
    const hint = operator === 'Gt' || operator === 'Lt' ? ' (Gt and Lt exist only in node selectors)' : '';
    report.reject(`${field}.operator`, operator, `${about}is not a valid selector operator${hint}`, `use one of ${OPERATORS.join(', ')}`);
    return;
  }
  const values = expression.values;
  if (operator === 'Exists' || operator === 'DoesNotExist') {
    // The API server refuses only a non-empty list here: `values: []` says nothing and is accepted.
    if (present(values) && !(Array.isArray(values) && values.length === 0)) {
      report.reject(`${field}.values`, values, `${about}may not be specified when operator is ${operator}`, 'remove values');
    }
    return;
  }
  if (!present(values) || (Array.isArray(values) && values.length === 0)) {
    report.reject(`${field}.values`, values, `${about}must be specified when operator is ${operator}`, 'list at least one value');
    return;
  }
  if (!report.expectList(`${field}.values`, values)) {
    return;
  }
  values.forEach((value, n) => {
    const valueField = `${field}.values[${n}]`;
    if (!report.expectString(valueField, value)) {
      return;
    }
    const problem = labelValueProblem(value);
    if (problem) {
      report.reject(valueField, value, about ? `${problem} (a value for key ${expression.key})` : problem, 'use at most 63 letters, digits, \'-\', \'_\' or \'.\'');
    }
  });
}
