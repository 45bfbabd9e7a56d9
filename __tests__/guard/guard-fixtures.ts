import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixturePackage } from '../helpers/npm-registry.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The packages every guard test installs: a latest release one hour old (the policy's release age is 3 days), a
 * package with a malware report, a typosquat of `express`, and an old, clean dependency chain.
 */
export function guardPackages(now = Date.now()): FixturePackage[] {
  return [
    {
      name: 'lw-fresh',
      versions: [
        { version: '1.0.0', publishedAt: new Date(now - 200 * DAY) },
        { version: '1.1.0', publishedAt: new Date(now - HOUR) },
      ],
    },
    { name: 'lw-evil', versions: [{ version: '1.0.0', publishedAt: new Date(now - 200 * DAY) }] },
    { name: 'expresss', versions: [{ version: '4.0.0', publishedAt: new Date(now - 300 * DAY) }] },
    { name: 'lw-leaf', versions: [{ version: '1.2.3', publishedAt: new Date(now - 400 * DAY) }] },
    { name: 'lw-app', versions: [{ version: '2.0.0', publishedAt: new Date(now - 300 * DAY), dependencies: { 'lw-leaf': '^1.0.0' } }] },
  ];
}

/** An offline OSV database with one malicious-package record for `lw-evil`, in OSV's export layout. */
export function writeOsvDb(root: string): string {
  const dir = join(root, 'osv-db');
  mkdirSync(join(dir, 'npm'), { recursive: true });
  writeFileSync(
    join(dir, 'npm', 'MAL-2026-0042.json'),
    JSON.stringify({
      id: 'MAL-2026-0042',
      modified: '2026-01-02T00:00:00Z',
      published: '2026-01-02T00:00:00Z',
      schema_version: '1.5.0',
      summary: 'Malicious code in lw-evil (npm)',
      details: 'The package steals credentials on install.',
      affected: [{ package: { ecosystem: 'npm', name: 'lw-evil' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }],
    }),
  );
  mkdirSync(join(dir, 'PyPI'), { recursive: true });
  writeFileSync(
    join(dir, 'PyPI', 'MAL-2026-0043.json'),
    JSON.stringify({
      id: 'MAL-2026-0043',
      modified: '2026-01-02T00:00:00Z',
      published: '2026-01-02T00:00:00Z',
      schema_version: '1.5.0',
      summary: 'Malicious code in lw-evil (PyPI)',
      affected: [{ package: { ecosystem: 'PyPI', name: 'lw-evil' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }],
    }),
  );
  return dir;
}

/** A clean home, npm cache and user config, so no test reads or writes the user's. */
export function isolatedEnv(root: string): Record<string, string> {
  const home = join(root, 'home');
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, '.npmrc'), '');
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    npm_config_cache: join(root, 'npm-cache'),
    npm_config_userconfig: join(home, '.npmrc'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    LOCKWARDEN_CACHE_DIR: join(root, 'lw-cache'),
    LOCKWARDEN_OSV_URL: 'http://127.0.0.1:9',
  };
}

/** A fresh project folder with an empty package.json. */
export function newProject(root: string, name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true }));
  return dir;
}

export function tempRoot(): string {
  return mkdtempSync(join(tmpdir(), 'lw-guard-'));
}
