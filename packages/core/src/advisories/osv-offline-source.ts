import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SourceUnavailableError } from '../errors.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { packageKey, type PackageRef } from '../model/package.js';
import { groupAdvisories, type MatchedRecord } from './group-advisories.js';
import { OsvIndex } from './osv-index.js';
import { matchRecord } from './osv-match.js';
import { loadCvssScorer, type CvssScorer } from './severity.js';
import type { Advisory, AdvisoryQueryResult, AdvisorySource } from './types.js';

export interface OsvOfflineSourceOptions {
  /** The database folder: `<dir>/<ecosystem>/all.zip`, `<dir>/<ecosystem>/*.json`, or OSV JSON files directly in it. */
  dir: string;
  logger?: Logger;
  /** Where to keep indexes when `dir` is read-only (default: the OS temp folder). */
  fallbackIndexDir?: string;
}

/** Where the records of one ecosystem live in an offline database. */
interface DataSet {
  /** An ecosystem name, or `*` for loose JSON files directly in the database folder (any ecosystem). */
  ecosystem: string;
  path: string;
}

/**
 * Advisories from a local copy of the OSV export (https://google.github.io/osv.dev/data/#data-dumps), for
 * air-gapped runners: per ecosystem an `all.zip` (as `lockwarden db download` fetches it) or a folder of OSV JSON
 * files. Each data set is indexed once (see OsvIndex); a package whose ecosystem has no data is an error, not a
 * clean bill of health.
 */
export class OsvOfflineSource implements AdvisorySource {
  readonly name: string;
  private readonly dir: string;
  private readonly logger: Logger;
  private readonly fallbackIndexDir: string | undefined;
  private readonly indexes = new Map<string, Promise<OsvIndex>>();

  constructor(options: OsvOfflineSourceOptions) {
    this.dir = options.dir;
    this.name = `offline OSV database at ${options.dir}`;
    this.logger = options.logger ?? silentLogger;
    this.fallbackIndexDir = options.fallbackIndexDir;
  }

  /** The data sets found in the database folder. */
  dataSets(): DataSet[] {
    if (!existsSync(this.dir) || !statSync(this.dir).isDirectory()) {
      throw new SourceUnavailableError(this.name, 'the folder does not exist (fetch it with `lockwarden db download`)');
    }
    const sets: DataSet[] = [];
    let looseJson = false;
    for (const entry of readdirSync(this.dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isFile() && entry.name.endsWith('.json')) looseJson = true;
      if (!entry.isDirectory()) continue;
      const zip = join(this.dir, entry.name, 'all.zip');
      if (existsSync(zip)) sets.push({ ecosystem: entry.name, path: zip });
      else if (readdirSync(join(this.dir, entry.name)).some((f) => f.endsWith('.json'))) {
        sets.push({ ecosystem: entry.name, path: join(this.dir, entry.name) });
      }
    }
    if (looseJson) sets.push({ ecosystem: '*', path: this.dir });
    return sets;
  }

  async query(packages: readonly PackageRef[]): Promise<AdvisoryQueryResult> {
    const sets = this.dataSets();
    const ecosystems = [...new Set(packages.map((p) => p.ecosystem))];
    const missing = ecosystems.filter((e) => !sets.some((s) => s.ecosystem === e || s.ecosystem === '*'));
    const missingMessage = `no data for ${missing.join(', ')} (fetch it with \`lockwarden db download --ecosystems ${missing.join(',')}\`)`;
    // Nothing to answer from at all is an outage; one ecosystem missing must not hide what the others say.
    if (missing.length > 0 && missing.length === ecosystems.length) throw new SourceUnavailableError(this.name, missingMessage);
    const indexesByEcosystem = new Map<string, OsvIndex[]>();
    let dataAsOf: string | undefined;
    for (const ecosystem of ecosystems) {
      const list: OsvIndex[] = [];
      for (const set of sets.filter((s) => s.ecosystem === ecosystem || s.ecosystem === '*')) {
        const index = await this.index(set.path);
        list.push(index);
        // The report states the age of the oldest data consulted.
        const asOf = index.meta.dataAsOf;
        if (asOf && (!dataAsOf || Date.parse(asOf) < Date.parse(dataAsOf))) dataAsOf = asOf;
      }
      indexesByEcosystem.set(ecosystem, list);
    }

    const byPackage = new Map<string, Advisory[]>();
    const unanswered: string[] = [];
    let scoreOf: CvssScorer | undefined;
    for (const pkg of packages) {
      if (missing.includes(pkg.ecosystem)) {
        unanswered.push(packageKey(pkg));
        continue;
      }
      const matched = this.lookup(pkg, indexesByEcosystem.get(pkg.ecosystem) ?? []);
      if (matched.length > 0) byPackage.set(packageKey(pkg), groupAdvisories(pkg, matched, (scoreOf ??= await loadCvssScorer())));
    }
    return {
      byPackage,
      source: this.name,
      ...(dataAsOf ? { dataAsOf: new Date(dataAsOf) } : {}),
      ...(unanswered.length > 0 ? { failures: [{ data: 'advisories' as const, source: this.name, message: missingMessage, packages: unanswered }] } : {}),
    };
  }

  /** The records that affect `pkg` (or may: an undetermined match is kept). */
  private lookup(pkg: PackageRef, indexes: readonly OsvIndex[]): MatchedRecord[] {
    const seen = new Set<string>();
    const matched: MatchedRecord[] = [];
    for (const index of indexes) {
      for (const record of index.lookup(pkg.ecosystem, pkg.name)) {
        if (seen.has(record.id)) continue;
        seen.add(record.id);
        const match = matchRecord(record, pkg);
        if (match.verdict !== 'not-affected') matched.push({ record, match });
      }
    }
    return matched;
  }

  private index(path: string): Promise<OsvIndex> {
    let pending = this.indexes.get(path);
    if (!pending) {
      pending = OsvIndex.open(path, {
        logger: this.logger,
        ...(this.fallbackIndexDir ? { fallbackIndexDir: this.fallbackIndexDir } : {}),
      });
      this.indexes.set(path, pending);
    }
    return pending;
  }

  /** Releases the open index files. */
  async close(): Promise<void> {
    for (const pending of this.indexes.values()) (await pending).close();
    this.indexes.clear();
  }
}
