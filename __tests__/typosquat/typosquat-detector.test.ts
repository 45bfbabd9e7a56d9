import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  loadBundledSnapshot,
  loadBundledTargets,
  withinOneEdit,
  osaDistance,
  parsePopularitySnapshot,
  TyposquatDetector,
  type Ecosystem,
  type PopularitySnapshot,
} from '@lockwarden/core';

function bundled(ecosystem: Ecosystem): PopularitySnapshot {
  const s = loadBundledSnapshot(ecosystem);
  if (!s) throw new Error(`no bundled snapshot for ${ecosystem}`);
  return s;
}

const npm = new TyposquatDetector(bundled('npm'));
const pypi = new TyposquatDetector(bundled('PyPI'));

describe('bundled popularity snapshots', () => {
  it('ships npm with downloads and PyPI with ranks, most popular first', () => {
    const n = bundled('npm');
    expect(n.names).toHaveLength(50_000);
    expect(n.rank('lodash')).toBeLessThan(500);
    expect(n.downloads('lodash')).toBeGreaterThan(1_000_000);
    const p = bundled('PyPI');
    expect(p.names.length).toBeGreaterThan(14_000);
    expect(p.rank('requests')).toBeLessThan(20);
    expect(p.downloads('requests')).toBeUndefined();
    expect(loadBundledSnapshot('Go')).toBeUndefined();
  });

  it('parses the snapshot format, keeping the first of duplicate names', () => {
    const s = parsePopularitySnapshot('npm', '# header text\nalpha\t300\nbeta\t200\nalpha\t100\nbroken line\n');
    expect(s.names).toEqual(['alpha', 'beta']);
    expect(s.rank('beta')).toBe(2);
    expect(s.downloads('alpha')).toBe(300);
    expect(s.description).toBe('header text');
  });
});

describe('TyposquatDetector on npm', () => {
  const cases: Array<[string, string, string]> = [
    ['lodahs', 'lodash', 'swap'],
    ['exprss', 'express', 'omission'],
    ['expresss', 'express', 'repetition'],
    ['lodssh', 'lodash', 'keyboard'],
    ['l0dash', 'lodash', 'lookalike'],
    ['1odash', 'lodash', 'lookalike'],
    ['cornmander', 'commander', 'lookalike'],
    ['vvebpack', 'webpack', 'lookalike'],
    ['crossenv', 'cross-env', 'separator'],
    ['cross_env', 'cross-env', 'separator'],
    ['env-cross', 'cross-env', 'reorder'],
    ['react2', 'react', 'affix'],
    ['lodash.js', 'lodash', 'affix'],
    ['lodash-js', 'lodash', 'affix'],
    ['node-axios', 'axios', 'affix'],
    ['@typess/node', '@types/node', 'repetition'],
    ['types-node', '@types/node', 'scope'],
    ['@evil/lodash', 'lodash', 'scope'],
    ['ethersproject-wallet', '@ethersproject/wallet', 'scope'],
  ];
  it.each(cases)('%s imitates %s by %s', (name, target, technique) => {
    const m = npm.check(name);
    expect(m?.target).toBe(target);
    expect(m?.technique).toBe(technique);
    expect(m?.targetRank).toBe(bundled('npm').rank(target));
  });

  it('passes the popular packages themselves, any case', () => {
    for (const name of ['lodash', 'Lodash', 'express', 'react', '@types/node', 'cross-env']) expect(npm.check(name)).toBeUndefined();
  });

  it('passes packages inside a popular scope: the scope owner alone publishes there', () => {
    expect(npm.check('@types/lodahs')).toBeUndefined();
    expect(npm.check('@babel/new-plugin-xyz')).toBeUndefined();
  });

  it('suppresses a candidate that is itself popular, and honours a lower threshold', () => {
    // preact is one edit from react but well above the default threshold.
    expect(npm.check('preact')).toBeUndefined();
    const strict = new TyposquatDetector(bundled('npm'), { suppressDownloads: Number.POSITIVE_INFINITY, popularityRatio: 1 });
    expect(strict.check('preact', { ignoreSelf: true })?.target).toBe('react');
  });

  it('judges a snapshot name as new when asked (false-positive measurement)', () => {
    expect(npm.check('preact', { ignoreSelf: true, ignoreOwnPopularity: true })?.target).toBe('react');
  });

  it('leaves unrelated names alone', () => {
    for (const name of ['zzqx-internal-tool', 'my-company-config', 'a']) expect(npm.check(name)).toBeUndefined();
  });
});

describe('TyposquatDetector on PyPI', () => {
  const cases: Array<[string, string, string]> = [
    ['reqeusts', 'requests', 'swap'],
    ['jeIlyfish', 'jellyfish', 'lookalike'],
    ['python3-dateutil', 'python-dateutil', 'affix'],
    ['dateutil-python', 'python-dateutil', 'reorder'],
    ['pyrequests', 'requests', 'affix'],
    ['setup-tools', 'setuptools', 'separator'],
    ['urllib', 'urllib3', 'omission'],
  ];
  it.each(cases)('%s imitates %s by %s', (name, target, technique) => {
    const m = pypi.check(name);
    expect(m?.target).toBe(target);
    expect(m?.technique).toBe(technique);
    expect(m?.targetDownloads).toBeUndefined();
  });

  it('treats PEP 503 spellings of a name as the same package', () => {
    expect(pypi.check('Python_Dateutil')).toBeUndefined();
    expect(pypi.check('python.dateutil')).toBeUndefined();
  });
});

describe('recall on publicly reported typosquats', () => {
  interface Entry {
    ecosystem: Ecosystem;
    name: string;
    target: string;
    source: string;
  }
  const fixture = JSON.parse(readFileSync(new URL('../fixtures/typosquats.json', import.meta.url), 'utf8')) as {
    sources: Record<string, string>;
    entries: Entry[];
  };
  const detectors: Partial<Record<Ecosystem, TyposquatDetector>> = { npm, PyPI: pypi };

  it('cites a source for every entry', () => {
    expect(fixture.entries).toHaveLength(63);
    for (const e of fixture.entries) expect(fixture.sources[e.source]).toMatch(/^https:\/\//);
  });

  it('flags 54 of the 55 whose reported target is in the snapshot, naming that target for 48', () => {
    const inScope = fixture.entries.filter((e) => bundled(e.ecosystem).rank(e.target.toLowerCase()) !== undefined);
    expect(inScope).toHaveLength(55);
    const results = inScope.map((e) => ({ e, m: detectors[e.ecosystem]!.check(e.name) }));
    expect(results.filter((r) => r.m !== undefined)).toHaveLength(54);
    expect(results.filter((r) => r.m?.target === r.e.target.toLowerCase())).toHaveLength(48);
    expect(results.filter((r) => r.m === undefined).map((r) => r.e.name)).toEqual(['raydium-bs58']);
  });
});

describe('raw and folded forms', () => {
  it('catches an adjacent swap that creates an rn (folding alone turns it into m and misses it)', () => {
    expect(npm.check('chowrn')).toMatchObject({ target: 'chownr', technique: 'swap' });
    expect(npm.check('vscode-jsornpc')).toMatchObject({ target: 'vscode-jsonrpc', technique: 'swap' });
  });

  it('withinOneEdit agrees with the optimal-string-alignment distance', () => {
    const words = ['lodash', 'lodahs', 'lodsh', 'lodashx', 'xlodash', 'lidash', 'odash', 'lodas', 'ldoash', 'hsadol', '', 'l'];
    for (const a of words) for (const b of words) expect(withinOneEdit(a, b), `${a} ${b}`).toBe(osaDistance(a, b, 2) <= 1);
  });
});

describe('the index precomputed at build time', () => {
  const precomputed = loadBundledTargets('npm');
  const shipped = new TyposquatDetector(bundled('npm'), {}, precomputed);

  it('is shipped, and judges exactly as an index built at run time', () => {
    expect(precomputed?.forms.targets).toHaveLength(25_000);
    const names = bundled('npm').names.slice(0, 3000);
    const mutants = names.flatMap((n, i) => [n.slice(0, i % n.length) + n.slice((i % n.length) + 1), `${n}s`, n.replace('n', 'rn')]);
    for (const name of [...mutants, 'fresh-import', 'l0dash', '@evil/lodash', 'ethersproject-wallet']) {
      expect(shipped.check(name), name).toEqual(npm.check(name));
    }
  });

  it('names in a lockfile are never targets of each other: only popular names are targets', () => {
    // A synthetic lockfile's siblings (one edit, swapped words, decorated) are judged against the snapshot only.
    for (const name of ['pkg-1a-100', 'pkg-1b-100', '100-pkg-1a', 'node-pkg-1a-100', 'pkg-1a-1000']) expect(shipped.check(name)).toBeUndefined();
  });
});
