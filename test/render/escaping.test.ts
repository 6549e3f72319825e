import { workload } from './fixtures';
import { ConnectionSet } from '../../src/analysis/connection-set';
import type { Reachability } from '../../src/analysis/results';
import { renderReach, toCsv, toMarkdownTable } from '../../src/render';

test('csv quotes cells with commas, quotes or line breaks, doubling quotes', () => {
  expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', 'plain']])).toBe('a,b\n"x,y","say ""hi"""\n"line\nbreak",plain\n');
});

test('markdown escapes pipes and flattens line breaks so a cell stays in its row', () => {
  expect(toMarkdownTable(['a'], [['x|y'], ['two\nlines']])).toBe('| a |\n|---|\n| x\\|y |\n| two lines |\n');
});

describe('diagram ids and quoting', () => {
  // Names Kubernetes would never accept, to show the diagrams still hold together.
  const odd: Reachability = {
    externalRanges: [],
    flows: [
      { src: workload('a-b', 'c'), dst: workload('a', 'b-c'), conns: ConnectionSet.ports('TCP', 80) },
      { src: workload('a', 'say "hi"'), dst: workload('a', 'back\\slash'), conns: ConnectionSet.ports('TCP', 80) },
    ],
  };

  test('dot escapes quotes and backslashes', () => {
    const dot = renderReach(odd, 'dot');
    expect(dot).toContain('"a/say \\"hi\\"[Deployment]" -> "a/back\\\\slash[Deployment]" [label="TCP 80"]');
  });

  test('mermaid gives clashing ids a suffix, and writes quotes as #quot;', () => {
    const mermaid = renderReach(odd, 'mermaid');
    // `a/b-c[Deployment]` and `a-b/c[Deployment]` both read a_b_c_Deployment: the second drawn gets _2.
    expect(mermaid).toContain('    a_b_c_Deployment["b-c[Deployment]"]');
    expect(mermaid).toContain('    a_b_c_Deployment_2["c[Deployment]"]');
    expect(mermaid).toContain('  a_b_c_Deployment_2 -->|"TCP 80"| a_b_c_Deployment');
    expect(mermaid).toContain('["say #quot;hi#quot;[Deployment]"]');
  });
});
