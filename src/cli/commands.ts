import type { Command } from './command';
import { diffCommand } from './diff-command';
import { explainCommand } from './explain-command';
import { importCommand } from './import-command';
import { lintCommand } from './lint-command';
import { migrateCommand } from './migrate-command';
import { reachCommand } from './reach-command';

/** Every subcommand, in the order `cdk8s-netpol --help` lists them. Adding one is one line here. */
export const COMMANDS: readonly Command[] = [
  reachCommand,
  explainCommand,
  lintCommand,
  diffCommand,
  importCommand,
  migrateCommand,
];
