import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

/** Adds one command (its options, arguments and action) to the program. */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

/** What the CLI knows about a command before loading it: enough for `lockwarden --help`. */
export interface CommandEntry {
  name: string;
  /** What follows the name in the help listing (`[options] [paths...]`). */
  usage: string;
  description: string;
  /** Imports the command's module, which imports only what that command uses. */
  load(): Promise<RegisterCommand>;
}

/**
 * Every subcommand, in help order. The CLI loads a command's module only when the command line names it, so
 * `--version`, `--help` and `ls` do not load the advisory, policy, SBOM or XML code the other commands need.
 * A test checks each entry's usage and description against the command's own registration.
 */
export const COMMAND_CATALOG: readonly CommandEntry[] = [
  {
    name: 'ls',
    usage: '[options] [paths...]',
    description: 'list the packages of lockfiles (a directory is searched for every supported lockfile)',
    load: async () => (await import('./ls.js')).registerLs,
  },
  {
    name: 'diff',
    usage: '[options] [paths...]',
    description: 'show packages added, removed, upgraded or downgraded between a base and a head',
    load: async () => (await import('./diff.js')).registerDiff,
  },
  {
    name: 'check',
    usage: '[options] [paths...]',
    description: 'judge the dependency changes between --base and --head against the policy (exit 0 pass, 1 violation, 2 could not evaluate)',
    load: async () => (await import('./check.js')).registerCheck,
  },
  {
    name: 'audit',
    usage: '[options] [paths...]',
    description:
      'judge every package of the lockfiles against the policy: known vulnerabilities and malware (OSV) and the other rules (exit 0 pass, 1 violation, 2 could not evaluate)',
    load: async () => (await import('./audit.js')).registerAudit,
  },
  {
    name: 'vet',
    usage: '[options] <packages...>',
    description:
      'judge packages before adding them: TYPE:NAME[@VERSION] or a purl; no version judges the latest (exit 0 pass, 1 violation, 2 could not evaluate)',
    load: async () => (await import('./vet.js')).registerVet,
  },
  {
    name: 'sbom',
    usage: '[options] [paths...]',
    description: 'write a CycloneDX SBOM of the lockfiles (a directory is searched for every supported lockfile)',
    load: async () => (await import('./sbom.js')).registerSbom,
  },
  {
    name: 'db',
    usage: '',
    description: 'manage the local OSV database that `check`, `audit`, `vet`, `guard` and `mcp` read offline (--offline --db DIR)',
    load: async () => (await import('./db.js')).registerDb,
  },
  {
    name: 'guard',
    usage: '[options] [command...]',
    description: 'judge packages where they enter: `guard serve` runs a registry proxy; `guard -- npm install x` runs an install through it',
    load: async () => (await import('./guard.js')).registerGuard,
  },
  {
    name: 'mcp',
    usage: '[options]',
    description: 'run the MCP server over stdio: tools vet_packages, check_dependency_change, explain_finding',
    load: async () => (await import('./mcp.js')).registerMcp,
  },
  {
    name: 'inventory',
    usage: '',
    description: "keep every build's components; ask who uses a package; re-evaluate against new advisories; VEX; compliance reports",
    load: async () => (await import('./inventory.js')).registerInventory,
  },
];

/** The catalog's description of a command, so the command's own registration says the same. */
export function commandDescription(name: string): string {
  const entry = COMMAND_CATALOG.find((c) => c.name === name);
  if (!entry) throw new Error(`no command "${name}" in the catalog`);
  return entry.description;
}
