export const id = 890;
export const ids = [890];
export const modules = {

/***/ 71890:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pdmLockParser: () => (/* binding */ pdmLockParser)
/* harmony export */ });
/* harmony import */ var _artifact_hash_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42398);
/* harmony import */ var _direct_dependencies_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87094);
/* harmony import */ var _inventory_builder_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56425);
/* harmony import */ var _requirement_spec_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(34066);
/* harmony import */ var _parse_toml_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(26331);





function pdmSource(pkg) {
    const git = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(pkg.git);
    if (git !== undefined) {
        const source = { kind: 'git', url: git };
        const revision = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(pkg.revision);
        const ref = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(pkg.ref);
        if (revision !== undefined)
            source.commit = revision;
        if (ref !== undefined)
            source.ref = ref;
        return source;
    }
    const url = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(pkg.url);
    if (url !== undefined)
        return { kind: 'tarball', url };
    const path = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(pkg.path);
    if (path !== undefined)
        return { kind: 'path', path };
    return { kind: 'registry' };
}
/**
 * PDM group names: `default` is production; `dev` stays `dev`; any other group (an optional-dependencies extra or
 * a dev group, which the lockfile does not tell apart) is `optional`, as the peer reports it.
 */
function pdmScopes(pkg) {
    const groups = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlArray)(pkg.groups).filter((g) => typeof g === 'string');
    if (groups.length === 0 || groups.includes('default'))
        return [];
    return [...new Set(groups.map((g) => (g === 'dev' ? 'dev' : 'optional')))];
}
/**
 * `pdm.lock` (lock_version 4.x). Dependencies are PEP 508 strings naming packages; `direct` comes from a sibling
 * pyproject.toml when readable, else from the graph.
 */
const pdmLockParser = {
    id: 'pdm.lock',
    ecosystem: 'PyPI',
    fileNames: ['pdm.lock'],
    conformance: ['python/pdmlock'],
    parse(text, path, context) {
        const doc = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.parseTomlDocument)(text, path, { arrayTable: 'package' });
        const tables = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTables)(doc.package);
        const lines = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.arrayTableLines)(text, 'package', tables.length);
        const builder = new _inventory_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .PypiInventoryBuilder */ .y(path, 'pdm.lock');
        const dependencies = [];
        tables.forEach((pkg, i) => {
            const name = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(pkg.name);
            if (name === undefined || name === '')
                return;
            const added = builder.add({
                name,
                version: (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(pkg.version) ?? '',
                scopes: pdmScopes(pkg),
                integrity: (0,_artifact_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .artifactFileHashes */ .v$)(pkg.files),
                source: pdmSource(pkg),
                file: path,
                line: lines[i],
            });
            const names = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlArray)(pkg.dependencies)
                .filter((d) => typeof d === 'string')
                .map((d) => (0,_requirement_spec_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRequirement */ .p)(d)?.name)
                .filter((n) => n !== undefined);
            dependencies.push({ from: added.id, names });
        });
        builder.linkByName(dependencies);
        const inventory = builder.build();
        (0,_direct_dependencies_js__WEBPACK_IMPORTED_MODULE_1__/* .markDirect */ .Re)(inventory, (0,_direct_dependencies_js__WEBPACK_IMPORTED_MODULE_1__/* .namesDeclaredInPyproject */ .IA)(context));
        return inventory;
    },
};
//# sourceMappingURL=pdm-lock.js.map

/***/ })

};
