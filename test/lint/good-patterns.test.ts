import { lintFixture } from './fixtures';

describe('lint on good patterns', () => {
  test('the seed patterns (default-deny-ingress, backend-allow-frontend, backend-egress-db) lint clean', () => {
    expect(lintFixture('seed-good-patterns.yaml')).toEqual([]);
  });

  test('a complete three-tier setup with DNS lints clean', () => {
    expect(lintFixture('three-tier-good.yaml')).toEqual([]);
  });
});
