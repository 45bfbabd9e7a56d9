export const id = 552;
export const ids = [552];
export const modules = {

/***/ 49552:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pylockTomlParser: () => (/* binding */ pylockTomlParser)
/* harmony export */ });
/* harmony import */ var _artifact_hash_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42398);
/* harmony import */ var _direct_dependencies_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87094);
/* harmony import */ var _inventory_builder_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56425);
/* harmony import */ var _package_name_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(63159);
/* harmony import */ var _parse_toml_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(26331);





function pylockSource(pkg) {
    const vcs = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTable)(pkg.vcs);
    if (vcs) {
        const url = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(vcs.url) ?? (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(vcs.path) ?? '';
        if ((0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(vcs.type) !== 'git')
            return { kind: 'tarball', url };
        const source = { kind: 'git', url };
        const commit = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(vcs['commit-id']);
        const ref = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(vcs['requested-revision']);
        if (commit !== undefined)
            source.commit = commit;
        if (ref !== undefined)
            source.ref = ref;
        return source;
    }
    const archive = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTable)(pkg.archive);
    if (archive) {
        const url = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(archive.url);
        if (url !== undefined)
            return { kind: 'tarball', url };
        return { kind: 'path', path: (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(archive.path) ?? '' };
    }
    const index = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(pkg.index);
    return index === undefined ? { kind: 'registry' } : { kind: 'registry', url: index };
}
function pylockHashes(pkg) {
    const artifacts = [(0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTable)(pkg.archive), (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTable)(pkg.sdist), ...(0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTables)(pkg.wheels)];
    const hashes = [];
    for (const artifact of artifacts) {
        for (const [algorithm, value] of Object.entries((0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTable)(artifact?.hashes) ?? {})) {
            if (typeof value === 'string')
                (0,_artifact_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .addHashes */ .GW)(hashes, [(0,_artifact_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .parseArtifactHash */ .AU)(algorithm, value)]);
        }
    }
    return hashes;
}
/**
 * `pylock.toml` / `pylock.<name>.toml` (PEP 751). `directory` entries are the project itself or a local sibling,
 * recorded as projects rather than packages. Edges follow the optional `dependencies` lists (matched by name and,
 * when given, version); `direct` comes from a sibling pyproject.toml, else from those edges when any are recorded.
 */
const pylockTomlParser = {
    id: 'pylock.toml',
    ecosystem: 'PyPI',
    fileNames: ['pylock.toml', 'pylock.*.toml'],
    conformance: ['python/pylock'],
    parse(text, path, context) {
        const doc = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.parseTomlDocument)(text, path, { arrayTable: 'packages' });
        const tables = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTables)(doc.packages);
        const lines = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.arrayTableLines)(text, 'packages', tables.length);
        const builder = new _inventory_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .PypiInventoryBuilder */ .y(path, 'pylock.toml');
        const pending = [];
        const byName = new Map();
        let recordsEdges = false;
        tables.forEach((pkg, i) => {
            const name = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(pkg.name);
            if (name === undefined || name === '')
                return;
            const version = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(pkg.version) ?? '';
            const directory = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTable)(pkg.directory);
            let id;
            if (directory) {
                const dir = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(directory.path) ?? '';
                id = dir === '.' || dir === '' ? '' : `project:${name}`;
                builder.addProject({ id, name, path: dir === '.' ? '' : dir });
            }
            else {
                id = builder.add({
                    name,
                    version,
                    integrity: pylockHashes(pkg),
                    source: pylockSource(pkg),
                    file: path,
                    line: lines[i],
                }).id;
            }
            const key = (0,_package_name_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizePypiName */ .T)(name);
            byName.set(key, [...(byName.get(key) ?? []), { id, version }]);
            if (Array.isArray(pkg.dependencies)) {
                recordsEdges = true;
                pending.push({ from: id, deps: (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlTables)(pkg.dependencies) });
            }
        });
        if (recordsEdges)
            builder.recordsEdges();
        for (const { from, deps } of pending) {
            for (const dep of deps) {
                const name = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(dep.name);
                if (name === undefined)
                    continue;
                const version = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_4__.tomlString)(dep.version);
                for (const target of byName.get((0,_package_name_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizePypiName */ .T)(name)) ?? []) {
                    if (version === undefined || target.version === version)
                        builder.addEdge({ from, to: target.id });
                }
            }
        }
        const inventory = builder.build();
        (0,_direct_dependencies_js__WEBPACK_IMPORTED_MODULE_1__/* .markDirect */ .Re)(inventory, (0,_direct_dependencies_js__WEBPACK_IMPORTED_MODULE_1__/* .namesDeclaredInPyproject */ .IA)(context));
        return inventory;
    },
};
//# sourceMappingURL=pylock-toml.js.map

/***/ })

};
