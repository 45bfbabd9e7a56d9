export const id = 635;
export const ids = [635];
export const modules = {

/***/ 31635:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bunLockParser: () => (/* binding */ bunLockParser),
  parseBunLock: () => (/* binding */ parseBunLock)
});

// EXTERNAL MODULE: ./packages/core/dist/errors.js
var errors = __webpack_require__(71403);
// EXTERNAL MODULE: ./packages/core/dist/parse/json.js + 1 modules
var json = __webpack_require__(76702);
// EXTERNAL MODULE: ./packages/core/dist/ecosystems/npm/json-key-locator.js
var json_key_locator = __webpack_require__(35089);
;// CONCATENATED MODULE: ./packages/core/dist/ecosystems/npm/jsonc.js


/**
 * Parses JSON with comments and trailing commas (bun.lock): comments and trailing commas are blanked to spaces
 * (newlines kept, so every line and column stays where it was) and the rest goes to `JSON.parse`, which is
 * native, iterative (no stack overflow on deep nesting), linear, and keeps `__proto__` as an own property.
 * jsonc-parser's scanner, used before, built every whitespace run by string concatenation, and its garbage made
 * a megabyte of spaces superlinear. The first syntax error is a ParseError with line and column.
 */
function parseJsonc(text, file) {
    if (text.length > json/* MAX_LOCKFILE_BYTES */.hP)
        throw new errors/* ParseError */.mB(file, `file is larger than ${json/* MAX_LOCKFILE_BYTES */.hP} bytes`);
    return (0,json/* parseJson */.qF)(blankCommentsAndTrailingCommas((0,json/* stripBom */.F8)(text)), file);
}
/** `//` and `/* *\/` comments and commas before `}`/`]` become spaces; strings are left alone. One pass. */
function blankCommentsAndTrailingCommas(text) {
    const parts = [];
    let copied = 0;
    // Offset of the last comma outside strings with only whitespace and comments after it so far, or -1.
    let comma = -1;
    const blank = (from, to) => {
        parts.push(text.slice(copied, from), text.slice(from, to).replace(/[^\n\r]/g, ' '));
        copied = to;
    };
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)
            continue;
        if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
            const newline = text.indexOf('\n', i);
            const end = newline < 0 ? text.length : newline;
            blank(i, end);
            i = end - 1;
            continue;
        }
        if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
            const close = text.indexOf('*/', i + 2);
            // An unclosed comment is left for JSON.parse to reject at its position.
            if (close < 0)
                break;
            blank(i, close + 2);
            i = close + 1;
            continue;
        }
        if ((c === 0x7d /* } */ || c === 0x5d) /* ] */ && comma >= 0)
            blank(comma, comma + 1);
        comma = c === 0x2c /* , */ ? i : -1;
        if (c === 0x22 /* " */) {
            for (i++; i < text.length; i++) {
                const s = text.charCodeAt(i);
                if (s === 0x5c /* \ */)
                    i++;
                else if (s === 0x22 || s === 0x0a)
                    break;
            }
        }
    }
    if (copied === 0)
        return text;
    parts.push(text.slice(copied));
    return parts.join('');
}
//# sourceMappingURL=jsonc.js.map
// EXTERNAL MODULE: ./packages/core/dist/ecosystems/npm/package-collector.js
var package_collector = __webpack_require__(18290);
// EXTERNAL MODULE: ./packages/core/dist/ecosystems/npm/root-scopes.js
var root_scopes = __webpack_require__(27318);
// EXTERNAL MODULE: ./packages/core/dist/ecosystems/npm/package-lock.js + 2 modules
var package_lock = __webpack_require__(75514);
// EXTERNAL MODULE: ./packages/core/dist/ecosystems/npm/resolved-source.js
var resolved_source = __webpack_require__(30534);
;// CONCATENATED MODULE: ./packages/core/dist/ecosystems/npm/bun-lock.js








const SUPPORTED_VERSIONS = [0, 1];
const WORKSPACE_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const PACKAGE_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];
function splitNameSpec(spec) {
    const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
    return at < 0 ? [spec, ''] : [spec.slice(0, at), spec.slice(at + 1)];
}
/**
 * Reads one `packages` tuple: `[name@version, registry, info, integrity]` for registry packages,
 * `[name@<git or tarball spec>, info, tag]` for git/tarball ones, `[name@file:…, info]` and
 * `[name@workspace:…]` for local ones.
 */
function readTuple(key, tuple, path, line) {
    const where = line === undefined ? {} : { line };
    if (!Array.isArray(tuple))
        throw new errors/* ParseError */.mB(path, `package "${key}" is not an array`, where);
    const spec = tuple[0];
    if (typeof spec !== 'string') {
        throw new errors/* ParseError */.mB(path, `could not extract '${key}': the first element of its tuple is not a "name@version" string`, where);
    }
    const [name, rest] = splitNameSpec(spec);
    const info = tuple.slice(1).find(json/* isRecord */.u4) ?? {};
    if (rest.startsWith('workspace:')) {
        const workspace = rest.slice(10);
        return { key, name, version: '', source: { kind: 'path', path: workspace }, integrity: [], info, workspace };
    }
    if (rest.startsWith('file:') || rest.startsWith('link:')) {
        return { key, name, version: '', source: { kind: 'path', path: rest.slice(5) }, integrity: [], info };
    }
    const registry = tuple[1];
    if (typeof registry === 'string') {
        // A registry package: the version is plain and tuple[1] names a non-default registry ("" for the default).
        const integrity = typeof tuple[3] === 'string' ? tuple[3] : [];
        const source = registry === '' ? { kind: 'registry' } : { kind: 'registry', url: registry };
        return { key, name, version: rest, source, integrity, info };
    }
    // git and tarball dependencies record the spec they resolved, not the package's own version.
    const source = (0,resolved_source/* sourceFromResolved */.Qz)(rest);
    return { key, name, version: source.kind === 'git' ? '' : rest, source, integrity: [], info };
}
/** The name a package is installed under: the last segment of its key, two when scoped (`a/@s/b`). */
function installNameOf(key) {
    const slash = key.lastIndexOf('/');
    if (slash < 0)
        return key;
    const before = key.lastIndexOf('/', slash - 1);
    const parent = key.slice(before + 1, slash);
    return parent.startsWith('@') ? key.slice(before + 1) : key.slice(slash + 1);
}
/** Ancestor folders searched when resolving a dependency (node_modules nesting depth). */
const MAX_ANCESTORS = 128;
/**
 * bun resolves like node: `a/b` is `b` nested under `a`. From `from` (a package key, or `""` for the top),
 * look for `<ancestor>/<name>` for each ancestor key, then the top-level `<name>`.
 */
function resolveKey(has, from, name) {
    let base = from;
    // Each ancestor costs a string of the key's length, so a key of 18,000 slashes made this quadratic; no real
    // install nests anywhere near MAX_ANCESTORS deep.
    for (let level = 0; base !== '' && level < MAX_ANCESTORS; level++) {
        const candidate = `${base}/${name}`;
        if (has(candidate))
            return candidate;
        const slash = base.lastIndexOf('/');
        base = slash < 0 ? '' : base.slice(0, slash);
    }
    return has(name) ? name : undefined;
}
/**
 * Parses bun's text lockfile `bun.lock` (JSONC, lockfileVersion 0 and 1). Workspaces become projects; each
 * `packages` entry is a package (repeats of one name/version/commit merged).
 */
function parseBunLock(text, path) {
    const data = parseJsonc(text, path);
    if (!(0,json/* isRecord */.u4)(data)) {
        throw new errors/* ParseError */.mB(path, 'expected a JSON object at the top level', { line: 1, column: 1 });
    }
    const collector = new package_collector/* PackageCollector */.UI(path, 'bun.lock');
    const version = data.lockfileVersion;
    const packages = (0,json/* isRecord */.u4)(data.packages) ? data.packages : {};
    if (version !== undefined && !(typeof version === 'number' && SUPPORTED_VERSIONS.includes(version))) {
        throw new errors/* ParseError */.mB(path, `unsupported lockfileVersion ${JSON.stringify(version)} (supported: ${SUPPORTED_VERSIONS.join(', ')})`, {}, {
            code: 'UNSUPPORTED_FORMAT',
        });
    }
    const workspaces = (0,json/* isRecord */.u4)(data.workspaces) ? data.workspaces : {};
    for (const workspacePath of Object.keys(workspaces)) {
        const workspace = workspaces[workspacePath];
        collector.addProject({
            id: (0,package_lock.npmProjectId)(workspacePath),
            ...((0,json/* isRecord */.u4)(workspace) && typeof workspace.name === 'string' ? { name: workspace.name } : {}),
            path: workspacePath,
        });
    }
    const locator = new json_key_locator/* JsonKeyLocator */.Q(text);
    locator.skipTo('packages');
    const has = (key) => Object.hasOwn(packages, key);
    const read = [];
    for (const key of Object.keys(packages)) {
        const line = locator.next(key, '[');
        const pkg = readTuple(key, packages[key], path, line);
        read.push(pkg);
        // Workspaces are projects and, as in package-lock.json and yarn.lock, packages with a path source.
        const installName = installNameOf(key);
        collector.add({
            nodeId: key,
            name: pkg.name,
            version: pkg.version,
            scopes: [],
            integrity: pkg.integrity,
            source: pkg.source,
            line,
            ...(installName !== pkg.name ? { aliases: [installName] } : {}),
        });
    }
    for (const pkg of read) {
        if (pkg.workspace !== undefined)
            continue;
        for (const name of (0,package_lock.declaredNames)(pkg.info, PACKAGE_FIELDS)) {
            const to = resolveKey(has, pkg.key, name);
            if (to !== undefined)
                collector.addEdge(pkg.key, to);
        }
    }
    const declarations = new Map();
    for (const workspacePath of Object.keys(workspaces)) {
        const workspace = workspaces[workspacePath];
        if (!(0,json/* isRecord */.u4)(workspace))
            continue;
        (0,root_scopes/* declareRoot */.z)(declarations, (0,package_lock.npmProjectId)(workspacePath), workspace);
        const prefix = workspacePath !== '' && typeof workspace.name === 'string' ? workspace.name : '';
        for (const name of (0,package_lock.declaredNames)(workspace, WORKSPACE_FIELDS)) {
            const to = resolveKey(has, prefix, name);
            if (to !== undefined)
                collector.addEdge((0,package_lock.npmProjectId)(workspacePath), to);
        }
    }
    const inventory = collector.build();
    // bun.lock has no per-package dev/optional flags; the workspaces' dependency maps say which roots are dev.
    (0,root_scopes/* applyRootScopes */.I)(inventory, declarations);
    return inventory;
}
/** bun's text lockfile, bun.lock. */
const bunLockParser = {
    id: 'bun.lock',
    ecosystem: 'npm',
    fileNames: ['bun.lock'],
    conformance: ['javascript/bunlock'],
    parse: parseBunLock,
};
//# sourceMappingURL=bun-lock.js.map

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
