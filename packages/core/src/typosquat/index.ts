export * from './popularity-snapshot.js';
export * from './name-forms.js';
export * from './typosquat-detector.js';
export * from './delete-index.js';
export * from './target-forms.js';
export * from './target-lookup.js';
export * from './bundled-index.js';
export * from './string-column.js';
