export const id = 88;
export const ids = [88];
export const modules = {

/***/ 69088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ingestHead: () => (/* binding */ ingestHead)
/* harmony export */ });
/* harmony import */ var _lockwarden_core_inventory__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(20127);

/**
 * Ingests the head lockfiles into the inventory store as a snapshot of this repository at the pushed branch and
 * commit (loaded on demand: only runs with `inventory-store` open a database). Returns a line for the log.
 */
async function ingestHead(spec, inventories) {
    const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const store = await (0,_lockwarden_core_inventory__WEBPACK_IMPORTED_MODULE_0__/* .openInventoryStore */ .mO)(spec, { cwd, env: process.env });
    try {
        const result = await store.ingest({
            repo: process.env.GITHUB_REPOSITORY ?? 'unknown',
            ref: process.env.GITHUB_REF_NAME ?? 'unknown',
            ...(process.env.GITHUB_SHA ? { commit: process.env.GITHUB_SHA } : {}),
            inputs: inventories.map((i) => i.lockfile),
            components: inventories.flatMap((i) => (0,_lockwarden_core_inventory__WEBPACK_IMPORTED_MODULE_0__/* .toComponents */ .GW)(i, new Map())),
        });
        return `inventory: stored ${result.snapshot.components} components of ${result.snapshot.repo}@${result.snapshot.ref} in ${store.description}`;
    }
    finally {
        await store.close();
    }
}


/***/ })

};
