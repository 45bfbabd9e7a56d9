export const id = 259;
export const ids = [259];
export const modules = {

/***/ 86259:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePnpmLock: () => (/* binding */ parsePnpmLock),
/* harmony export */   pnpmLockParser: () => (/* binding */ pnpmLockParser)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71403);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76702);
/* harmony import */ var _parse_yaml_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(68391);
/* harmony import */ var _package_collector_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(18290);
/* harmony import */ var _package_lock_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(75514);
/* harmony import */ var _resolved_source_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(30534);
/* harmony import */ var _root_scopes_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(27318);









/** Dependency maps of an importer (project); `peerDependencies` are resolved into these by pnpm. */
const IMPORTER_FIELDS = [
    ['dependencies', []],
    ['devDependencies', ['dev']],
    ['optionalDependencies', ['optional']],
];
const PACKAGE_FIELDS = ['dependencies', 'optionalDependencies'];
function syntaxOf(version) {
    return version >= 9 ? 'v9' : version >= 6 ? 'v6' : 'v5';
}
function get(record, key) {
    return Object.hasOwn(record, key) ? record[key] : undefined;
}
function stringField(record, field) {
    const value = get(record, field);
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
/** `name@version` with an optionally scoped name; `undefined` when there is no separating `@`. */
function splitNameVersion(spec) {
    const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
    if (at <= 0)
        return undefined;
    return [spec.slice(0, at), spec.slice(at + 1)];
}
/** Drops the peer suffix `(react@18.2.0)(…)` that pnpm v6+ appends to dependency paths. */
function stripPeerSuffix(key) {
    const paren = key.indexOf('(');
    return paren < 0 ? key : key.slice(0, paren);
}
/**
 * Name and version encoded in a `packages` key. Returns `undefined` when the key does not encode them (git,
 * tarball and `file:` keys; the entry's `name`/`version` fields say), and `null` for a key that is no
 * dependency path at all.
 */
function nameVersionOfKey(key, syntax) {
    if (key.startsWith('file:'))
        return undefined;
    if (syntax === 'v9') {
        const split = splitNameVersion(stripPeerSuffix(key));
        return split ? { name: split[0], version: split[1] } : null;
    }
    if (syntax === 'v6' && key.startsWith('/')) {
        const split = splitNameVersion(stripPeerSuffix(key.slice(1)));
        if (split)
            return { name: split[0], version: split[1] };
    }
    // v5 (`/name/1.0.0_peer@2`, `/@scope/name/1.0.0`, `host/name/1.0.0`) and v6 keys with a host prefix.
    const parts = key.split('/');
    if (parts.length < 2)
        return null;
    const rest = parts.slice(1);
    const scoped = rest[0]?.startsWith('@') === true;
    let name = scoped ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? '');
    let version = (scoped ? rest[2] : rest[1]) ?? '';
    if (version === '') {
        const split = splitNameVersion(stripPeerSuffix(name));
        if (split)
            [name, version] = split;
    }
    const underscore = version.indexOf('_');
    if (underscore >= 0)
        version = version.slice(0, underscore);
    version = stripPeerSuffix(version);
    // Keys such as `github.com/owner/repo` put no version in the path; their entries carry name and version.
    if (!/^\d/.test(version))
        return undefined;
    return { name, version };
}
/**
 * The package key a dependency reference points at, following pnpm's own rules per lockfile syntax: a
 * bare version means `<name>@<version>` (v9), `/<name>@<version>` (v6) or `/<name>/<version>` (v5); a
 * reference that is already a path (aliases, git, tarballs) is used as it is.
 */
function referenceToKey(name, reference, syntax) {
    if (reference.startsWith('file:'))
        return reference;
    if (syntax === 'v9') {
        if (reference.startsWith('@'))
            return reference;
        const at = reference.indexOf('@');
        if (at < 0)
            return `${name}@${reference}`;
        const colon = reference.indexOf(':');
        const paren = reference.indexOf('(');
        // `string-width@4.2.3` (an alias target) vs `4.2.0(react@18.2.0)` or `https://host/x@y`.
        if ((colon < 0 || at < colon) && (paren < 0 || at < paren))
            return reference;
        return `${name}@${reference}`;
    }
    if (reference.startsWith('/'))
        return reference;
    const beforePeers = syntax === 'v6' ? stripPeerSuffix(reference) : reference.split('_')[0] ?? reference;
    if (beforePeers.includes('/'))
        return reference;
    return syntax === 'v6' ? `/${name}@${reference}` : `/${name}/${reference}`;
}
/** Where a package comes from, from its `resolution` block. */
function sourceOf(resolution) {
    if (!resolution)
        return { kind: 'registry' };
    const type = stringField(resolution, 'type');
    const repo = stringField(resolution, 'repo');
    const commit = stringField(resolution, 'commit');
    if (type === 'git' || (repo !== undefined && commit !== undefined)) {
        const url = (0,_resolved_source_js__WEBPACK_IMPORTED_MODULE_7__/* .gitParts */ .j2)(repo ?? '')?.url ?? repo ?? '';
        return commit === undefined ? { kind: 'git', url } : { kind: 'git', url, commit };
    }
    const directory = stringField(resolution, 'directory');
    if (type === 'directory' && directory !== undefined)
        return { kind: 'path', path: directory };
    const tarball = stringField(resolution, 'tarball');
    if (tarball !== undefined)
        return (0,_resolved_source_js__WEBPACK_IMPORTED_MODULE_7__/* .sourceFromResolved */ .Qz)(tarball);
    return { kind: 'registry' };
}
function pnpmScopes(entry, syntax) {
    // v9 moved dev/optional out of the package entries; they are derived from the importers after the graph is built.
    if (syntax === 'v9')
        return [];
    const scopes = [];
    if (get(entry, 'dev') === true)
        scopes.push('dev');
    if (get(entry, 'optional') === true)
        scopes.push('optional');
    return scopes;
}
/** [name, reference] pairs of a dependency map in either shape: `name: ref` (v5) or `name: {version}` (v6+). */
function references(map) {
    if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(map))
        return [];
    const out = [];
    for (const name of Object.keys(map)) {
        const value = map[name];
        const reference = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value) ? stringField(value, 'version') : typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
        if (reference !== undefined)
            out.push([name, reference]);
    }
    return out;
}
/**
 * Parses pnpm-lock.yaml (lockfile 5.x, 6.x, 9.x): `importers` (or the top-level dependency maps of a
 * single-project lockfile) become projects, `packages` the packages, and v9 `snapshots` (or v5/v6
 * `packages`, whose keys carry peer suffixes) the dependency edges.
 */
function parsePnpmLock(text, path) {
    const { value, precise, keyLines } = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_4__/* .loadYaml */ .yv)(text, path);
    const collector = new _package_collector_js__WEBPACK_IMPORTED_MODULE_5__/* .PackageCollector */ .UI(path, 'pnpm-lock.yaml');
    if (value === null || value === undefined)
        return collector.build();
    if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ParseError */ .mB(path, `expected a YAML mapping at the top level, got ${Array.isArray(value) ? 'a sequence' : typeof value}`, {
            line: 1,
            column: 1,
        });
    }
    const rawVersion = get(value, 'lockfileVersion');
    const version = typeof rawVersion === 'number' ? rawVersion : typeof rawVersion === 'string' ? Number(rawVersion) : NaN;
    const packages = get(value, 'packages');
    if (rawVersion === undefined && !(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(packages))
        return collector.build();
    if (!(version >= 5 && version < 10)) {
        // Only on this error: the precise parse for the key's position.
        const { doc, lines } = precise ?? (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_4__.parseYaml)(text, path);
        const pair = doc.contents && (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(doc.contents) ? doc.contents.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(p.key) && p.key.value === 'lockfileVersion') : undefined;
        const offset = pair && (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(pair.key) ? pair.key.range?.[0] : undefined;
        const where = offset === undefined ? {} : { line: lines.linePos(offset).line, column: lines.linePos(offset).col };
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ParseError */ .mB(path, `unsupported lockfileVersion ${JSON.stringify(rawVersion)} (supported: 5.x, 6.x, 9.x)`, where, {
            code: 'UNSUPPORTED_FORMAT',
        });
    }
    const syntax = syntaxOf(version);
    const packageLines = new _parse_yaml_js__WEBPACK_IMPORTED_MODULE_4__/* .YamlKeyLines */ .Ap(text, 'packages', keyLines?.get('packages'));
    const packageMap = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(packages) ? packages : {};
    const invalid = [];
    for (const key of Object.keys(packageMap)) {
        const raw = packageMap[key];
        const entry = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(raw) ? raw : {};
        const fromKey = nameVersionOfKey(key, syntax);
        if (fromKey === null && stringField(entry, 'name') === undefined) {
            invalid.push(key);
            continue;
        }
        const name = stringField(entry, 'name') ?? fromKey?.name;
        const pkgVersion = stringField(entry, 'version') ?? fromKey?.version;
        if (name === undefined || name === '' || pkgVersion === undefined || pkgVersion === '')
            continue;
        const resolution = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(get(entry, 'resolution')) ? get(entry, 'resolution') : undefined;
        const sri = resolution ? get(resolution, 'integrity') : undefined;
        const integrity = typeof sri === 'string' ? sri : [];
        collector.add({
            nodeId: key,
            name,
            version: pkgVersion,
            scopes: pnpmScopes(entry, syntax),
            integrity,
            source: sourceOf(resolution),
            line: () => packageLines.lineOf(key),
            ...(get(entry, 'requiresBuild') === true ? { hasInstallScript: true } : {}),
        });
    }
    if (invalid.length > 0) {
        const first = invalid[0] ?? '';
        const line = packageLines.lineOf(first);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ParseError */ .mB(path, `invalid dependency path: ${invalid.join(', ')}`, line === undefined ? {} : { line });
    }
    // v9 keeps the resolved graph in `snapshots` (keys with peer suffixes) and the artifacts in `packages`.
    const snapshots = syntax === 'v9' && (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(get(value, 'snapshots')) ? get(value, 'snapshots') : undefined;
    const graph = snapshots ?? packageMap;
    if (snapshots) {
        for (const key of Object.keys(snapshots)) {
            const base = collector.packageOf(stripPeerSuffix(key));
            if (base)
                collector.alias(key, base);
        }
    }
    for (const key of Object.keys(graph)) {
        const entry = graph[key];
        if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(entry))
            continue;
        for (const field of PACKAGE_FIELDS) {
            for (const [depName, reference] of references(get(entry, field))) {
                if (reference.startsWith('link:'))
                    continue;
                collector.addEdge(key, referenceToKey(depName, reference, syntax));
            }
        }
    }
    const importers = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(get(value, 'importers')) ? get(value, 'importers') : { '.': value };
    // Every project first: `link:` dependencies point from one importer to another.
    for (const importerPath of Object.keys(importers)) {
        const projectPath = importerPath === '.' ? '' : importerPath;
        collector.addProject({ id: (0,_package_lock_js__WEBPACK_IMPORTED_MODULE_6__.npmProjectId)(projectPath), path: projectPath });
    }
    const declarations = new Map();
    for (const importerPath of Object.keys(importers)) {
        const importer = importers[importerPath];
        const projectPath = importerPath === '.' ? '' : importerPath;
        if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(importer))
            continue;
        (0,_root_scopes_js__WEBPACK_IMPORTED_MODULE_8__/* .declareRoot */ .z)(declarations, (0,_package_lock_js__WEBPACK_IMPORTED_MODULE_6__.npmProjectId)(projectPath), importer);
        for (const [field] of IMPORTER_FIELDS) {
            for (const [depName, reference] of references(get(importer, field))) {
                const from = (0,_package_lock_js__WEBPACK_IMPORTED_MODULE_6__.npmProjectId)(projectPath);
                if (reference.startsWith('link:')) {
                    const target = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(projectPath === '' ? '.' : projectPath, reference.slice(5)));
                    collector.addEdge(from, (0,_package_lock_js__WEBPACK_IMPORTED_MODULE_6__.npmProjectId)(target === '.' ? '' : target));
                    continue;
                }
                const key = referenceToKey(depName, reference, syntax);
                collector.addEdge(from, key);
                const pkg = collector.packageOf(key);
                if (pkg && pkg.name !== depName) {
                    pkg.aliases ??= [];
                    if (!pkg.aliases.includes(depName))
                        pkg.aliases.push(depName);
                }
            }
        }
    }
    const inventory = collector.build();
    // v9 dropped the per-package dev/optional flags: the importers' dependency maps are the only record left.
    if (syntax === 'v9')
        (0,_root_scopes_js__WEBPACK_IMPORTED_MODULE_8__/* .applyRootScopes */ .I)(inventory, declarations);
    return inventory;
}
/** pnpm-lock.yaml, lockfile versions 5.x, 6.x and 9.x. */
const pnpmLockParser = {
    id: 'pnpm-lock.yaml',
    ecosystem: 'npm',
    fileNames: ['pnpm-lock.yaml'],
    conformance: ['javascript/pnpmlock'],
    parse: parsePnpmLock,
};
//# sourceMappingURL=pnpm-lock.js.map

/***/ }),

/***/ 27318:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ applyRootScopes),
/* harmony export */   z: () => (/* binding */ declareRoot)
/* harmony export */ });
/**
 * Gives scopes to the packages of a lockfile that records them only at its roots (pnpm v9 importers, bun
 * workspaces, yarn's package.json manifests): a package reachable from some project's `dependencies` is runtime;
 * one reachable only through `devDependencies` is `dev`; only through optional dependencies, `optional` (both when
 * both). Packages that already carry scopes keep them. Needs the inventory's edges; without them nothing changes.
 * Linear in packages + edges.
 */
function applyRootScopes(inventory, declarations) {
    const edges = inventory.edges;
    if (!edges)
        return;
    const projects = new Set(inventory.projects.map((p) => p.id));
    const byId = new Map(inventory.packages.map((p) => [p.id, p]));
    const children = new Map();
    const starts = { prod: [], dev: [], optional: [] };
    for (const edge of edges) {
        if (projects.has(edge.from)) {
            const pkg = byId.get(edge.to);
            if (!pkg)
                continue;
            const declared = declarations.get(edge.from);
            const kind = declared?.get(pkg.name) ?? pkg.aliases?.map((a) => declared?.get(a)).find((k) => k !== undefined) ?? 'prod';
            starts[kind].push(edge.to);
        }
        else {
            let list = children.get(edge.from);
            if (!list)
                children.set(edge.from, (list = []));
            list.push(edge.to);
        }
    }
    const reach = (from) => {
        const seen = new Set(from);
        const stack = [...from];
        while (stack.length > 0) {
            for (const next of children.get(stack.pop()) ?? []) {
                if (!seen.has(next)) {
                    seen.add(next);
                    stack.push(next);
                }
            }
        }
        return seen;
    };
    const prod = reach(starts.prod);
    const dev = reach(starts.dev);
    const optional = reach(starts.optional);
    for (const pkg of inventory.packages) {
        if (pkg.scopes.length > 0 || prod.has(pkg.id))
            continue;
        const scopes = [];
        if (dev.has(pkg.id))
            scopes.push('dev');
        if (optional.has(pkg.id))
            scopes.push('optional');
        pkg.scopes = scopes;
    }
}
/** Adds one project's declared dependency maps (`package.json`-shaped) to `declarations`. */
function declareRoot(declarations, projectId, manifest) {
    let map = declarations.get(projectId);
    if (!map)
        declarations.set(projectId, (map = new Map()));
    const fields = [
        ['optionalDependencies', 'optional'],
        ['devDependencies', 'dev'],
        // Last, so a name in both `dependencies` and another map is runtime, as npm installs it.
        ['dependencies', 'prod'],
    ];
    for (const [field, kind] of fields) {
        const deps = Object.hasOwn(manifest, field) ? manifest[field] : undefined;
        if (typeof deps !== 'object' || deps === null || Array.isArray(deps))
            continue;
        for (const name of Object.keys(deps))
            map.set(name, kind);
    }
}
//# sourceMappingURL=root-scopes.js.map

/***/ })

};
