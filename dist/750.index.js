export const id = 750;
export const ids = [750];
export const modules = {

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

/***/ }),

/***/ 59750:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseYarnLock: () => (/* binding */ parseYarnLock),
/* harmony export */   yarnLockParser: () => (/* binding */ yarnLockParser)
/* harmony export */ });
/* harmony import */ var _yarnpkg_parsers__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67823);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71403);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76702);
/* harmony import */ var _parse_yaml_subset_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50658);
/* harmony import */ var _integrity_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(68723);
/* harmony import */ var _package_collector_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(18290);
/* harmony import */ var _root_scopes_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(27318);
/* harmony import */ var _package_lock_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(75514);
/* harmony import */ var _resolved_source_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(30534);









const ROOT_MANIFEST_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const ENTRY_DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies'];
/** `name@range` → [name, range]; the name may be scoped. */
function splitDescriptor(descriptor) {
    const at = descriptor.indexOf('@', descriptor.startsWith('@') ? 1 : 0);
    return at < 0 ? [descriptor, ''] : [descriptor.slice(0, at), descriptor.slice(at + 1)];
}
function unquote(part) {
    const trimmed = part.trim();
    if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
        return tryUnquote(trimmed) ?? trimmed.slice(1, -1);
    }
    return trimmed;
}
/** The descriptors of a header: berry quotes the whole list (`"a@npm:1, a@npm:^1"`), v1 each one. */
function splitHeader(header) {
    const whole = header.length >= 2 && header.startsWith('"') && header.endsWith('"') ? tryUnquote(header) : undefined;
    return (whole ?? header).split(',').map((part) => (whole === undefined ? unquote(part) : part.trim()));
}
function tryUnquote(quoted) {
    try {
        const value = JSON.parse(quoted);
        return typeof value === 'string' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Maps each descriptor to the 1-based line of its entry header, in one pass over the text: headers are the
 * lines that start at column 0 and end with `:` (yarn never indents them; comments start with `#`).
 */
function headerLines(text) {
    const lines = new Map();
    let start = 0;
    let line = 1;
    while (start <= text.length) {
        let end = text.indexOf('\n', start);
        if (end < 0)
            end = text.length;
        const first = text.charCodeAt(start);
        // Skip blank lines, indented properties (space, tab) and comments (#).
        if (end > start && first !== 32 && first !== 9 && first !== 35 && first !== 13) {
            let content = text.slice(start, end);
            if (content.endsWith('\r'))
                content = content.slice(0, -1);
            if (content.endsWith(':')) {
                for (const descriptor of splitHeader(content.slice(0, -1))) {
                    if (descriptor !== '' && !lines.has(descriptor))
                        lines.set(descriptor, line);
                }
            }
        }
        start = end + 1;
        line++;
    }
    return lines;
}
function parseError(path, err) {
    const e = err;
    const reason = (e.message ?? String(err)).split('\n')[0] ?? 'invalid yarn.lock';
    const fromPeg = e.location?.start;
    if (fromPeg?.line !== undefined) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `invalid yarn.lock: ${reason}`, { line: fromPeg.line, column: fromPeg.column }, { cause: err });
    }
    // js-yaml (berry lockfiles) counts lines and columns from 0.
    if (e.mark?.line !== undefined) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `invalid yarn.lock: ${reason.replace(/ \(\d+:\d+\)$/, '')}`, { line: e.mark.line + 1, column: (e.mark.column ?? 0) + 1 }, { cause: err });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `invalid yarn.lock: ${reason}`, {}, { cause: err });
}
/** What `parseSyml` takes for a yarn v1 lockfile (its own PEG grammar); anything else it loads as YAML. */
const V1_HEADER = /^(#.*(\r?\n))*?#\s+yarn\s+lockfile\s+v1\r?\n/i;
/**
 * A berry lockfile read by the YAML subset reader, typed as `parseSyml` types it (js-yaml's FAILSAFE schema: every
 * scalar a string); `undefined` for v1 files and for anything outside the subset, which `parseSyml` then reads
 * (and reports errors of, with their positions). On a 5,000-package berry lockfile, in a fresh process: 100 ms
 * against 139 ms for `parseSyml`.
 */
function berrySubset(source) {
    if (V1_HEADER.test(source))
        return undefined;
    return (0,_parse_yaml_subset_js__WEBPACK_IMPORTED_MODULE_3__/* .readYamlSubset */ .A)(source, { schema: 'failsafe' })?.value;
}
/** Groups parseSyml's result into entries: v1 repeats one object under each descriptor, berry joins them. */
function entriesOf(parsed) {
    const byObject = new Map();
    for (const key of Object.keys(parsed)) {
        if (key === '__metadata')
            continue;
        const fields = parsed[key];
        if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(fields))
            continue;
        const descriptors = key.split(',').map(unquote).filter((d) => d !== '');
        const existing = byObject.get(fields);
        if (existing)
            existing.descriptors.push(...descriptors);
        else
            byObject.set(fields, { descriptors, fields });
    }
    return [...byObject.values()];
}
function str(fields, key) {
    const value = Object.hasOwn(fields, key) ? fields[key] : undefined;
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
/** Where a berry package comes from, read from the range of its resolution (`npm:1.0.0`, `workspace:.`, …). */
function berrySource(range) {
    if (range.startsWith('npm:'))
        return { kind: 'registry' };
    if (range.startsWith('patch:')) {
        // `patch:lodash@npm%3A4.17.21#./patches/x.patch::…`: the patched package's own source decides.
        const inner = decodeURIComponent(range.slice(6).split('#')[0] ?? '');
        return berrySource(splitDescriptor(inner)[1]);
    }
    for (const protocol of ['workspace:', 'file:', 'link:', 'portal:']) {
        if (range.startsWith(protocol))
            return { kind: 'path', path: range.slice(protocol.length).split('#')[0]?.split('::')[0] ?? '' };
    }
    return (0,_resolved_source_js__WEBPACK_IMPORTED_MODULE_7__/* .sourceFromResolved */ .Qz)(range);
}
/** An SRI text whose first hash decodes to at least one byte: it can be decoded when read, to the same hashes. */
const DECODABLE_SRI = /^(?:sha1|sha256|sha384|sha512|md5)-[A-Za-z0-9+/]{2}/i;
/**
 * yarn v1 registry tarball URLs end in `#<sha1>`: the only hash such an entry carries without `integrity`. A
 * decodable `integrity` is passed on undecoded (the package decodes it the first time its hashes are read).
 */
function v1Hashes(fields, resolved) {
    const sri = str(fields, 'integrity');
    if (sri !== undefined && DECODABLE_SRI.test(sri))
        return sri;
    const fromIntegrity = (0,_integrity_js__WEBPACK_IMPORTED_MODULE_4__/* .decodeIntegrity */ .W)(sri);
    if (fromIntegrity.length > 0 || resolved === undefined)
        return fromIntegrity;
    const hash = resolved.lastIndexOf('#');
    const sha1 = hash < 0 ? '' : resolved.slice(hash + 1);
    return /^[0-9a-f]{40}$/.test(sha1) && resolved.includes('/-/') ? [{ algorithm: 'sha1', value: sha1 }] : [];
}
/**
 * Parses yarn.lock: classic (v1) and berry (v2+), both through `@yarnpkg/parsers`. Each entry is one package
 * (berry's root workspace `@workspace:.` is the root project, not a package; other workspaces are both).
 * Edges resolve each dependency's descriptor to the entry that lists it. Direct dependencies come from the
 * root workspace (berry) or, for v1, from the sibling package.json when readable, else from entries no
 * other entry depends on.
 */
function parseYarnLock(text, path, context) {
    if (text.length > _parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_LOCKFILE_BYTES */ .hP)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `file is larger than ${_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_LOCKFILE_BYTES */ .hP} bytes`);
    const source = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .stripBom */ .F8)(text);
    let parsed = berrySubset(source);
    if (parsed === undefined) {
        try {
            parsed = (0,_yarnpkg_parsers__WEBPACK_IMPORTED_MODULE_0__/* .parseSyml */ ["do"])(source);
        }
        catch (err) {
            throw parseError(path, err);
        }
    }
    if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(parsed))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, 'expected a mapping of lockfile entries', { line: 1, column: 1 });
    const berry = Object.hasOwn(parsed, '__metadata');
    const lines = headerLines(source);
    const collector = new _package_collector_js__WEBPACK_IMPORTED_MODULE_5__/* .PackageCollector */ .UI(path, 'yarn.lock');
    const byDescriptor = new Map();
    const taken = new Set();
    const nodes = [];
    collector.addProject({ id: (0,_package_lock_js__WEBPACK_IMPORTED_MODULE_6__.npmProjectId)(''), path: '' });
    for (const entry of entriesOf(parsed)) {
        const first = entry.descriptors[0] ?? '';
        const [descriptorName, range] = splitDescriptor(first);
        const resolution = str(entry.fields, 'resolution');
        const version = str(entry.fields, 'version') ?? '';
        let name = descriptorName;
        let pkgSource;
        let integrity;
        let id;
        let project;
        if (berry) {
            const [resolvedName, resolvedRange] = splitDescriptor(resolution ?? first);
            name = resolvedName;
            id = resolution ?? first;
            pkgSource = berrySource(resolvedRange);
            integrity = (0,_integrity_js__WEBPACK_IMPORTED_MODULE_4__/* .decodeYarnChecksum */ .c)(str(entry.fields, 'checksum'));
            if (resolvedRange.startsWith('workspace:')) {
                const workspace = resolvedRange.slice(10);
                project = workspace === '.' ? '' : workspace;
            }
        }
        else {
            if (range.startsWith('npm:')) {
                const alias = splitDescriptor(range.slice(4));
                if (alias[1] !== '')
                    name = alias[0];
            }
            const resolved = str(entry.fields, 'resolved');
            id = `${name}@${version}`;
            // Two entries can share a name and version (two git commits); ids must stay unique per entry.
            for (let n = 2; taken.has(id); n++)
                id = `${name}@${version}#${n}`;
            pkgSource = resolved !== undefined ? (0,_resolved_source_js__WEBPACK_IMPORTED_MODULE_7__/* .sourceFromResolved */ .Qz)(resolved) : (0,_resolved_source_js__WEBPACK_IMPORTED_MODULE_7__/* .sourceFromResolved */ .Qz)(range);
            integrity = v1Hashes(entry.fields, resolved);
        }
        taken.add(id);
        for (const descriptor of entry.descriptors)
            byDescriptor.set(descriptor, id);
        if (project !== undefined) {
            collector.addProject({ id: (0,_package_lock_js__WEBPACK_IMPORTED_MODULE_6__.npmProjectId)(project), name, path: project });
            nodes.push({ id, entry, project });
            // The root workspace is the project itself; the corpus (and yarn) list other workspaces as packages too.
            if (project === '')
                continue;
        }
        else {
            nodes.push({ id, entry });
        }
        const aliases = entry.descriptors.map((d) => splitDescriptor(d)[0]).filter((n) => n !== name);
        collector.add({
            nodeId: id,
            name,
            version,
            scopes: [],
            integrity,
            source: pkgSource,
            line: lines.get(first),
            ...(aliases.length > 0 ? { aliases: [...new Set(aliases)] } : {}),
        });
    }
    const resolve = (depName, range) => byDescriptor.get(`${depName}@${range}`) ?? (berry ? byDescriptor.get(`${depName}@npm:${range}`) : undefined);
    const required = new Set();
    for (const node of nodes) {
        const from = node.project !== undefined ? (0,_package_lock_js__WEBPACK_IMPORTED_MODULE_6__.npmProjectId)(node.project) : node.id;
        for (const field of ENTRY_DEPENDENCY_FIELDS) {
            const map = Object.hasOwn(node.entry.fields, field) ? node.entry.fields[field] : undefined;
            if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(map))
                continue;
            for (const depName of Object.keys(map)) {
                const range = map[depName];
                if (typeof range !== 'string')
                    continue;
                const to = resolve(depName, range);
                if (to === undefined)
                    continue;
                collector.addEdge(from, to);
                required.add(to);
            }
        }
    }
    if (!berry)
        addV1DirectEdges(collector, nodes, required, resolve, context);
    const inventory = collector.build();
    (0,_root_scopes_js__WEBPACK_IMPORTED_MODULE_8__/* .applyRootScopes */ .I)(inventory, manifestDeclarations(nodes, berry, context));
    return inventory;
}
/**
 * yarn.lock records no dev flags (berry even merges a workspace's devDependencies into its `dependencies`), so the
 * projects' package.json files say which roots are dev: every workspace's for berry, the root's for classic
 * (which records no workspaces). Without a readable manifest every root counts as runtime.
 */
function manifestDeclarations(nodes, berry, context) {
    const declarations = new Map();
    const projects = berry ? nodes.flatMap((n) => (n.project !== undefined ? [n.project] : [])) : [''];
    for (const project of new Set(projects)) {
        const text = context?.readRelated?.(project === '' ? 'package.json' : `${project}/package.json`);
        let manifest;
        try {
            manifest = text === undefined ? undefined : JSON.parse(text);
        }
        catch {
            // An unreadable manifest costs only the scopes; the lockfile's own errors are reported elsewhere.
            manifest = undefined;
        }
        if ((0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(manifest))
            (0,_root_scopes_js__WEBPACK_IMPORTED_MODULE_8__/* .declareRoot */ .z)(declarations, (0,_package_lock_js__WEBPACK_IMPORTED_MODULE_6__.npmProjectId)(project), manifest);
    }
    return declarations;
}
function addV1DirectEdges(collector, nodes, required, resolve, context) {
    const root = (0,_package_lock_js__WEBPACK_IMPORTED_MODULE_6__.npmProjectId)('');
    const manifestText = context?.readRelated?.('package.json');
    let manifest;
    try {
        manifest = manifestText === undefined ? undefined : JSON.parse(manifestText);
    }
    catch {
        manifest = undefined;
    }
    if ((0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(manifest)) {
        for (const field of ROOT_MANIFEST_FIELDS) {
            const map = manifest[field];
            if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(map))
                continue;
            for (const depName of Object.keys(map)) {
                const range = map[depName];
                const to = typeof range === 'string' ? resolve(depName, range) : undefined;
                if (to !== undefined)
                    collector.addEdge(root, to);
            }
        }
        return;
    }
    for (const node of nodes)
        if (!required.has(node.id))
            collector.addEdge(root, node.id);
}
/** yarn.lock, classic (v1) and berry (v2+). */
const yarnLockParser = {
    id: 'yarn.lock',
    ecosystem: 'npm',
    fileNames: ['yarn.lock'],
    conformance: ['javascript/yarnlock'],
    parse: parseYarnLock,
};
//# sourceMappingURL=yarn-lock.js.map

/***/ })

};
