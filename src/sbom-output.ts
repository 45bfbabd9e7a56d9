import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generateSbom, readRootProject, type Inventory } from '@lockwarden/core';

/**
 * Writes the CycloneDX SBOM of the head lockfiles (loaded on demand: most runs do not ask for one, and the
 * CycloneDX library is the heaviest part of the bundle). SOURCE_DATE_EPOCH makes it reproducible.
 */
export async function writeSbom(path: string, inventories: readonly Inventory[], toolVersion: string): Promise<void> {
  const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const root = await readRootProject((rel) => {
    try {
      return readFileSync(resolve(cwd, rel), 'utf8');
    } catch {
      return undefined;
    }
  });
  const text = generateSbom(inventories, {
    toolVersion,
    root,
    rootDir: cwd,
    sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
  });
  const full = resolve(cwd, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}
