import { AllowFrom, LabelExpression, Peer, PodSelector } from '../../src';
import { errorOf, makeChart, onlyPolicy, synth } from '../policies/helpers';

describe('LabelExpression', () => {
  test('renders each operator as one matchExpressions entry', () => {
    const chart = makeChart();
    new AllowFrom(chart, 'allow', {
      pods: PodSelector.of({
        expressions: [
          LabelExpression.in('tier', ['web', 'api']),
          LabelExpression.notIn('env', ['dev']),
          LabelExpression.exists('example.com/team'),
          LabelExpression.doesNotExist('canary'),
        ],
      }),
      from: [Peer.allNamespaces()],
    });
    expect(synth(chart)).toMatchSnapshot();
    expect(onlyPolicy(chart).spec.podSelector).toEqual({
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['web', 'api'] },
        { key: 'env', operator: 'NotIn', values: ['dev'] },
        { key: 'example.com/team', operator: 'Exists' },
        { key: 'canary', operator: 'DoesNotExist' },
      ],
    });
  });

  test('exposes key, operator and values, and keeps its own copy of the values', () => {
    const values = ['web'];
    const expression = LabelExpression.in('tier', values);
    values.push('db');
    expect([expression.key, expression.operator, expression.values]).toEqual(['tier', 'In', ['web']]);
    expect(LabelExpression.exists('tier').values).toBeUndefined();
  });

  test('accepts an empty value in the list', () => {
    const chart = makeChart();
    new AllowFrom(chart, 'allow', { pods: PodSelector.of({ expressions: [LabelExpression.in('flag', [''])] }), from: [Peer.anywhere()] });
    expect(onlyPolicy(chart).spec.podSelector.matchExpressions[0].values).toEqual(['']);
  });

  test.each([
    [LabelExpression.in('tier', []), 'spec.podSelector.matchExpressions[0].values', 'must be specified when operator is In', 'list at least one value'],
    [LabelExpression.notIn('tier', []), 'spec.podSelector.matchExpressions[0].values', 'must be specified when operator is NotIn', 'list at least one value'],
    [LabelExpression.in('a/b/c', ['x']), 'spec.podSelector.matchExpressions[0].key', 'a/b/c is not a qualified name', 'use a key like app'],
    [LabelExpression.in('tier', ['not valid']), 'spec.podSelector.matchExpressions[0].values[0]', 'not valid is not a valid label value', '63 letters'],
  ])('refuses %p at construction, naming path, field, value and fix', (expression, field, message, fix) => {
    const chart = makeChart();
    const error = errorOf(() => new AllowFrom(chart, 'allow', { pods: PodSelector.of({ expressions: [expression] }), from: [Peer.anywhere()] }));
    expect(error).toContain(`AllowFrom test/allow: ${field}: `);
    expect(error).toContain(message);
    expect(error).toContain(fix);
  });
});
