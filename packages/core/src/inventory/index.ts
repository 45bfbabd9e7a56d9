export * from './types.js';
export * from './sql-driver.js';
export { MIGRATIONS, SCHEMA_VERSION, migrate, type Migration } from './migrations.js';
export { SqlInventoryStore, findingKey, type InventoryStore } from './sql-store.js';
export { openInventoryStore, isPostgresUrl, DEFAULT_STORE_PATH } from './open-store.js';
export { readIngestInputs, toComponents } from './ingest.js';
export { reevaluate, type ReevaluationResult } from './reevaluate.js';
export { readVex, vexStatementFor, cycloneDxVex, OPENVEX_JUSTIFICATIONS } from './vex.js';
