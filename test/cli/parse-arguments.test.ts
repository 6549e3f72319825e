import { parseArgs } from 'node:util';
import { UsageError } from '../../src/cli/command';
import { withUsageErrors } from '../../src/cli/parse-arguments';

test('parseArgs mistakes become UsageErrors with its message', () => {
  const parse = () => withUsageErrors(() => parseArgs({ args: ['--nope'], options: {}, strict: true }));
  expect(parse).toThrow(UsageError);
  expect(parse).toThrow("Unknown option '--nope'");
});

test('anything else is rethrown as is: it is not the user\'s mistake', () => {
  const bug = new RangeError('bug');
  expect(() => withUsageErrors(() => {
    throw bug;
  })).toThrow(bug);
});
