import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  LockwardenError,
  StringColumn,
  TargetIndex,
  TyposquatDetector,
  computeTargetForms,
  decodeBundledIndex,
  encodeBundledIndex,
  loadBundledSnapshot,
  loadBundledTargets,
  parsePopularitySnapshot,
  scopesOf,
  sortedNameOrder,
} from '@lockwarden/core';

const rawSnapshot = (file: string, ecosystem: 'npm' | 'PyPI') =>
  parsePopularitySnapshot(ecosystem, gunzipSync(readFileSync(new URL(`../../packages/core/data/${file}`, import.meta.url))).toString('utf8'));

describe('the binary typosquat index', () => {
  it('decodes a string only when a lookup reaches it: loading and judging two names reads a few hundred of 300,000', () => {
    // The JSON index this replaced split every list on load (~50 ms a process). Count what the load and two checks
    // decode; the bundled data is loaded in this test first (no other test in this file touches it before).
    let decoded = 0;
    const at = StringColumn.prototype.at;
    StringColumn.prototype.at = function (this: StringColumn, i: number) {
      decoded++;
      return at.call(this, i);
    };
    try {
      const snapshot = loadBundledSnapshot('npm')!;
      const detector = new TyposquatDetector(snapshot, {}, loadBundledTargets('npm'));
      expect(detector.check('lodahs')).toMatchObject({ target: 'lodash', technique: 'swap' });
      expect(detector.check('fresh-import')).toMatchObject({ target: 'import-fresh', technique: 'reorder' });
    } finally {
      StringColumn.prototype.at = at;
    }
    expect(decoded).toBeGreaterThan(0);
    expect(decoded).toBeLessThan(3_000);
  });

  it('answers rank and downloads as the raw snapshot does, by binary search and after the map is built', () => {
    const raw = rawSnapshot('popularity-npm.tsv.gz', 'npm');
    const names = [...raw.names.slice(0, 40), 'lodash', '@babel/core', 'not-a-package-anyone-published', '', raw.names.at(-1)!];
    // The first 64 lookups are binary searches; the ones after them use the name map.
    for (let round = 0; round < 3; round++) {
      const bundled = loadBundledSnapshot('npm')!;
      for (const n of names) {
        expect(bundled.rank(n), n).toBe(raw.rank(n));
        expect(bundled.downloads(n), n).toBe(raw.downloads(n));
      }
    }
    const bundled = loadBundledSnapshot('npm')!;
    expect(bundled.size).toBe(raw.names.length);
    expect(bundled.names).toEqual(raw.names);
    expect([...bundled.scopes()].sort()).toEqual(scopesOf(raw.names).sort());
    const pypi = loadBundledSnapshot('PyPI')!;
    const rawPypi = rawSnapshot('popularity-pypi.tsv.gz', 'PyPI');
    for (const n of ['requests', 'numpy', rawPypi.names.at(-1)!, 'no-such-dist']) expect(pypi.rank(n), n).toBe(rawPypi.rank(n));
  });

  it('round-trips forms, scores and index, and judges as the index it was written from', () => {
    const names = ['lodash', 'express', 'cross-env', '@babel/core', 'node-fetch', 'react-dom', 'left-pad', 'über-tool'];
    const forms = computeTargetForms('npm', names);
    const index = TargetIndex.build(forms, 5);
    const bytes = encodeBundledIndex({
      description: 'test snapshot',
      names,
      nameOrder: sortedNameOrder(names),
      scores: names.map((_, i) => (i === 2 ? null : 1_000_000 - i)),
      scopes: scopesOf(names),
      forms,
      index,
    });
    const decoded = decodeBundledIndex(bytes);
    expect(decoded.description).toBe('test snapshot');
    for (const key of ['targets', 'editForm', 'rawForm', 'squashed', 'reorder', 'cores'] as const) {
      expect(Array.from({ length: decoded.forms[key].length }, (_, i) => decoded.forms[key].at(i)), key).toEqual(forms[key]);
    }
    expect(decoded.scores.at(2)).toBeNull();
    expect(decoded.scores.at(0)).toBe(1_000_000);
    expect(decoded.scopes).toEqual(['babel']);
    const snapshot = parsePopularitySnapshot('npm', names.map((n, i) => `${n}\t${10 - i}`).join('\n'));
    const fromFile = new TyposquatDetector(snapshot, { targetTop: names.length }, { forms: decoded.forms, index: decoded.index });
    const fromRun = new TyposquatDetector(snapshot, { targetTop: names.length });
    for (const probe of ['lodahs', 'expres', 'crossenv', 'env-cross', '@babel/cor', 'node-fetchh', 'uber-tool', 'react-dom2']) {
      expect(fromFile.check(probe, { ignoreOwnPopularity: true }), probe).toEqual(fromRun.check(probe, { ignoreOwnPopularity: true }));
    }
  });

  it('rejects bytes that are not an index of its format with a typed error', () => {
    expect(() => decodeBundledIndex(Buffer.from('{"names":""}'))).toThrow(LockwardenError);
    const names = ['alpha-one', 'beta-two'];
    const forms = computeTargetForms('npm', names);
    const good = encodeBundledIndex({
      description: '',
      names,
      nameOrder: sortedNameOrder(names),
      scores: [1, 2],
      scopes: [],
      forms,
      index: TargetIndex.build(forms, 5),
    });
    expect(() => decodeBundledIndex(good.subarray(0, good.length - 64))).toThrow(/lacks its|truncated/);
  });
});
