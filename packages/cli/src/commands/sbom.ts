import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import { LockwardenError } from '@lockwarden/core/errors';
import type { Inventory } from '@lockwarden/core/model';
import { loadWorkTreeInventories, type LoadOptions } from '@lockwarden/core/lockfiles';
import { compareSbomWithInventories, DEFAULT_SBOM_SPEC_VERSION, readRootProject, renderSbom, readSbom, writeSbomJson, SBOM_SPEC_VERSIONS, signDetached, verifyDetached, type SbomDrift, type SbomFormat, type SbomSchemaIssue, type SbomSpecVersion } from '@lockwarden/core/sbom';
import { modelCardsFromHub } from '@lockwarden/core/sbom';
import type { CommandContext } from '../context.js';
import { commandDescription } from './catalog.js';
import { EXIT } from '../io.js';
import { excludeLoadOptions, formatOption, usageError } from '../options.js';
import { VERSION } from '../version.js';

interface SbomOptions {
  specVersion: SbomSpecVersion;
  output?: string;
  format: SbomFormat;
  reproducible?: boolean;
  parseAs?: string;
  exclude?: string[];
  defaultExcludes?: boolean;
  modelCards?: boolean;
}

interface VerifyOptions {
  against?: string[];
  signature?: string;
  key?: string;
  parseAs?: string;
  json?: boolean;
}

interface SignOptions {
  key: string;
  output?: string;
  encoding: 'base64' | 'raw';
}

/** Where lockfiles come from; one function so that discovery can change without touching the command. */
export type InventoryLoader = (cwd: string, paths: readonly string[], parseAs?: string, load?: LoadOptions) => Promise<Inventory[]>;

const loadInventories: InventoryLoader = (cwd, paths, parseAs, load = {}) =>
  loadWorkTreeInventories(cwd, paths, { ...load, ...(parseAs ? { parseAs } : {}) });

/** The JSON shape of `sbom verify --format json` (a stable contract). */
export interface SbomVerifyReport {
  file: string;
  valid: boolean;
  schema: { checked: boolean; specVersion: string | null; issues: SbomSchemaIssue[] };
  drift: { checked: boolean; differences: SbomDrift[] };
  signature: { checked: boolean; valid: boolean | null };
}

export function registerSbom(program: Command, ctx: CommandContext): void {
  const sbom = program
    .command('sbom')
    .description(commandDescription('sbom'))
    .argument('[paths...]', 'lockfiles or directories (default: the current directory)')
    .addOption(
      new Option('--spec-version <version>', 'CycloneDX spec version')
        .choices([...SBOM_SPEC_VERSIONS])
        .default(DEFAULT_SBOM_SPEC_VERSION),
    )
    .addOption(formatOption(['json', 'xml'], 'json'))
    .option('-o, --output <file>', 'write the SBOM to this file instead of stdout')
    .option('--reproducible', 'byte-identical output for identical lockfiles (implied by SOURCE_DATE_EPOCH)')
    .option('--parse-as <format>', "parse named files as this format (its conventional file name, e.g. 'yarn.lock')")
    .option('--exclude <glob...>', 'leave out lockfiles matching these globs (below the folder searched; repeatable)')
    .option('--no-default-excludes', 'also search test-fixture folders (testdata/, fixtures/, __fixtures__/, test-fixtures/)')
    .option('--model-cards', 'ask the Hugging Face Hub (HF_ENDPOINT, HF_TOKEN) for the model cards of the models found (JSON only)')
    .action(async (paths: string[], options: SbomOptions) => {
      const cwd = ctx.io.cwd;
      // Lockfile paths are written relative to the scanned root, not to where the command runs, so the same
      // project gives the same bytes from any working directory.
      const rootAbs = rootFolder(cwd, paths);
      const relativePaths = paths.map((p) => relative(rootAbs, resolve(cwd, p)).split(sep).join('/') || '.');
      const inventories = await loadInventories(rootAbs, relativePaths, options.parseAs, { logger: ctx.logger, ...excludeLoadOptions(options) });
      if (inventories.length === 0) usageError('no lockfiles found; name a lockfile or a directory that holds one');
      const root = await readRootProject((rel) => readIfExists(resolve(rootAbs, rel)));
      if (options.modelCards && options.format !== 'json') usageError('--model-cards needs --format json (CycloneDX XML has no place for them here)');
      let modelCards;
      if (options.modelCards) {
        // The registry clients load only when the Hub is asked.
        const { HubRegistryClient, hubSettings, RegistryFetcher, RegistryHttp } = await import('@lockwarden/core/registry');
        const hub = new HubRegistryClient(hubSettings(ctx.io.env), new RegistryFetcher({ http: new RegistryHttp({ logger: ctx.logger }) }));
        modelCards = await modelCardsFromHub(inventories, (name, revision) => hub.getRepo(name, revision));
      }
      const generateOptions = {
        modelCards,
        toolVersion: VERSION,
        root,
        rootDir: '',
        specVersion: options.specVersion,
        format: options.format,
        reproducible: options.reproducible,
        sourceDateEpoch: ctx.io.env.SOURCE_DATE_EPOCH,
      };
      // JSON is written directly, in pieces, so a large SBOM is never one string in memory; the CycloneDX library
      // (and xmlbuilder2) load only for --format xml.
      const emit = (write: (text: string) => void): Promise<void> | void =>
        options.format === 'json' ? writeSbomJson(inventories, generateOptions, write) : renderSbom(inventories, generateOptions).then(write);
      if (options.output) {
        const fd = openSync(resolve(cwd, options.output), 'w');
        try {
          // writeFileSync on a descriptor writes all of the text at the current position (writeSync may write less).
          await emit((text) => writeFileSync(fd, text));
        } finally {
          closeSync(fd);
        }
        const count = new Set(inventories.flatMap((i) => i.packages.map((p) => p.purl))).size;
        ctx.io.stderr(`wrote ${options.output}: ${count} packages from ${inventories.length} lockfile(s)\n`);
      } else {
        await emit((text) => ctx.io.stdout(text));
      }
    });

  sbom
    .command('verify')
    .description('check an SBOM: schema, drift against the lockfiles, detached signature (exit 1 when any fails)')
    .argument('<file>', 'the SBOM (CycloneDX JSON; SPDX JSON for drift and signature only)')
    .option('--against <paths...>', 'compare with the lockfiles in these paths (lockfiles or directories)')
    .option('--signature <file>', 'detached signature over the SBOM file (DER or base64; ECDSA P-256 or Ed25519)')
    .option('--key <pem>', 'public key (PEM) for --signature, e.g. cosign.pub')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, _options: VerifyOptions, command: Command) => {
      // Options of `sbom` itself (--parse-as) are parsed wherever they appear, so read them merged.
      const options = command.optsWithGlobals<VerifyOptions>();
      if (Boolean(options.signature) !== Boolean(options.key)) usageError('--signature and --key go together');
      const cwd = ctx.io.cwd;
      const bytes = readRequired(resolve(cwd, file), file);
      const text = bytes.toString('utf8');
      const report: SbomVerifyReport = {
        file,
        valid: true,
        schema: { checked: false, specVersion: null, issues: [] },
        drift: { checked: false, differences: [] },
        signature: { checked: false, valid: null },
      };
      if (options.signature && options.key) {
        const signature = readRequired(resolve(cwd, options.signature), options.signature);
        const key = readRequired(resolve(cwd, options.key), options.key).toString('utf8');
        report.signature = { checked: true, valid: verifyDetached(bytes, signature, key) };
      }
      const isJson = text.trimStart().startsWith('{');
      if (!isJson && !report.signature.checked) {
        usageError(`${file}: only JSON SBOMs can be checked for schema and drift; pass --signature and --key for XML`);
      }
      if (isJson) {
        const inventory = readSbom(text, file);
        if (inventory.format === 'cyclonedx') {
          // Ajv and the CycloneDX schemas load only when an SBOM is validated.
          const { validateSbomJson } = await import('@lockwarden/core/sbom/validate');
          const result = await validateSbomJson(text, file);
          report.schema = { checked: true, specVersion: result.specVersion, issues: result.issues };
        }
        if (options.against) {
          const current = await loadInventories(cwd, options.against, options.parseAs, { logger: ctx.logger });
          if (current.length === 0) usageError('--against: no lockfiles found');
          report.drift = { checked: true, differences: compareSbomWithInventories(inventory, current) };
        }
      }
      report.valid =
        report.schema.issues.length === 0 && report.drift.differences.length === 0 && report.signature.valid !== false;
      ctx.io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : verifyText(report));
      ctx.exitCode = report.valid ? EXIT.ok : EXIT.violation;
    });

  sbom
    .command('sign')
    .description(
      'make a detached signature over an SBOM file (ECDSA P-256/SHA-256 or Ed25519 PEM private key); -o/--output names the signature file (default: FILE.sig)',
    )
    .argument('<file>', 'the SBOM file')
    .requiredOption('--key <pem>', 'private key (PEM, unencrypted or with LOCKWARDEN_KEY_PASSPHRASE set)')
    // -o/--output is the `sbom` command's option (commander parses a parent's options after the subcommand too).
    .addOption(
      new Option('--encoding <encoding>', 'base64 text (as cosign writes) or raw bytes (as openssl writes)')
        .choices(['base64', 'raw'])
        .default('base64'),
    )
    .action((file: string, _options: SignOptions, command: Command) => {
      const options = command.optsWithGlobals<SignOptions>();
      const cwd = ctx.io.cwd;
      const bytes = readRequired(resolve(cwd, file), file);
      const key = readRequired(resolve(cwd, options.key), options.key).toString('utf8');
      const signature = signDetached(bytes, key, ctx.io.env.LOCKWARDEN_KEY_PASSPHRASE);
      const output = options.output ?? `${file}.sig`;
      writeFileSync(resolve(cwd, output), options.encoding === 'raw' ? signature.signature : `${signature.base64}\n`);
      ctx.io.stderr(`wrote ${output} (${signature.algorithm}, ${options.encoding})\n`);
    });
}

function verifyText(report: SbomVerifyReport): string {
  const lines: string[] = [];
  if (report.schema.checked) {
    lines.push(
      report.schema.issues.length === 0
        ? `schema: valid CycloneDX ${report.schema.specVersion}`
        : `schema: ${report.schema.issues.length} error(s) against CycloneDX ${report.schema.specVersion}`,
    );
    for (const issue of report.schema.issues) lines.push(`  ${issue.path}: ${issue.message}`);
  } else {
    lines.push('schema: not checked (only CycloneDX JSON has a schema here)');
  }
  if (report.drift.checked) {
    lines.push(
      report.drift.differences.length === 0
        ? 'drift: none, the SBOM matches the lockfiles'
        : `drift: ${report.drift.differences.length} difference(s)`,
    );
    for (const d of report.drift.differences) lines.push(`  ${d.kind}: ${d.message}`);
  }
  if (report.signature.checked) lines.push(`signature: ${report.signature.valid ? 'valid' : 'INVALID'}`);
  lines.push(report.valid ? 'ok' : 'FAILED');
  return `${lines.join('\n')}\n`;
}

/** The root project's folder: the one PATH when it is a folder (or a file's folder), else the working directory. */
/** The folder the SBOM describes: the one folder named, a named file's folder, or the nearest common one of several. */
function rootFolder(cwd: string, paths: readonly string[]): string {
  if (paths.length === 0) return cwd;
  const folders = paths.map((p) => {
    const full = resolve(cwd, p);
    return existsSync(full) && statSync(full).isDirectory() ? full : dirname(full);
  });
  let common = folders[0] as string;
  for (const folder of folders.slice(1)) {
    while (folder !== common && !folder.startsWith(common.endsWith(sep) ? common : common + sep)) common = dirname(common);
  }
  return common;
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
}

function readRequired(path: string, shown: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new LockwardenError('IO_ERROR', `cannot read ${shown}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, {
      cause: err,
    });
  }
}
