import { describe, expect, it } from 'vitest';
import { loadLockfileParser, type Inventory } from '@lockwarden/core';

/**
 * pnpm v9, bun.lock and yarn record no per-package dev flags; lockwarden derives them from the roots so that
 * `scopes.dev` policies apply to JavaScript monorepos. `shared` is reachable from a runtime and a dev root (runtime
 * wins); `vitest` and its dependency `tinypool` only from dev roots; `fsevents` only from an optional root.
 */
const INTEGRITY = `sha512-${Buffer.alloc(64, 5).toString('base64')}`;

function scopes(inventory: Inventory): Record<string, string[]> {
  return Object.fromEntries(inventory.packages.filter((p) => p.source.kind !== 'path').map((p) => [p.name, p.scopes]).sort());
}

const EXPECTED = { fsevents: ['optional'], react: [], shared: [], tinypool: ['dev'], vitest: ['dev'] };

describe('dev and optional scopes derived from the roots', () => {
  it('pnpm v9: from the importers of a workspace', async () => {
    const text = `lockfileVersion: '9.0'

importers:
  .:
    devDependencies:
      vitest:
        specifier: ^1.0.0
        version: 1.0.0
  packages/web:
    dependencies:
      react:
        specifier: ^18.0.0
        version: 18.2.0
    devDependencies:
      shared:
        specifier: ^1.0.0
        version: 1.0.0
    optionalDependencies:
      fsevents:
        specifier: ^2.3.0
        version: 2.3.3

packages:
  fsevents@2.3.3:
    resolution: {integrity: ${INTEGRITY}}
  react@18.2.0:
    resolution: {integrity: ${INTEGRITY}}
  shared@1.0.0:
    resolution: {integrity: ${INTEGRITY}}
  tinypool@0.8.0:
    resolution: {integrity: ${INTEGRITY}}
  vitest@1.0.0:
    resolution: {integrity: ${INTEGRITY}}

snapshots:
  fsevents@2.3.3:
    optional: true
  react@18.2.0:
    dependencies:
      shared: 1.0.0
  shared@1.0.0: {}
  tinypool@0.8.0: {}
  vitest@1.0.0:
    dependencies:
      tinypool: 0.8.0
`;
    expect(scopes((await loadLockfileParser('pnpm-lock.yaml')).parse(text, 'pnpm-lock.yaml'))).toEqual(EXPECTED);
  });

  it('bun.lock: from the workspaces', async () => {
    const text = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": { "name": "app", "devDependencies": { "vitest": "^1.0.0" } },
    "packages/web": {
      "name": "web",
      "dependencies": { "react": "^18.0.0" },
      "devDependencies": { "shared": "^1.0.0" },
      "optionalDependencies": { "fsevents": "^2.3.0" },
    },
  },
  "packages": {
    "fsevents": ["fsevents@2.3.3", "", {}, "${INTEGRITY}"],
    "react": ["react@18.2.0", "", { "dependencies": { "shared": "^1.0.0" } }, "${INTEGRITY}"],
    "shared": ["shared@1.0.0", "", {}, "${INTEGRITY}"],
    "tinypool": ["tinypool@0.8.0", "", {}, "${INTEGRITY}"],
    "vitest": ["vitest@1.0.0", "", { "dependencies": { "tinypool": "^0.8.0" } }, "${INTEGRITY}"],
    "web": ["web@workspace:packages/web"],
  }
}
`;
    expect(scopes((await loadLockfileParser('bun.lock')).parse(text, 'bun.lock'))).toEqual(EXPECTED);
  });

  const classic = `# yarn lockfile v1


fsevents@^2.3.0:
  version "2.3.3"
  resolved "https://registry.example.org/fsevents/-/fsevents-2.3.3.tgz"
  integrity ${INTEGRITY}

react@^18.0.0:
  version "18.2.0"
  resolved "https://registry.example.org/react/-/react-18.2.0.tgz"
  integrity ${INTEGRITY}
  dependencies:
    shared "^1.0.0"

shared@^1.0.0:
  version "1.0.0"
  resolved "https://registry.example.org/shared/-/shared-1.0.0.tgz"
  integrity ${INTEGRITY}

tinypool@^0.8.0:
  version "0.8.0"
  resolved "https://registry.example.org/tinypool/-/tinypool-0.8.0.tgz"
  integrity ${INTEGRITY}

vitest@^1.0.0:
  version "1.0.0"
  resolved "https://registry.example.org/vitest/-/vitest-1.0.0.tgz"
  integrity ${INTEGRITY}
  dependencies:
    tinypool "^0.8.0"
`;
  const rootManifest = JSON.stringify({
    name: 'app',
    dependencies: { react: '^18.0.0' },
    devDependencies: { vitest: '^1.0.0', shared: '^1.0.0' },
    optionalDependencies: { fsevents: '^2.3.0' },
  });

  it('yarn classic: from the root package.json', async () => {
    const inventory = (await loadLockfileParser('yarn.lock')).parse(classic, 'yarn.lock', {
      readRelated: (rel) => (rel === 'package.json' ? rootManifest : undefined),
    });
    expect(scopes(inventory)).toEqual(EXPECTED);
  });

  it('yarn classic without a readable package.json: every root counts as runtime, never a guess of dev', async () => {
    const inventory = (await loadLockfileParser('yarn.lock')).parse(classic, 'yarn.lock', { readRelated: () => undefined });
    expect(Object.values(scopes(inventory)).every((s) => s.length === 0)).toBe(true);
  });

  it("yarn berry: from every workspace's package.json (the lockfile merges dev into dependencies)", async () => {
    const entry = (name: string, range: string, version: string, deps: Record<string, string> = {}) =>
      `"${name}@npm:${range}":\n  version: ${version}\n  resolution: "${name}@npm:${version}"\n${
        Object.keys(deps).length ? `  dependencies:\n${Object.entries(deps).map(([n, r]) => `    ${n}: "npm:${r}"`).join('\n')}\n` : ''
      }  checksum: ${'ab'.repeat(64)}\n  languageName: node\n  linkType: hard\n`;
    const text = [
      `__metadata:\n  version: 8\n  cacheKey: 10c0\n`,
      `"app@workspace:.":\n  version: 0.0.0-use.local\n  resolution: "app@workspace:."\n  dependencies:\n    vitest: "npm:^1.0.0"\n  languageName: unknown\n  linkType: soft\n`,
      `"web@workspace:packages/web":\n  version: 0.0.0-use.local\n  resolution: "web@workspace:packages/web"\n  dependencies:\n    fsevents: "npm:^2.0.0"\n    react: "npm:^18.0.0"\n    shared: "npm:^1.0.0"\n  languageName: unknown\n  linkType: soft\n`,
      entry('fsevents', '^2.0.0', '2.3.3'),
      entry('react', '^18.0.0', '18.2.0', { shared: '^1.0.0' }),
      entry('shared', '^1.0.0', '1.0.0'),
      entry('tinypool', '^0.8.0', '0.8.0'),
      entry('vitest', '^1.0.0', '1.0.0', { tinypool: '^0.8.0' }),
    ].join('\n');
    const manifests: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'app', workspaces: ['packages/*'], devDependencies: { vitest: '^1.0.0' } }),
      'packages/web/package.json': JSON.stringify({
        name: 'web',
        dependencies: { react: '^18.0.0' },
        devDependencies: { shared: '^1.0.0' },
        optionalDependencies: { fsevents: '^2.0.0' },
      }),
    };
    const inventory = (await loadLockfileParser('yarn.lock')).parse(text, 'yarn.lock', { readRelated: (rel) => manifests[rel] });
    expect(scopes(inventory)).toEqual(EXPECTED);
  });
});
