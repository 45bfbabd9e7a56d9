export const id = 684;
export const ids = [684];
export const modules = {

/***/ 77684:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openSqlite: () => (/* binding */ openSqlite)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98995);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71403);




/**
 * Opens (creating) an SQLite database file. node:sqlite is built into Node.js 22.5+ (without a flag from 22.13)
 * and needs no native addon, so it works on any Node that has it; on Node 20 it does not exist and better-sqlite3
 * (an optional dependency, a native addon built at install time) is used instead. A better-sqlite3 built for
 * another Node's ABI fails to load; node:sqlite is tried first for that reason.
 */
async function openSqlite(path, driver = 'auto') {
    const file = path === ':memory:' ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path);
    if (file !== ':memory:') {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file), { recursive: true });
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockwardenError */ .B$('IO_ERROR', `cannot create the folder of the inventory store ${path}`, { cause: err });
        }
    }
    const failures = [];
    const order = driver === 'auto' ? ['node:sqlite', 'better-sqlite3'] : [driver];
    for (const name of order) {
        let db;
        try {
            db = name === 'node:sqlite' ? await openNodeSqlite(file) : openBetterSqlite(file);
        }
        catch (err) {
            if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockwardenError */ .B$)
                throw err;
            failures.push(`${name}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
            continue;
        }
        if (db)
            return new SyncSqliteDriver(db, `SQLite (${name}) at ${path}`);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockwardenError */ .B$('IO_ERROR', `no SQLite driver could open ${path} (${failures.join('; ')}); use Node.js 22.13+ (node:sqlite) or install better-sqlite3`);
}
async function openNodeSqlite(file) {
    // getBuiltinModule avoids the import-time error on a Node without node:sqlite and the experimental warning on import.
    const getBuiltin = process.getBuiltinModule;
    const mod = (getBuiltin ? getBuiltin('node:sqlite') : await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 80099, 19)));
    if (!mod?.DatabaseSync)
        throw new Error('node:sqlite is not available in this Node.js');
    return openFile(() => new mod.DatabaseSync(file), file);
}
function openBetterSqlite(file) {
    const require = (0,node_module__WEBPACK_IMPORTED_MODULE_2__.createRequire)(import.meta.url);
    const Database = require('better-sqlite3');
    return openFile(() => new Database(file), file);
}
function openFile(open, file) {
    let db;
    try {
        db = open();
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockwardenError */ .B$('IO_ERROR', `cannot open the inventory store ${file}: ${err.message}`, { cause: err });
    }
    // WAL lets readers (who-uses) run while an ingest writes; foreign keys are off by default in SQLite.
    db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000');
    return db;
}
/** Both SQLite drivers are synchronous; this presents them behind the async interface PostgreSQL needs. */
class SyncSqliteDriver {
    db;
    description;
    dialect = 'sqlite';
    statements = new Map();
    constructor(db, description) {
        this.db = db;
        this.description = description;
    }
    statement(sql) {
        let s = this.statements.get(sql);
        if (!s) {
            s = this.db.prepare(sql);
            this.statements.set(sql, s);
        }
        return s;
    }
    all(sql, params = []) {
        return Promise.resolve(this.statement(sql).all(...params));
    }
    run(sql, params = []) {
        return Promise.resolve({ changes: Number(this.statement(sql).run(...params).changes) });
    }
    exec(sql) {
        this.db.exec(sql);
        return Promise.resolve();
    }
    async transaction(fn) {
        this.db.exec('BEGIN IMMEDIATE');
        try {
            const result = await fn();
            this.db.exec('COMMIT');
            return result;
        }
        catch (err) {
            this.db.exec('ROLLBACK');
            throw err;
        }
    }
    close() {
        this.statements.clear();
        this.db.close();
        return Promise.resolve();
    }
}
//# sourceMappingURL=sqlite-driver.js.map

/***/ })

};
