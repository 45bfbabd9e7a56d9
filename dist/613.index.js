export const id = 613;
export const ids = [613];
export const modules = {

/***/ 43613:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cargoLockParser: () => (/* binding */ cargoLockParser),
/* harmony export */   parseCargoSource: () => (/* binding */ parseCargoSource)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71403);
/* harmony import */ var _model_purl_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56819);
/* harmony import */ var _parse_toml_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26331);



const CARGO_SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
/**
 * Cargo.lock (v1–v4). Every `[[package]]` is reported, including workspace members and path crates (they have
 * no `source`). Direct dependencies are those of the sourceless crates (the workspace); edges come from
 * each package's `dependencies` list, whose entries are `name`, `name version` or `name version (source)`.
 */
const cargoLockParser = {
    id: 'Cargo.lock',
    ecosystem: 'crates.io',
    fileNames: ['Cargo.lock'],
    conformance: ['rust/cargolock'],
    parse(text, path) {
        const doc = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_2__.parseTomlDocument)(text, path, { arrayTable: 'package' });
        const headerLines = packageHeaderLines(text);
        const list = doc['package'];
        if (list !== undefined && !Array.isArray(list)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, '"package" must be an array of tables ([[package]])', { line: lineOfPackageKey(text) });
        }
        const v1Checksums = metadataChecksums(doc['metadata']);
        const crates = (list ?? []).map((entry, i) => {
            const line = headerLines[i] ?? 1;
            const fail = (reason) => {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, `[[package]] #${i + 1}: ${reason}`, { line });
            };
            if (!(0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_2__.isTable)(entry))
                fail('not a table');
            const table = entry;
            const name = table['name'];
            const version = table['version'];
            if (typeof name !== 'string' || !/^[A-Za-z0-9_-]+$/.test(name))
                fail('missing or invalid "name"');
            if (typeof version !== 'string' || !CARGO_SEMVER.test(version))
                fail('missing or invalid "version" (Cargo needs SemVer x.y.z)');
            const sourceText = table['source'];
            if (sourceText !== undefined && typeof sourceText !== 'string')
                fail('"source" must be a string');
            const deps = table['dependencies'] ?? [];
            if (!Array.isArray(deps) || deps.some((d) => typeof d !== 'string'))
                fail('"dependencies" must be an array of strings');
            const checksum = table['checksum'] ?? v1Checksums.get(`${name} ${version} (${sourceText ?? ''})`);
            const integrity = [];
            if (checksum !== undefined) {
                if (typeof checksum !== 'string' || !/^[0-9a-fA-F]{64}$/.test(checksum))
                    fail('"checksum" must be a SHA-256 hex digest');
                integrity.push({ algorithm: 'sha256', value: checksum.toLowerCase() });
            }
            const pkg = {
                id: `${name}@${version}`,
                ecosystem: 'crates.io',
                name: name,
                version: version,
                purl: (0,_model_purl_js__WEBPACK_IMPORTED_MODULE_1__/* .buildPurl */ .Eq)('cargo', undefined, name, version),
                direct: false,
                scopes: [],
                integrity,
                source: parseCargoSource(sourceText),
                location: { file: path, line },
            };
            return { pkg, sourceText: sourceText, dependencies: deps };
        });
        // The same name@version can come from two sources (a registry and a git fork); keep ids unique.
        const ids = new Map();
        for (const c of crates)
            ids.set(c.pkg.id, (ids.get(c.pkg.id) ?? 0) + 1);
        for (const c of crates)
            if ((ids.get(c.pkg.id) ?? 0) > 1)
                c.pkg.id = `${c.pkg.id} (${c.sourceText ?? 'local'})`;
        const edges = resolveEdges(crates);
        const roots = new Set(crates.filter((c) => c.sourceText === undefined).map((c) => c.pkg.id));
        const direct = new Set(roots);
        for (const e of edges)
            if (roots.has(e.from))
                direct.add(e.to);
        for (const c of crates)
            c.pkg.direct = direct.has(c.pkg.id);
        return {
            lockfile: path,
            format: 'Cargo.lock',
            ecosystem: 'crates.io',
            packages: crates.map((c) => c.pkg),
            edges,
            projects: [],
        };
    },
};
/** Cargo source ids: `registry+URL`, `sparse+URL`, `git+URL?branch=x#commit`, `path+URL` (old lockfiles). */
function parseCargoSource(source) {
    // No source: a workspace member or a path dependency; Cargo.lock does not record where it lives.
    if (source === undefined)
        return { kind: 'path', path: '' };
    const plus = source.indexOf('+');
    const kind = plus > 0 ? source.slice(0, plus) : '';
    const rest = source.slice(plus + 1);
    if (kind === 'registry' || kind === 'sparse')
        return { kind: 'registry', url: rest };
    if (kind === 'git') {
        const hash = rest.indexOf('#');
        const commit = hash >= 0 ? rest.slice(hash + 1) : undefined;
        const withQuery = hash >= 0 ? rest.slice(0, hash) : rest;
        const q = withQuery.indexOf('?');
        const url = q >= 0 ? withQuery.slice(0, q) : withQuery;
        const query = q >= 0 ? new URLSearchParams(withQuery.slice(q + 1)) : undefined;
        const ref = query?.get('rev') ?? query?.get('tag') ?? query?.get('branch') ?? undefined;
        return { kind: 'git', url, ...(commit ? { commit } : {}), ...(ref ? { ref } : {}) };
    }
    if (kind === 'path')
        return { kind: 'path', path: rest.replace(/^file:\/\//, '') };
    return { kind: 'unknown' };
}
function resolveEdges(crates) {
    const byName = new Map();
    for (const c of crates) {
        const list = byName.get(c.pkg.name);
        if (list)
            list.push(c);
        else
            byName.set(c.pkg.name, [c]);
    }
    const edges = [];
    for (const c of crates) {
        for (const dep of c.dependencies) {
            const m = /^(\S+)(?: (\S+))?(?: \((.*)\))?$/.exec(dep.trim());
            if (!m)
                continue;
            const [, name, version, source] = m;
            const target = (byName.get(name) ?? []).filter((t) => (version === undefined || t.pkg.version === version) && (source === undefined || t.sourceText === source));
            // A dependency missing from the package list (trimmed by hand, or a target-specific crate) gives no edge.
            if (target.length === 1)
                edges.push({ from: c.pkg.id, to: target[0].pkg.id });
        }
    }
    return edges;
}
/** Lockfile v1 keeps checksums in `[metadata]` as `"checksum name version (source)" = "hex"`. */
function metadataChecksums(metadata) {
    const out = new Map();
    if (!(0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_2__.isTable)(metadata))
        return out;
    for (const [key, value] of Object.entries(metadata)) {
        if (key.startsWith('checksum ') && value !== '<none>')
            out.set(key.slice('checksum '.length), value);
    }
    return out;
}
/** 1-based lines of the `[[package]]` headers, in order, so each entry can point at its own line. */
function packageHeaderLines(text) {
    const lines = [];
    const all = text.split('\n');
    for (let i = 0; i < all.length; i++)
        if (/^\s*\[\[\s*package\s*\]\]/.test(all[i]))
            lines.push(i + 1);
    return lines;
}
/** 1-based line of the first `package = ...` or `[package]` line, or 1. */
function lineOfPackageKey(text) {
    const i = text.split('\n').findIndex((l) => /^\s*\[*\s*"?package"?\s*[=\]]/.test(l));
    return i >= 0 ? i + 1 : 1;
}
//# sourceMappingURL=cargo-lock.js.map

/***/ })

};
