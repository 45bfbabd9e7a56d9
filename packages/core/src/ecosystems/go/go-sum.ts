import { ParseError } from '../../errors.js';
import { quoteInput } from '../../parse/error-text.js';
import { MAX_LOCKFILE_BYTES, stripBom } from '../../parse/json.js';
import { canonicalGoVersion } from './version.js';

/** One module line of a go.sum: the hash of a module's zip (`h1:`), not of its go.mod. */
export interface GoSumEntry {
  path: string;
  /** As written, with its `v`. */
  version: string;
  hash: string;
  line: number;
}

/**
 * Reads the module lines of a go.sum (`path version hash`). Lines for `version/go.mod` only vouch for a
 * go.mod file, not for code that gets built, so they are skipped. Any line without exactly three fields
 * is an error: a go.sum the go command would reject is not silently half-read.
 */
export function parseGoSum(text: string, file: string): GoSumEntry[] {
  if (text.length > MAX_LOCKFILE_BYTES) throw new ParseError(file, `file is larger than ${MAX_LOCKFILE_BYTES} bytes`);
  const entries: GoSumEntry[] = [];
  const lines = stripBom(text).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    const fields = line.trim().split(/[ \t]+/);
    if (fields.length !== 3) {
      throw new ParseError(file, `malformed go.sum line: expected "module version hash", got ${fields.length} fields`, {
        line: i + 1,
        column: 1,
      });
    }
    const [path, version, hash] = fields as [string, string, string];
    if (!/^[A-Za-z0-9._~+\-/]+$/.test(path) || !/^[a-z0-9]+:\S+$/.test(hash)) {
      throw new ParseError(file, 'malformed go.sum line: expected "module version hash"', { line: i + 1, column: 1 });
    }
    const goModOnly = version.endsWith('/go.mod');
    const bare = goModOnly ? version.slice(0, -'/go.mod'.length) : version;
    if (canonicalGoVersion(bare) !== bare) {
      throw new ParseError(file, `malformed go.sum line: invalid version ${quoteInput(version)}`, {
        line: i + 1,
        column: line.indexOf(version) + 1,
      });
    }
    if (goModOnly) continue;
    entries.push({ path, version, hash, line: i + 1 });
  }
  return entries;
}
