import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandEnv, NpmRegistryConfig, SourceUnavailableError } from '@lockwarden/core';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lw-npmrc-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const never = () => Promise.reject(new Error('npm must not be asked when a registry is configured'));

describe('NpmRegistryConfig', () => {
  it('layers project over user over global, with scoped registries', async () => {
    const root = tree({
      'home/.npmrc': 'registry=https://user.example.org/npm/\n@acme:registry=https://acme-user.example.org/\n',
      'global/npmrc': 'registry=https://global.example.org/\n@other:registry=https://other.example.org/\n',
      'project/package.json': '{}',
      'project/.npmrc': '@acme:registry=https://acme.example.org/npm/\n',
    });
    const config = await NpmRegistryConfig.load({
      cwd: join(root, 'project'),
      home: join(root, 'home'),
      env: { npm_config_globalconfig: join(root, 'global', 'npmrc') },
      askNpm: never,
    });
    expect(config.registryFor('lodash')).toBe('https://user.example.org/npm/');
    expect(config.registryFor('@acme/tool')).toBe('https://acme.example.org/npm/');
    expect(config.registryFor('@other/x')).toBe('https://other.example.org/');
  });

  it('lets npm_config_* environment variables override every file, in any case', async () => {
    const root = tree({ 'home/.npmrc': 'registry=https://user.example.org/\n', 'p/package.json': '{}' });
    const config = await NpmRegistryConfig.load({
      cwd: join(root, 'p'),
      home: join(root, 'home'),
      env: { NPM_CONFIG_REGISTRY: 'https://env.example.org/registry', 'npm_config_@acme:registry': 'https://acme-env.example.org' },
      askNpm: never,
    });
    expect(config.registryFor('x')).toBe('https://env.example.org/registry/');
    expect(config.registryFor('@acme/x')).toBe('https://acme-env.example.org/');
  });

  it('sends credentials only to the host and path they are configured for, expanding ${VAR}', async () => {
    const root = tree({
      'p/package.json': '{}',
      'p/.npmrc': [
        'registry=https://registry.example.org/',
        '@acme:registry=https://npm.acme.example.org/repo/',
        '//npm.acme.example.org/repo/:_authToken=${ACME_TOKEN}',
        '//basic.example.org/:username=bob',
        `//basic.example.org/:_password=${Buffer.from('s3cret').toString('base64')}`,
      ].join('\n'),
    });
    const config = await NpmRegistryConfig.load({ cwd: join(root, 'p'), home: join(root, 'nohome'), env: { ACME_TOKEN: 'tok-123' }, askNpm: never });
    expect(config.authHeaders('https://npm.acme.example.org/repo/@acme%2ftool')).toEqual({ authorization: 'Bearer tok-123' });
    expect(config.authHeaders('https://registry.example.org/lodash')).toEqual({});
    expect(config.authHeaders('https://npm.acme.example.org/other/@acme%2ftool')).toEqual({});
    expect(config.authHeaders('https://evil.example.org/repo/@acme%2ftool')).toEqual({});
    expect(config.authHeaders('https://basic.example.org/pkg')).toEqual({
      authorization: `Basic ${Buffer.from('bob:s3cret').toString('base64')}`,
    });
  });

  it('asks npm once when nothing names a registry, and fails typed when npm has no answer either', async () => {
    const root = tree({ 'p/package.json': '{}' });
    let asked = 0;
    const askNpm = () => {
      asked++;
      return Promise.resolve('https://asked.example.org');
    };
    const config = await NpmRegistryConfig.load({ cwd: join(root, 'p'), home: join(root, 'h'), env: {}, askNpm });
    expect(config.registryFor('x')).toBe('https://asked.example.org/');
    expect(asked).toBe(1);
    await expect(
      NpmRegistryConfig.load({ cwd: join(root, 'p'), home: join(root, 'h'), env: {}, askNpm: () => Promise.resolve(undefined) }),
    ).rejects.toBeInstanceOf(SourceUnavailableError);
  });

  it('expands environment references as npm does', () => {
    expect(expandEnv('${A}-${B?}-${C}', { A: 'a' })).toBe('a--${C}');
    expect(expandEnv('\\${A}', { A: 'a' })).toBe('${A}');
  });
});
