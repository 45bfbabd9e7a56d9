import { execFileSync } from 'node:child_process';
import { createPrivateKey, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareSbomWithInventories,
  generateSbom,
  readSbom,
  signDetached,
  validateSbomJson,
  verifyDetached,
  type Inventory,
} from '@lockwarden/core';
import { appInventory, npmPackage, toolsInventory } from './fixture-inventories.js';

async function sbomOf(inventories: Inventory[]): Promise<Inventory> {
  const text = generateSbom(inventories, { toolVersion: '1', reproducible: true });
  expect((await validateSbomJson(text)).issues).toEqual([]);
  return readSbom(text, 'bom.json');
}

describe('compareSbomWithInventories (drift)', () => {
  it('finds nothing when the SBOM matches the lockfiles', async () => {
    expect(compareSbomWithInventories(await sbomOf([appInventory(), toolsInventory()]), [appInventory(), toolsInventory()])).toEqual([]);
  });

  it('lists missing, extra, version and hash mismatches', async () => {
    const sbom = await sbomOf([appInventory()]);
    const now = appInventory();
    // debug upgraded, left-pad removed, a new package added, the tarball's hash changed.
    const debug = now.packages.find((p) => p.name === 'debug');
    if (!debug) throw new Error('fixture');
    Object.assign(debug, npmPackage(debug.id, 'debug', '4.3.5'));
    now.packages = now.packages.filter((p) => p.name !== 'left-pad');
    now.packages.push(npmPackage('node_modules/new-dep', 'new-dep', '0.0.1'));
    const babel = now.packages.find((p) => p.name === '@babel/core');
    if (!babel) throw new Error('fixture');
    babel.integrity = [{ algorithm: 'sha512', value: 'ef'.repeat(64) }];

    const drift = compareSbomWithInventories(sbom, [now]);
    expect(drift.map((d) => [d.kind, d.name, d.sbomVersions, d.currentVersions])).toEqual([
      ['hash-mismatch', '@babel/core', ['7.24.0'], ['7.24.0']],
      ['version-mismatch', 'debug', ['4.3.4'], ['4.3.5']],
      ['extra', 'left-pad', ['1.3.0'], []],
      ['missing', 'new-dep', [], ['0.0.1']],
    ]);
    expect(drift[0]).toMatchObject({ version: '7.24.0', algorithm: 'sha512' });
    expect(drift[1]?.message).toBe('npm debug: SBOM lists 4.3.4, lockfiles lock 4.3.5');
  });

  it('compares by purl, so PyPI name spelling does not count as drift', () => {
    const sbom = readSbom(
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        components: [{ type: 'library', name: 'Django', version: '4.2.1', purl: 'pkg:pypi/Django@4.2.1' }],
      }),
      'bom.json',
    );
    const current: Inventory = {
      lockfile: 'requirements.txt',
      format: 'requirements.txt',
      ecosystem: 'PyPI',
      projects: [],
      packages: [
        {
          id: 'django',
          ecosystem: 'PyPI',
          name: 'django',
          version: '4.2.1',
          purl: 'pkg:pypi/django@4.2.1',
          direct: true,
          scopes: [],
          integrity: [],
          source: { kind: 'registry' },
          location: { file: 'requirements.txt' },
        },
      ],
    };
    expect(compareSbomWithInventories(sbom, [current])).toEqual([]);
  });
});

describe('detached signatures, checked against the openssl CLI', () => {
  let dir: string;
  const data = Buffer.from('{"bomFormat":"CycloneDX"}\n');
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lockwarden-sign-'));
    writeFileSync(join(dir, 'bom.json'), data);
    openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ec.pem');
    openssl('pkey', '-in', 'ec.pem', '-pubout', '-out', 'ec.pub.pem');
    openssl('genpkey', '-algorithm', 'ED25519', '-out', 'ed.pem');
    openssl('pkey', '-in', 'ed.pem', '-pubout', '-out', 'ed.pub.pem');
    openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', 'p384.pem');
    openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'rsa.pem');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const read = (name: string) => readFileSync(join(dir, name));
  const text = (name: string) => readFileSync(join(dir, name), 'utf8');

  it('verifies `openssl dgst -sha256 -sign` ECDSA P-256 signatures, raw DER and base64 (cosign style)', () => {
    openssl('dgst', '-sha256', '-sign', 'ec.pem', '-out', 'bom.sig', 'bom.json');
    const der = read('bom.sig');
    expect(verifyDetached(data, der, text('ec.pub.pem'))).toBe(true);
    expect(verifyDetached(data, Buffer.from(`${der.toString('base64')}\n`), text('ec.pub.pem'))).toBe(true);
  });

  it('verifies ECDSA signatures in IEEE P1363 form (r||s, as WebCrypto writes them)', () => {
    const p1363 = sign('sha256', data, { key: createPrivateKey(text('ec.pem')), dsaEncoding: 'ieee-p1363' });
    expect(p1363).toHaveLength(64);
    expect(verifyDetached(data, p1363, text('ec.pub.pem'))).toBe(true);
  });

  it('verifies openssl Ed25519 signatures (`pkeyutl -sign -rawin`)', () => {
    openssl('pkeyutl', '-sign', '-rawin', '-inkey', 'ed.pem', '-in', 'bom.json', '-out', 'bom.ed.sig');
    expect(read('bom.ed.sig')).toHaveLength(64);
    expect(verifyDetached(data, read('bom.ed.sig'), text('ed.pub.pem'))).toBe(true);
  });

  it('makes signatures openssl accepts', () => {
    const ec = signDetached(data, text('ec.pem'));
    expect(ec.algorithm).toBe('ecdsa-p256-sha256');
    writeFileSync(join(dir, 'ours.sig'), ec.signature);
    expect(openssl('dgst', '-sha256', '-verify', 'ec.pub.pem', '-signature', 'ours.sig', 'bom.json').toString()).toBe(
      'Verified OK\n',
    );
    const ed = signDetached(data, text('ed.pem'));
    expect(ed.algorithm).toBe('ed25519');
    writeFileSync(join(dir, 'ours.ed.sig'), ed.signature);
    expect(
      openssl('pkeyutl', '-verify', '-rawin', '-pubin', '-inkey', 'ed.pub.pem', '-in', 'bom.json', '-sigfile', 'ours.ed.sig').toString(),
    ).toMatch(/Signature Verified Successfully/);
  });

  it('rejects a tampered byte, a signature by another key, and garbage', () => {
    const ec = signDetached(data, text('ec.pem'));
    const tampered = Buffer.from(data);
    tampered[3] = (tampered[3] ?? 0) ^ 1;
    expect(verifyDetached(tampered, ec.signature, text('ec.pub.pem'))).toBe(false);
    expect(verifyDetached(tampered, Buffer.from(ec.base64), text('ec.pub.pem'))).toBe(false);
    const ed = signDetached(data, text('ed.pem'));
    expect(verifyDetached(data, ed.signature, text('ec.pub.pem'))).toBe(false);
    expect(verifyDetached(data, Buffer.from('not a signature'), text('ed.pub.pem'))).toBe(false);
    // A private key works as the verification key (its public half is used).
    expect(verifyDetached(data, ec.signature, text('ec.pem'))).toBe(true);
  });

  it('refuses keys of other types and unreadable keys with SIGNATURE_ERROR', () => {
    expect(() => signDetached(data, text('p384.pem'))).toThrow(/unsupported key type EC curve secp384r1/);
    expect(() => signDetached(data, text('rsa.pem'))).toThrow(/unsupported key type rsa/);
    expect(() => verifyDetached(data, Buffer.alloc(64), 'not a key')).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_ERROR' }),
    );
  });
});

describe('validateSbomJson formats', () => {
  const withEmail = (email: string): string =>
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      metadata: { authors: [{ name: 'a', email }] },
    });

  it('checks idn-email (internationalised addresses pass, malformed ones are issues) (only that format is loaded: the bundle test on Node 24 sees no punycode DEP0040)', async () => {
    expect((await validateSbomJson(withEmail('jürgen@bücher.example'))).issues).toEqual([]);
    const bad = await validateSbomJson(withEmail('not an address'));
    expect(bad.issues.map((i) => i.path)).toEqual(['$.metadata.authors[0].email']);
  });
});
