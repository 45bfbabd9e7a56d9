export const id = 807;
export const ids = [807];
export const modules = {

/***/ 42188:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openPostgres: () => (/* binding */ openPostgres)
});

// UNUSED EXPORTS: redact

// EXTERNAL MODULE: ./packages/core/dist/errors.js
var errors = __webpack_require__(71403);
;// CONCATENATED MODULE: ./packages/core/dist/inventory/sql-driver.js
/** `?` placeholders → `$1, $2, ...` (PostgreSQL). No statement of the store has a literal `?` in a string. */
function numberPlaceholders(sql) {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
}
//# sourceMappingURL=sql-driver.js.map
;// CONCATENATED MODULE: ./packages/core/dist/inventory/postgres-driver.js


/**
 * Connects to PostgreSQL with node-postgres (`pg`, pure JavaScript, so it loads on every Node). One connection:
 * the CLI runs one command at a time, and a transaction must stay on one connection.
 */
async function openPostgres(url) {
    const pg = (await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 83849))).default;
    // COUNT(*) and BIGINT come back as strings by default; the store's ids and counts fit in a double.
    pg.types.setTypeParser(20, (v) => Number(v));
    const client = new pg.Client({ connectionString: url });
    try {
        await client.connect();
    }
    catch (err) {
        throw new errors/* SourceUnavailableError */.mq('PostgreSQL', `cannot connect to ${redact(url)}: ${err.message}`, { cause: err });
    }
    return new PostgresDriver(client, `PostgreSQL at ${redact(url)}`);
}
/** The URL without its password, for messages. */
function redact(url) {
    try {
        const u = new URL(url);
        if (u.password)
            u.password = '***';
        return u.toString();
    }
    catch {
        return 'postgres://…';
    }
}
class PostgresDriver {
    client;
    description;
    dialect = 'postgres';
    constructor(client, description) {
        this.client = client;
        this.description = description;
    }
    async all(sql, params = []) {
        return (await this.query(sql, params)).rows;
    }
    async run(sql, params = []) {
        return { changes: (await this.query(sql, params)).rowCount ?? 0 };
    }
    async exec(sql) {
        await this.query(sql, []);
    }
    async query(sql, params) {
        try {
            return await this.client.query(params.length > 0 ? numberPlaceholders(sql) : sql, params);
        }
        catch (err) {
            throw new errors/* LockwardenError */.B$('IO_ERROR', `PostgreSQL: ${err.message}`, { cause: err });
        }
    }
    async transaction(fn) {
        await this.query('BEGIN', []);
        try {
            const result = await fn();
            await this.query('COMMIT', []);
            return result;
        }
        catch (err) {
            await this.query('ROLLBACK', []).catch(() => undefined);
            throw err;
        }
    }
    close() {
        return this.client.end();
    }
}
//# sourceMappingURL=postgres-driver.js.map

/***/ })

};
