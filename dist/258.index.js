export const id = 258;
export const ids = [258];
export const modules = {

/***/ 3258:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uvLockParser: () => (/* binding */ uvLockParser)
/* harmony export */ });
/* harmony import */ var _artifact_hash_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(42398);
/* harmony import */ var _inventory_builder_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56425);
/* harmony import */ var _package_name_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63159);
/* harmony import */ var _parse_toml_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26331);




/** `git = "https://host/repo?rev=v1#<commit>"`: the URL, the requested ref and the locked commit. */
function uvGitSource(value) {
    const hashAt = value.indexOf('#');
    const commit = hashAt < 0 ? undefined : value.slice(hashAt + 1);
    const withQuery = hashAt < 0 ? value : value.slice(0, hashAt);
    const queryAt = withQuery.indexOf('?');
    const url = queryAt < 0 ? withQuery : withQuery.slice(0, queryAt);
    const source = { kind: 'git', url };
    if (queryAt >= 0) {
        const params = new URLSearchParams(withQuery.slice(queryAt + 1));
        const ref = params.get('rev') ?? params.get('tag') ?? params.get('branch');
        if (ref !== null)
            source.ref = ref;
    }
    if (commit !== undefined && commit !== '')
        source.commit = commit;
    return source;
}
function uvSource(table) {
    if (!table)
        return { kind: 'registry' };
    const registry = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlString)(table.registry);
    if (registry !== undefined)
        return { kind: 'registry', url: registry };
    const git = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlString)(table.git);
    if (git !== undefined)
        return uvGitSource(git);
    const url = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlString)(table.url);
    if (url !== undefined)
        return { kind: 'tarball', url };
    const path = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlString)(table.path) ?? (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlString)(table.directory) ?? (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlString)(table.editable) ?? (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlString)(table.virtual);
    if (path !== undefined)
        return { kind: 'path', path };
    return { kind: 'unknown' };
}
function artifactHashes(pkg) {
    const artifacts = [(0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlTable)(pkg.sdist), ...(0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlTables)(pkg.wheels)];
    return (0,_artifact_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .addHashes */ .GW)([], artifacts.map((a) => {
        const hash = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlString)(a?.hash);
        return hash === undefined ? undefined : (0,_artifact_hash_js__WEBPACK_IMPORTED_MODULE_0__/* .parseArtifactHash */ .AU)(hash);
    }));
}
function dependencyRefs(pkg) {
    const refs = [];
    const push = (list, group) => {
        for (const dep of (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlTables)(list)) {
            const name = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlString)(dep.name);
            if (name === undefined)
                continue;
            const ref = { name };
            const version = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlString)(dep.version);
            if (version !== undefined)
                ref.version = version;
            if (group !== undefined)
                ref.group = group;
            refs.push(ref);
        }
    };
    push(pkg.dependencies);
    for (const key of ['optional-dependencies', 'dev-dependencies']) {
        for (const [group, list] of Object.entries((0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlTable)(pkg[key]) ?? {}))
            push(list, group);
    }
    return refs;
}
/**
 * `uv.lock`. Workspace members (`source = { virtual | editable = ... }` listed in `[manifest] members`, or at `.`)
 * are projects, not packages; what they depend on is direct, with the extra or dependency-group name as scope
 * (a package also needed by the main dependencies has none). Edges follow every `dependencies` entry, matched by
 * name and, where uv records it because a name resolves twice, by version.
 */
const uvLockParser = {
    id: 'uv.lock',
    ecosystem: 'PyPI',
    fileNames: ['uv.lock'],
    conformance: ['python/uvlock'],
    parse(text, path) {
        const doc = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.parseTomlDocument)(text, path, { arrayTable: 'package' });
        const tables = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlTables)(doc.package);
        const lines = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.arrayTableLines)(text, 'package', tables.length);
        const members = new Set((Array.isArray((0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlTable)(doc.manifest)?.members) ? (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlTable)(doc.manifest)?.members : [])
            .filter((m) => typeof m === 'string')
            .map(_package_name_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizePypiName */ .T));
        const builder = new _inventory_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .PypiInventoryBuilder */ .y(path, 'uv.lock');
        builder.recordsEdges();
        const nodes = [];
        const byName = new Map();
        tables.forEach((table, i) => {
            const name = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlString)(table.name);
            if (name === undefined || name === '')
                return;
            const version = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlString)(table.version) ?? '';
            const sourceTable = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlTable)(table.source);
            const local = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlString)(sourceTable?.virtual) ?? (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_3__.tomlString)(sourceTable?.editable);
            const isProject = local !== undefined && (members.has((0,_package_name_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizePypiName */ .T)(name)) || local === '.');
            let id;
            let pkg;
            if (isProject) {
                id = local === '.' ? '' : `project:${name}`;
                builder.addProject({ id, name, path: local === '.' ? '' : local });
            }
            else {
                pkg = builder.add({
                    name,
                    version,
                    integrity: artifactHashes(table),
                    source: uvSource(sourceTable),
                    file: path,
                    line: lines[i],
                });
                id = pkg.id;
            }
            nodes.push({ id, isProject, refs: dependencyRefs(table) });
            const key = (0,_package_name_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizePypiName */ .T)(name);
            const entry = pkg ? { id, version, pkg } : { id, version };
            byName.set(key, [...(byName.get(key) ?? []), entry]);
        });
        const scopes = new Map();
        for (const node of nodes) {
            for (const ref of node.refs) {
                const candidates = byName.get((0,_package_name_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizePypiName */ .T)(ref.name)) ?? [];
                const matched = ref.version === undefined ? candidates : candidates.filter((c) => c.version === ref.version);
                for (const target of matched) {
                    builder.addEdge({ from: node.id, to: target.id });
                    if (!node.isProject || !target.pkg)
                        continue;
                    target.pkg.direct = true;
                    const current = scopes.get(target.pkg);
                    if (ref.group === undefined)
                        scopes.set(target.pkg, 'main');
                    else if (current !== 'main')
                        scopes.set(target.pkg, (current ?? new Set()).add(ref.group));
                }
            }
        }
        for (const [pkg, groups] of scopes)
            pkg.scopes = groups === 'main' ? [] : [...groups];
        return builder.build();
    },
};
//# sourceMappingURL=uv-lock.js.map

/***/ })

};
