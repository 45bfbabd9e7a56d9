import { describe, expect, it } from 'vitest';
import { RegistryClients } from '@lockwarden/core';

// Opt-in: talks to the npm registry this machine is configured for (`npm config get registry`). Run with
// LOCKWARDEN_LIVE=1 npx vitest run __tests__/live
const live = process.env.LOCKWARDEN_LIVE === '1';

describe.skipIf(!live)('live npm registry', () => {
  const clients = new RegistryClients({ cwd: process.cwd(), env: process.env, cacheDir: null });

  it.each(['lodash', 'express', '@types/node'])('%s exists with versions and publish times', async (name) => {
    const npm = await clients.get('npm');
    const meta = await npm!.getPackage(name);
    expect(meta.exists).toBe(true);
    expect(meta.versions.length).toBeGreaterThan(10);
    expect(meta.versions.filter((v) => v.publishedAt).length).toBeGreaterThan(10);
    expect(meta.latest).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each(['lockwarden-surely-not-a-package-7f3a9c', 'lodash-hallucinated-helper-x9q2'])('%s does not exist', async (name) => {
    const npm = await clients.get('npm');
    expect((await npm!.getPackage(name)).exists).toBe(false);
  });
});
