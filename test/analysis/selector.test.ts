import { describeSelector, matchesSelector, selectsAll } from '../../src/analysis/selector';

describe('matchesSelector', () => {
  const web = { app: 'web', tier: 'frontend' };

  test('{} matches everything, including no labels', () => {
    expect(matchesSelector({}, web)).toBe(true);
    expect(matchesSelector({}, {})).toBe(true);
  });

  test('matchLabels needs every pair', () => {
    expect(matchesSelector({ matchLabels: { app: 'web' } }, web)).toBe(true);
    expect(matchesSelector({ matchLabels: { app: 'web', tier: 'backend' } }, web)).toBe(false);
    expect(matchesSelector({ matchLabels: { env: 'prod' } }, web)).toBe(false);
  });

  test('matchLabels AND matchExpressions', () => {
    const sel = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In' as const, values: ['backend'] }] };
    expect(matchesSelector(sel, web)).toBe(false);
    expect(matchesSelector(sel, { app: 'web', tier: 'backend' })).toBe(true);
  });

  test('In and Exists need the key', () => {
    expect(matchesSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'x'] }] }, web)).toBe(true);
    expect(matchesSelector({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] }, web)).toBe(false);
    expect(matchesSelector({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, web)).toBe(true);
    expect(matchesSelector({ matchExpressions: [{ key: 'env', operator: 'Exists' }] }, web)).toBe(false);
  });

  test('NotIn and DoesNotExist match objects without the key', () => {
    expect(matchesSelector({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, web)).toBe(true);
    expect(matchesSelector({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['frontend'] }] }, web)).toBe(false);
    expect(matchesSelector({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, web)).toBe(true);
    expect(matchesSelector({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, web)).toBe(false);
  });

  test('inherited properties are not labels', () => {
    expect(matchesSelector({ matchExpressions: [{ key: 'constructor', operator: 'Exists' }] }, web)).toBe(false);
    expect(matchesSelector({ matchExpressions: [{ key: 'toString', operator: 'DoesNotExist' }] }, web)).toBe(true);
  });

  test('an operator Kubernetes rejects matches nothing', () => {
    expect(matchesSelector({ matchExpressions: [{ key: 'app', operator: 'Gt' as never, values: ['1'] }] }, web)).toBe(false);
  });

  test('selectsAll: only a selector without any requirement, empty lists included', () => {
    expect(selectsAll({})).toBe(true);
    expect(selectsAll({ matchLabels: {}, matchExpressions: [] })).toBe(true);
    expect(selectsAll({ matchLabels: { app: 'web' } })).toBe(false);
    expect(selectsAll({ matchExpressions: [{ key: 'debug', operator: 'DoesNotExist' }] })).toBe(false);
  });

  test('describeSelector', () => {
    expect(describeSelector({})).toBe('(all)');
    expect(describeSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['a', 'b'] }, { key: 'x', operator: 'DoesNotExist' }] }))
      .toBe('app=web,env notin (a,b),!x');
  });
});
