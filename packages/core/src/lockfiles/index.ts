export * from './snapshot.js';
export * from './discover.js';
export * from './parse-lockfile.js';
export * from './load.js';
export * from './ensure-commit.js';
export * from './declared.js';
