import { ParseError } from '@lockwarden/core';

/** Runs `fn` and returns the ParseError it throws; fails the test when it throws something else or nothing. */
export function errorOf(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ParseError) return err;
    throw err;
  }
  throw new Error('expected a ParseError');
}
