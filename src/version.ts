import cliPackage from '../packages/cli/package.json' with { type: 'json' };

/** The Action runs the same lockwarden as the CLI package it is released with. */
export const VERSION: string = cliPackage.version;
