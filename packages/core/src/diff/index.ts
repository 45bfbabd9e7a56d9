export * from './diff-inventories.js';
