/**
 * The README blocks the consumer test (scripts/consumer-test.ts, run by CI) executes: README.md's
 * "Use it in your app" section is fully marked and follows the path that works for a new app,
 * and a marker the test could not follow is refused with its line before anything is installed.
 * The consumer test itself installs from the npm registry, so it is not a jest test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readmeSteps } from '../../scripts/consumer-test';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

/** A README whose "Use it in your app" section has `body`. */
function readme(body: string): string {
  return `# x\n\n\`\`\`sh\nnot in the section: not run\n\`\`\`\n\n## Use it in your app\n\n${body}\n## Next\n\n\`\`\`ts\nnot run either\n\`\`\`\n`;
}

const PACK = '<!-- consumer-test: run in cdk8s-netpol -->\n```sh\nnpm pack\n```\n';

describe('README.md', () => {
  const steps = readmeSteps(README);
  const runs = steps.filter(s => s.kind === 'run');

  test('packs the library, installs the tarball in the app, then works in the app with no network', () => {
    expect(runs[0]).toMatchObject({ dir: 'cdk8s-netpol', offline: false });
    expect(runs[0].text).toMatch(/^npm pack\b/m);
    expect(runs[1]).toMatchObject({ dir: 'my-app', offline: false });
    expect(runs[1].text).toMatch(/^npm install \.\.\/cdk8s-netpol\/cdk8s-netpol-[\d.]+\.tgz cdk8s-plus-28$/m);
    const offline = steps.flatMap(s => s.kind === 'run' && s.offline ? [s.text] : []).join('');
    expect(offline).toMatch(/^npx cdk8s synth --no-check-upgrade$/m);
    expect(offline).toMatch(/^npx jest$/m);
    expect(offline).toMatch(/^npx cdk8s-netpol reach dist\/$/m);
  });

  test('loads the plugin from the installed package, not from the registry', () => {
    const config = steps.find(s => s.kind === 'append' && s.file === 'my-app/cdk8s.yaml');
    expect(config?.text).toMatch(/^ {2}- package: \.\/node_modules\/cdk8s-netpol$/m);
    expect(config?.text).toMatch(/^ {4}class: NetworkPolicyLintValidation$/m);
  });

  test('writes the chart and a test that uses the matchers', () => {
    const written = steps.flatMap(s => s.kind === 'write' ? [s.file] : []);
    expect(written).toEqual(['my-app/main.ts', 'my-app/main.test.ts']);
    expect(steps.find(s => s.kind === 'write' && s.file === 'my-app/main.test.ts')?.text).toContain("import 'cdk8s-netpol/lib/testing';");
  });

  test('shows what reach prints, right after the reach block', () => {
    const output = steps.findIndex(s => s.kind === 'output');
    expect(steps[output - 1].text).toMatch(/reach dist\//);
    expect(steps[output].text).toMatch(/^shop\/web\[Deployment\] => shop\/api\[Deployment\] : TCP 9000$/m);
  });
});

describe('markers', () => {
  test('each marked block is a step with its line; blocks outside the section need no marker', () => {
    const steps = readmeSteps(readme(`${PACK}\n<!-- consumer-test: output of the block above -->\n\`\`\`\ncdk8s-netpol-0.0.0.tgz\n\`\`\`\n`));
    expect(steps).toEqual([
      { kind: 'run', dir: 'cdk8s-netpol', offline: false, line: 10, marker: 'run in cdk8s-netpol', text: 'npm pack\n' },
      { kind: 'output', line: 15, marker: 'output of the block above', text: 'cdk8s-netpol-0.0.0.tgz\n' },
    ]);
  });

  test.each([
    ['an unmarked block in the section', readme(`${PACK}\n\`\`\`sh\nnpm start\n\`\`\`\n`), /README.md:14: this code block of "## Use it in your app" is not run by the consumer test/],
    ['text between a marker and its block', readme('<!-- consumer-test: run in my-app -->\nthen\n```sh\nls\n```\n'), /README.md:9: marker "run in my-app" must be directly followed by a code block/],
    ['a marker at the end', `## Use it in your app\n\n${PACK}\n<!-- consumer-test: run in my-app -->\n`, /README.md:8: marker "run in my-app" is not followed by a code block/],
    ['an unknown verb', readme('<!-- consumer-test: execute my-app -->\n```sh\nls\n```\n'), /README.md:10: unknown consumer-test marker "execute my-app"/],
    ['a folder other than the two', readme('<!-- consumer-test: write /etc/passwd -->\n```\nx\n```\n'), /names \/etc\/passwd; use a path in cdk8s-netpol or my-app/],
    ['a path out of a folder', readme('<!-- consumer-test: write my-app/../../x -->\n```\nx\n```\n'), /names my-app\/\.\.\/\.\.\/x/],
    ['an output block not after a run', readme('<!-- consumer-test: output of the block above -->\n```\nx\n```\n'), /README.md:10: "output of the block above" must follow a run block/],
    ['a block never closed', '## Use it in your app\n\n<!-- consumer-test: run in my-app -->\n```sh\nls\n', /README.md:4: code block is never closed/],
  ])('refuses %s, with its line', (_what, markdown, message) => {
    expect(() => readmeSteps(markdown)).toThrow(message);
  });

  test('refuses a README with no marked block', () => {
    expect(() => readmeSteps('# x\n')).toThrow(/README.md has no <!-- consumer-test: … --> blocks/);
  });
});
