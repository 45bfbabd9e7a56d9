import semver from 'semver';
import { LockwardenError } from '../../errors.js';

/** npm orders versions by SemVer 2.0 (build metadata ignored), as node-semver does. */
export function compareNpmVersions(a: string, b: string): -1 | 0 | 1 {
  const va = semver.parse(a, { loose: true });
  const vb = semver.parse(b, { loose: true });
  if (!va) throw new LockwardenError('INVALID_VERSION', `invalid npm version "${a}"`);
  if (!vb) throw new LockwardenError('INVALID_VERSION', `invalid npm version "${b}"`);
  return va.compare(vb);
}
