import { describe, expect, it } from 'vitest';
import {
  canonicalName,
  classifyEdit,
  DeleteIndex,
  decorationCores,
  deletions,
  foldLookalikes,
  isKeyboardNeighbour,
  osaDistance,
  reorderKey,
  withoutSeparators,
} from '@lockwarden/core';

describe('name forms', () => {
  it('canonicalises PyPI names per PEP 503 and lowercases npm names', () => {
    expect(canonicalName('PyPI', 'Python_Date.Util')).toBe('python-date-util');
    expect(canonicalName('npm', 'Lodash')).toBe('lodash');
  });

  it('folds visual look-alikes, including a capital I before lowercasing', () => {
    expect(foldLookalikes('jeIlyfish')).toBe('jellyfish');
    expect(foldLookalikes('l0dash')).toBe('lodash');
    expect(foldLookalikes('cornmander')).toBe('commander');
    expect(foldLookalikes('vvebpack')).toBe('webpack');
    expect(foldLookalikes('1odash')).toBe('lodash');
  });

  it('removes separators and scope punctuation', () => {
    expect(withoutSeparators('cross-env')).toBe('crossenv');
    expect(withoutSeparators('@types/node')).toBe('typesnode');
    expect(withoutSeparators('a_b.c')).toBe('abc');
  });

  it('keys word reorders and ignores one-word names', () => {
    expect(reorderKey('python-dateutil')).toBe(reorderKey('dateutil-python'));
    expect(reorderKey('lodash')).toBeUndefined();
  });

  it('strips one decoration per end and version suffixes', () => {
    expect(decorationCores('npm', 'node-fabric')).toEqual(['fabric']);
    expect(decorationCores('npm', 'd3.js')).toEqual(['d3']);
    expect(decorationCores('npm', 'react2')).toEqual(['react']);
    expect(decorationCores('PyPI', 'python3-dateutil')).toEqual(['dateutil']);
    expect(decorationCores('npm', '@scope/x-js')).toEqual([]);
    expect(decorationCores('Go', 'node-x')).toEqual([]);
  });

  it('computes capped optimal-string-alignment distances', () => {
    expect(osaDistance('lodash', 'lodahs')).toBe(1);
    expect(osaDistance('lodash', 'lodash')).toBe(0);
    expect(osaDistance('lodash', 'ldsh', 1)).toBe(2);
    expect(osaDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('lists the deletion neighbourhood without duplicates', () => {
    expect(deletions('aab').sort()).toEqual(['aa', 'ab']);
  });

  it('classifies single edits', () => {
    expect(classifyEdit('lodsh', 'lodash')).toBe('omission');
    expect(classifyEdit('expresss', 'express')).toBe('repetition');
    expect(classifyEdit('expreszs', 'express')).toBe('insertion');
    expect(classifyEdit('lodahs', 'lodash')).toBe('swap');
    expect(classifyEdit('lodssh', 'lodash')).toBe('keyboard');
    expect(classifyEdit('l0dash', 'lodash')).toBe('lookalike');
    expect(classifyEdit('lomash', 'lodash')).toBe('substitution');
    expect(isKeyboardNeighbour('a', 's')).toBe(true);
    expect(isKeyboardNeighbour('a', 'p')).toBe(false);
  });
});

describe('DeleteIndex', () => {
  it('finds every form within one edit of a probe, including the form itself', () => {
    const index = new DeleteIndex(['lodash', 'express', 'react'], [0, 1, 2]);
    expect([...index.candidates('lodash')]).toContain(0);
    expect([...index.candidates('lodsh')]).toContain(0);
    expect([...index.candidates('lodashx')]).toContain(0);
    expect([...index.candidates('lodahs')]).toContain(0);
    expect([...index.candidates('expresss')]).toContain(1);
    expect([...index.candidates('zzzzzz')].filter((id) => id === 2)).toEqual([]);
  });
});
