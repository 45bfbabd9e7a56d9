import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerLs } from './ls.js';
import { registerDiff } from './diff.js';
import { registerCheck } from './check.js';
import { registerAudit } from './audit.js';
import { registerVet } from './vet.js';
import { registerSbom } from './sbom.js';
import { registerDb } from './db.js';

/**
 * Every subcommand, registered in this order; one file per command. Loads them all: for tests and tools that
 * inspect every command's options. The CLI itself loads commands lazily through COMMAND_CATALOG.
 */
export const COMMANDS: ReadonlyArray<(program: Command, ctx: CommandContext) => void> = [
  registerLs,
  registerDiff,
  registerCheck,
  registerAudit,
  registerVet,
  registerSbom,
  registerDb,
];
