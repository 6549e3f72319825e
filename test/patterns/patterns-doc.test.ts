import * as fs from 'fs';
import { PATTERNS_DOC, renderPatternsDoc } from '../../scripts/generate-patterns-doc';

describe('docs/patterns.md', () => {
  test('is what the tested examples generate (run npm run docs:patterns)', () => {
    // A plain equality check: a diff of a 2,500-line page would bury the one instruction that matters.
    const fresh = renderPatternsDoc() === fs.readFileSync(PATTERNS_DOC, 'utf8');
    if (!fresh) {
      throw new Error('docs/patterns.md is stale: run npm run docs:patterns (ts-node --transpile-only scripts/generate-patterns-doc.ts) and commit it');
    }
  });

  test('generating it twice gives the same page', () => {
    expect(renderPatternsDoc()).toBe(renderPatternsDoc());
  });
});
