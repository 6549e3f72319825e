import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A fresh temporary folder for each test of the calling file, removed afterwards: hostile inputs
 * (huge, binary, thousands of files, symlink loops) are made at test time, never committed.
 */
export function useTempDir(): { file(name: string, content?: string | Buffer): string } {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-hostile-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    /** The path of `name` in the folder; written first when `content` is given. */
    file(name, content) {
      const target = path.join(dir, name);
      if (content !== undefined) {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
      }
      return target;
    },
  };
}
