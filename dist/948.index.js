export const id = 948;
export const ids = [948];
export const modules = {

/***/ 99948:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   poetryLockParser: () => (/* binding */ poetryLockParser)
/* harmony export */ });
/* harmony import */ var _artifact_hash_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42398);
/* harmony import */ var _direct_dependencies_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87094);
/* harmony import */ var _inventory_builder_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56425);
/* harmony import */ var _package_name_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(63159);
/* harmony import */ var _parse_toml_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(26331);





function poetrySource(table) {
    if (!table)
        return { kind: 'registry' };
    const type = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(table.type);
    const url = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(table.url) ?? '';
    switch (type) {
        case 'git': {
            const source = { kind: 'git', url };
            const ref = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(table.reference);
            const commit = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(table.resolved_reference);
            if (ref !== undefined)
                source.ref = ref;
            if (commit !== undefined)
                source.commit = commit;
            return source;
        }
        case 'url':
            return { kind: 'tarball', url };
        case 'file':
        case 'directory':
            return { kind: 'path', path: url };
        case 'legacy':
            // A private or mirror index (`[[tool.poetry.source]]`).
            return url === '' ? { kind: 'registry' } : { kind: 'registry', url };
        default:
            return { kind: 'registry' };
    }
}
/**
 * Dependency groups: Poetry 2 lists them (`groups = ["dev", "test"]`; `main` is production), Poetry 1 has
 * `category = "dev"`; `optional = true` (an extra's package) adds `optional`.
 */
function poetryScopes(pkg) {
    const scopes = new Set();
    if (Array.isArray(pkg.groups)) {
        // A package production needs is production, whatever other groups also use it.
        const groups = pkg.groups.filter((g) => typeof g === 'string');
        if (!groups.includes('main'))
            for (const g of groups)
                scopes.add(g);
    }
    else if ((0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(pkg.category) === 'dev') {
        scopes.add('dev');
    }
    if (pkg.optional === true)
        scopes.add('optional');
    return [...scopes];
}
/**
 * `poetry.lock`, lock-version 1.x and 2.x. Hashes come from each package's `files` (2.x) or `[metadata.files]`
 * (1.x). The lockfile does not record the project's own dependencies, so `direct` comes from a sibling
 * pyproject.toml when the context can read one, else from the graph (packages nothing depends on).
 */
const poetryLockParser = {
    id: 'poetry.lock',
    ecosystem: 'PyPI',
    fileNames: ['poetry.lock'],
    conformance: ['python/poetrylock'],
    parse(text, path, context) {
        const doc = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.parseTomlDocument)(text, path, { arrayTable: 'package' });
        const tables = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTables)(doc.package);
        const lines = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.arrayTableLines)(text, 'package', tables.length);
        // Poetry 1.x keys [metadata.files] by the package name; match it in normal form, as Poetry does.
        const metadataFiles = new Map(Object.entries((0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTable)((0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTable)(doc.metadata)?.files) ?? {}).map(([k, v]) => [(0,_package_name_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizePypiName */ .T)(k), v]));
        const builder = new _inventory_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .PypiInventoryBuilder */ .y(path, 'poetry.lock');
        const dependencies = [];
        tables.forEach((pkg, i) => {
            const name = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(pkg.name);
            if (name === undefined || name === '')
                return;
            const integrity = (0,_artifact_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .artifactFileHashes */ .v$)(pkg.files);
            (0,_artifact_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .addHashes */ .GW)(integrity, (0,_artifact_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .artifactFileHashes */ .v$)(metadataFiles.get((0,_package_name_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizePypiName */ .T)(name))));
            const added = builder.add({
                name,
                version: (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(pkg.version) ?? '',
                scopes: poetryScopes(pkg),
                integrity,
                source: poetrySource((0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTable)(pkg.source)),
                file: path,
                line: lines[i],
            });
            dependencies.push({ from: added.id, names: Object.keys((0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTable)(pkg.dependencies) ?? {}) });
        });
        builder.linkByName(dependencies);
        const inventory = builder.build();
        (0,_direct_dependencies_js__WEBPACK_IMPORTED_MODULE_1__/* .markDirect */ .Re)(inventory, (0,_direct_dependencies_js__WEBPACK_IMPORTED_MODULE_1__/* .namesDeclaredInPyproject */ .IA)(context));
        return inventory;
    },
};
//# sourceMappingURL=poetry-lock.js.map

/***/ })

};
