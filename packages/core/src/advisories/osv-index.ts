import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, type Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile, open as openFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { LockwardenError } from '../errors.js';
import { ECOSYSTEM_PLUGINS } from '../ecosystems/registry.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { normalizeName } from './osv-match.js';
import { isWithdrawn, toOsvRecord, type OsvRecord } from './osv-record.js';

/** Bumped whenever the on-disk layout changes, so an old index is rebuilt rather than misread. */
const INDEX_FORMAT = 2;
/** A single OSV record larger than this is not an advisory; it is skipped. */
const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const INDEX_DIR_NAME = '.lockwarden-index';

export interface OsvIndexMeta {
  format: number;
  /** Size + mtime of the zip, or a hash over the JSON files' names, sizes and mtimes. */
  fingerprint: string;
  /** Ecosystems whose names were normalised by a plug-in when the index was built; a new plug-in means a rebuild. */
  normalizedEcosystems: string[];
  builtAt: string;
  /** The newest `modified` of any record: how fresh the data is. */
  dataAsOf?: string;
  records: number;
  withdrawn: number;
  skipped: number;
}

export interface OsvIndexOptions {
  logger?: Logger;
  /** Where to keep the index when the data's own folder is read-only (default: the OS temp folder). */
  fallbackIndexDir?: string;
}

/**
 * An index over one OSV export (an `all.zip` or a folder of OSV JSON files): ecosystem + normalised package name
 * → the records naming it. It is built once and kept on disk beside the data (records as JSON lines plus a key
 * table of byte ranges), keyed by the data's size and mtime, so a lookup reads a few byte ranges instead of
 * rescanning the zip.
 */
export class OsvIndex {
  private readonly cache = new Map<number, OsvRecord>();

  private constructor(
    readonly dataPath: string,
    readonly indexDir: string,
    readonly meta: OsvIndexMeta,
    /** Key → its position in `starts`. */
    private readonly keys: Map<string, number>,
    /** For key i, its (offset, length) pairs are postings[2*starts[i] .. 2*starts[i+1]). */
    private readonly starts: Uint32Array,
    private readonly postings: Float64Array,
    private readonly fd: number,
  ) {}

  /** Opens the index for `dataPath`, building it first when it is missing or stale. */
  static async open(dataPath: string, options: OsvIndexOptions = {}): Promise<OsvIndex> {
    const logger = options.logger ?? silentLogger;
    const isZip = (await stat(dataPath)).isFile();
    const fingerprint = isZip ? await zipFingerprint(dataPath) : await directoryFingerprint(dataPath);
    const normalizedEcosystems = [...ECOSYSTEM_PLUGINS.keys()].sort();
    const candidates = [
      isZip ? join(dataPath, '..', `${INDEX_DIR_NAME}`) : join(dataPath, INDEX_DIR_NAME),
      join(options.fallbackIndexDir ?? join(tmpdir(), 'lockwarden-osv-index'), hash(resolve(dataPath))),
    ];
    for (const dir of candidates) {
      const meta = await readMeta(dir);
      if (
        meta &&
        meta.format === INDEX_FORMAT &&
        meta.fingerprint === fingerprint &&
        meta.normalizedEcosystems.join(',') === normalizedEcosystems.join(',')
      ) {
        return OsvIndex.load(dataPath, dir, meta);
      }
    }
    let lastError: unknown;
    for (const dir of candidates) {
      try {
        const started = Date.now();
        const meta = await buildIndex(dataPath, isZip, dir, fingerprint, normalizedEcosystems, logger);
        logger.info(`indexed ${meta.records} OSV records of ${dataPath} in ${Date.now() - started} ms`);
        return OsvIndex.load(dataPath, dir, meta);
      } catch (err) {
        lastError = err;
        if (err instanceof LockwardenError) throw err;
        logger.debug(`could not write the OSV index in ${dir}: ${String(err)}`);
      }
    }
    throw new LockwardenError('IO_ERROR', `could not build an index for ${dataPath}: ${String(lastError)}`, { cause: lastError });
  }

  private static async load(dataPath: string, dir: string, meta: OsvIndexMeta): Promise<OsvIndex> {
    const names = (await readFile(join(dir, 'keys.txt'), 'utf8')).split('\n');
    const startsBytes = await readFile(join(dir, 'starts.u32'));
    const postingsBytes = await readFile(join(dir, 'postings.f64'));
    // Copied out so the typed arrays are aligned whatever offset the read buffer has.
    const starts = new Uint32Array(startsBytes.buffer.slice(startsBytes.byteOffset, startsBytes.byteOffset + startsBytes.byteLength));
    const postings = new Float64Array(
      postingsBytes.buffer.slice(postingsBytes.byteOffset, postingsBytes.byteOffset + postingsBytes.byteLength),
    );
    if (starts.length !== names.length + 1) throw new LockwardenError('IO_ERROR', `${dir}: index files do not agree; delete the folder`);
    const keys = new Map<string, number>();
    names.forEach((name, i) => keys.set(name, i));
    const fd = openSync(join(dir, 'records.jsonl'), 'r');
    return new OsvIndex(dataPath, dir, meta, keys, starts, postings, fd);
  }

  /** The records that name `name` in `ecosystem` (normalised as the ecosystem does). */
  lookup(ecosystem: string, name: string): OsvRecord[] {
    const key = this.keys.get(indexKey(ecosystem, normalizeName(ecosystem, name)));
    if (key === undefined) return [];
    const out: OsvRecord[] = [];
    for (let p = this.starts[key] as number; p < (this.starts[key + 1] as number); p++) {
      const offset = this.postings[2 * p] as number;
      let record = this.cache.get(offset);
      if (!record) {
        const length = this.postings[2 * p + 1] as number;
        const buffer = Buffer.alloc(length);
        readSync(this.fd, buffer, 0, length, offset);
        record = JSON.parse(buffer.toString('utf8')) as OsvRecord;
        this.cache.set(offset, record);
      }
      out.push(record);
    }
    return out;
  }

  /** Number of distinct ecosystem + name keys. */
  get size(): number {
    return this.keys.size;
  }

  close(): void {
    closeSync(this.fd);
  }
}

function indexKey(ecosystem: string, normalizedName: string): string {
  return `${ecosystem}\u0000${normalizedName}`;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

async function zipFingerprint(file: string): Promise<string> {
  const s = await stat(file);
  return `zip:${s.size}:${Math.floor(s.mtimeMs)}`;
}

async function directoryFingerprint(dir: string): Promise<string> {
  const files = await listJsonFiles(dir);
  const lines = await Promise.all(
    files.map(async (file) => {
      const s = await stat(file);
      return `${relative(dir, file)}:${s.size}:${Math.floor(s.mtimeMs)}`;
    }),
  );
  return `dir:${files.length}:${hash(lines.sort().join('\n'))}`;
}

/** Every `*.json` file under `dir`, skipping the index's own folder and hidden folders. */
export async function listJsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (current: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (err) {
      throw new LockwardenError('IO_ERROR', `cannot read ${current}: ${String(err)}`, { cause: err });
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && entry.name.endsWith('.json')) out.push(path);
    }
  };
  await walk(dir);
  return out.sort();
}

async function readMeta(dir: string): Promise<OsvIndexMeta | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as OsvIndexMeta;
  } catch {
    return undefined;
  }
}

class IndexWriter {
  readonly keys = new Map<string, number[]>();
  meta = { records: 0, withdrawn: 0, skipped: 0, dataAsOf: undefined as string | undefined };
  private offset = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly handle: import('node:fs/promises').FileHandle,
    private readonly logger: Logger,
    private readonly origin: string,
  ) {}

  async add(text: string, where: string): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      this.skip(`${where}: invalid JSON (${err instanceof Error ? err.message : String(err)})`);
      return;
    }
    const record = toOsvRecord(parsed);
    if (typeof record === 'string') {
      this.skip(`${where}: ${record}`);
      return;
    }
    if (isWithdrawn(record)) {
      this.meta.withdrawn++;
      return;
    }
    const keys = new Set<string>();
    for (const affected of record.affected ?? []) {
      if (!affected.package) continue;
      const ecosystem = affected.package.ecosystem.split(':')[0] as string;
      // No real package name holds a line break; the key list is line-separated.
      if (/[\r\n]/.test(affected.package.name) || /[\r\n]/.test(ecosystem)) continue;
      keys.add(indexKey(ecosystem, normalizeName(ecosystem, affected.package.name)));
    }
    if (keys.size === 0) return;
    const bytes = Buffer.from(JSON.stringify(record), 'utf8');
    for (const key of keys) {
      const list = this.keys.get(key);
      if (list) list.push(this.offset, bytes.length);
      else this.keys.set(key, [this.offset, bytes.length]);
    }
    this.pending.push(bytes, NEWLINE);
    this.pendingBytes += bytes.length + 1;
    this.offset += bytes.length + 1;
    this.meta.records++;
    if (record.modified && (!this.meta.dataAsOf || Date.parse(record.modified) > Date.parse(this.meta.dataAsOf))) {
      this.meta.dataAsOf = record.modified;
    }
    if (this.pendingBytes > 4 * 1024 * 1024) await this.flush();
  }

  skip(reason: string): void {
    this.meta.skipped++;
    if (this.meta.skipped <= 5) this.logger.warn(`${this.origin}: skipped a record: ${reason}`);
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    await this.handle.write(Buffer.concat(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }
}

const NEWLINE = Buffer.from('\n');

async function buildIndex(
  dataPath: string,
  isZip: boolean,
  dir: string,
  fingerprint: string,
  normalizedEcosystems: string[],
  logger: Logger,
): Promise<OsvIndexMeta> {
  await mkdir(dirname(dir), { recursive: true });
  // Built in a fresh folder and renamed into place, so a crash never leaves a half-written index that looks valid.
  const building = `${dir}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  const handle = await openFile(join(building, 'records.jsonl'), 'w');
  const writer = new IndexWriter(handle, logger, dataPath);
  try {
    if (isZip) await readZip(dataPath, writer);
    else {
      for (const file of await listJsonFiles(dataPath)) {
        const s = await stat(file);
        if (s.size > MAX_RECORD_BYTES) writer.skip(`${file}: larger than ${MAX_RECORD_BYTES} bytes`);
        else await writer.add(await readFile(file, 'utf8'), file);
      }
    }
    await writer.flush();
  } finally {
    await handle.close();
  }
  if (writer.meta.skipped > 5) logger.warn(`${dataPath}: skipped ${writer.meta.skipped} malformed records in all`);
  const meta: OsvIndexMeta = {
    format: INDEX_FORMAT,
    fingerprint,
    normalizedEcosystems,
    builtAt: new Date().toISOString(),
    records: writer.meta.records,
    withdrawn: writer.meta.withdrawn,
    skipped: writer.meta.skipped,
    ...(writer.meta.dataAsOf ? { dataAsOf: writer.meta.dataAsOf } : {}),
  };
  // A plain key list and two typed arrays load several times faster than the same table as JSON.
  const names = [...writer.keys.keys()];
  const starts = new Uint32Array(names.length + 1);
  let pairs = 0;
  names.forEach((name, i) => {
    starts[i] = pairs;
    pairs += (writer.keys.get(name) as number[]).length / 2;
  });
  starts[names.length] = pairs;
  const postings = new Float64Array(pairs * 2);
  let at = 0;
  for (const name of names) for (const n of writer.keys.get(name) as number[]) postings[at++] = n;
  await writeFile(join(building, 'keys.txt'), names.join('\n'));
  await writeFile(join(building, 'starts.u32'), Buffer.from(starts.buffer));
  await writeFile(join(building, 'postings.f64'), Buffer.from(postings.buffer));
  await writeFile(join(building, 'meta.json'), JSON.stringify(meta, null, 2));
  await rm(dir, { recursive: true, force: true });
  await rename(building, dir);
  return meta;
}

/**
 * Reads every `*.json` entry of an OSV export. yauzl reads and validates the central directory (ZIP64 included);
 * entry data is then sliced from the archive in memory and inflated synchronously, because one stream per entry
 * costs far more than the inflate itself across 200,000 entries.
 */
async function readZip(file: string, writer: IndexWriter): Promise<void> {
  let data: Buffer;
  let zip: yauzl.ZipFile;
  try {
    data = await readFile(file);
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true });
  } catch (err) {
    throw new LockwardenError('PARSE_ERROR', `${file}: not a readable zip archive (${String(err)}); download it again`, {
      cause: err,
    });
  }
  try {
    for await (const entry of zip.eachEntry()) {
      if (!entry.fileName.endsWith('.json')) continue;
      if (entry.uncompressedSize > MAX_RECORD_BYTES) {
        writer.skip(`${entry.fileName}: larger than ${MAX_RECORD_BYTES} bytes`);
        continue;
      }
      await writer.add(entryText(data, entry), `${file}!${entry.fileName}`);
    }
  } catch (err) {
    throw new LockwardenError('PARSE_ERROR', `${file}: corrupt zip archive (${err instanceof Error ? err.message : String(err)}); download it again`, {
      cause: err,
    });
  } finally {
    zip.close();
  }
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;

/** The bytes of one entry, located through its local header (APPNOTE 4.3.7: 30 fixed bytes, then name and extra field). */
function entryText(data: Buffer, entry: yauzl.Entry): string {
  if (entry.isEncrypted()) throw new Error(`${entry.fileName}: encrypted entries are not supported`);
  const at = entry.relativeOffsetOfLocalHeader;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_HEADER_SIGNATURE) {
    throw new Error(`${entry.fileName}: invalid local file header`);
  }
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new Error(`${entry.fileName}: entry data runs past the end of the archive`);
  const raw = data.subarray(start, end);
  let bytes: Buffer;
  if (entry.compressionMethod === 0) bytes = raw;
  else if (entry.compressionMethod === 8) bytes = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  else throw new Error(`${entry.fileName}: unsupported compression method ${entry.compressionMethod}`);
  if (bytes.length !== entry.uncompressedSize) {
    throw new Error(`${entry.fileName}: expected ${entry.uncompressedSize} bytes, got ${bytes.length}`);
  }
  return bytes.toString('utf8');
}
