import { describe, expect, it } from 'vitest';
import { diffInventories } from '@lockwarden/core';
import { inventory, pkg } from '../helpers/inventory.js';

const summary = (changes: ReturnType<typeof diffInventories>) =>
  changes.map((c) => `${c.type} ${c.name} ${c.before ?? '-'} -> ${c.after ?? '-'}${c.direct ? ' direct' : ''}${c.via ? ` via ${c.via.join(',')}` : ''}`);

describe('diffInventories', () => {
  it('reports added, removed, upgraded and downgraded packages in one lockfile', () => {
    const base = inventory([pkg('a', '1.0.0', { direct: true }), pkg('b', '2.0.0'), pkg('c', '1.5.0'), pkg('gone', '1.0.0')]);
    const head = inventory([pkg('a', '1.2.0', { direct: true }), pkg('b', '1.9.0'), pkg('c', '1.5.0'), pkg('new', '0.1.0', { direct: true })]);
    expect(summary(diffInventories([base], [head]))).toEqual([
      'upgraded a 1.0.0 -> 1.2.0 direct',
      'downgraded b 2.0.0 -> 1.9.0',
      'removed gone 1.0.0 -> -',
      'added new - -> 0.1.0 direct',
    ]);
  });

  it('orders versions by the ecosystem, not as text', () => {
    const base = inventory([pkg('a', '1.9.0')]);
    const head = inventory([pkg('a', '1.10.0')]);
    expect(summary(diffInventories([base], [head]))).toEqual(['upgraded a 1.9.0 -> 1.10.0']);
  });

  it('pairs several versions of one package in order and reports the rest as added', () => {
    const base = inventory([pkg('a', '1.0.0', { id: 'x' }), pkg('a', '2.0.0', { id: 'y' })]);
    const head = inventory([pkg('a', '1.1.0', { id: 'x' }), pkg('a', '2.1.0', { id: 'y' }), pkg('a', '3.0.0', { id: 'z' })]);
    expect(summary(diffInventories([base], [head]))).toEqual([
      'upgraded a 1.0.0 -> 1.1.0',
      'upgraded a 2.0.0 -> 2.1.0',
      'added a - -> 3.0.0',
    ]);
  });

  it('marks an added version of a name the base already had (the name itself is not new)', () => {
    const base = inventory([pkg('a', '1.0.0')]);
    const head = inventory([pkg('a', '1.0.0'), pkg('a', '2.0.0', { id: 'y' }), pkg('b', '1.0.0')]);
    expect(diffInventories([base], [head]).map((c) => `${c.name}@${c.after} ${c.nameInBase ?? false}`)).toEqual(['a@2.0.0 true', 'b@1.0.0 false']);
  });

  it('ignores a version that only moved in the tree', () => {
    const base = inventory([pkg('a', '1.0.0', { id: 'node_modules/x/node_modules/a' })]);
    const head = inventory([pkg('a', '1.0.0', { id: 'node_modules/a' }), pkg('a', '1.0.0', { id: 'node_modules/y/node_modules/a' })]);
    expect(diffInventories([base], [head])).toEqual([]);
  });

  it('counts a lockfile new at head as all added, and one gone as all removed', () => {
    const head = [inventory([pkg('a', '1.0.0'), pkg('b', '1.0.0')], { lockfile: 'web/package-lock.json' })];
    const base = [inventory([pkg('c', '1.0.0')], { lockfile: 'old/package-lock.json' })];
    const changes = diffInventories(base, head);
    expect(changes.map((c) => `${c.lockfile} ${c.type} ${c.name}`)).toEqual([
      'old/package-lock.json removed c',
      'web/package-lock.json added a',
      'web/package-lock.json added b',
    ]);
  });

  it('names the direct dependencies that pull in a new transitive package', () => {
    const head = inventory(
      [
        pkg('express', '4.0.0', { id: 'e', direct: true }),
        pkg('koa', '2.0.0', { id: 'k', direct: true }),
        pkg('body-parser', '1.0.0', { id: 'bp' }),
        pkg('evil', '0.0.1', { id: 'ev' }),
      ],
      { edges: [{ from: '', to: 'e' }, { from: '', to: 'k' }, { from: 'e', to: 'bp' }, { from: 'bp', to: 'ev' }, { from: 'k', to: 'ev' }, { from: 'ev', to: 'bp' }] },
    );
    const base = inventory([pkg('express', '4.0.0', { id: 'e', direct: true }), pkg('koa', '2.0.0', { id: 'k', direct: true }), pkg('body-parser', '1.0.0', { id: 'bp' })]);
    expect(summary(diffInventories([base], [head]))).toEqual(['added evil - -> 0.0.1 via express,koa']);
  });

  it('leaves via out when the format records no edges', () => {
    const changes = diffInventories([inventory([])], [inventory([pkg('x', '1.0.0')])]);
    expect(changes[0]?.via).toBeUndefined();
  });

  it('tells git pins of the same version apart by commit', () => {
    const base = inventory([pkg('g', '', { source: { kind: 'git', url: 'https://example.org/g.git', commit: 'aaaa' } })]);
    const head = inventory([pkg('g', '', { source: { kind: 'git', url: 'https://example.org/g.git', commit: 'bbbb' } })]);
    expect(summary(diffInventories([base], [head]))).toEqual(['upgraded g aaaa -> bbbb']);
  });

  it('keeps ecosystems apart when names collide', () => {
    const base = inventory([pkg('requests', '2.0.0', { ecosystem: 'PyPI' })]);
    const head = inventory([pkg('requests', '2.0.0', { ecosystem: 'PyPI' }), pkg('requests', '2.0.0')]);
    expect(summary(diffInventories([base], [head]))).toEqual(['added requests - -> 2.0.0']);
  });

  it('treats a package named __proto__ as an ordinary package', () => {
    const changes = diffInventories([inventory([])], [inventory([pkg('__proto__', '1.0.0'), pkg('constructor', '1.0.0')])]);
    expect(changes.map((c) => c.name)).toEqual(['__proto__', 'constructor']);
  });
});

describe('diffInventories name normalisation', () => {
  it('treats a PyPI name spelled differently as the same package', () => {
    const base = inventory([pkg('Django', '4.2.0', { ecosystem: 'PyPI' })], { ecosystem: 'PyPI', lockfile: 'poetry.lock' });
    const head = inventory([pkg('django', '4.2.1', { ecosystem: 'PyPI' })], { ecosystem: 'PyPI', lockfile: 'poetry.lock' });
    expect(diffInventories([base], [head]).map((c) => `${c.type} ${c.name} ${c.before} -> ${c.after}`)).toEqual([
      'upgraded django 4.2.0 -> 4.2.1',
    ]);
  });
});
