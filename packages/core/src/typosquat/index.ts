export * from './popularity-snapshot.js';
export * from './name-forms.js';
export * from './typosquat-detector.js';
export * from './delete-index.js';
