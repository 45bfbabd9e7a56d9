export const id = 133;
export const ids = [133];
export const modules = {

/***/ 68723:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ decodeIntegrity),
/* harmony export */   c: () => (/* binding */ decodeYarnChecksum)
/* harmony export */ });
const SRI_ALGORITHMS = {
    sha1: 'sha1',
    sha256: 'sha256',
    sha384: 'sha384',
    sha512: 'sha512',
    md5: 'md5',
};
/** Scratch space for decoding: one buffer reused, instead of a Buffer per package (sha512 is 64 bytes). */
const scratch = Buffer.alloc(256);
function toHex(base64) {
    if (base64.length > 340)
        return Buffer.from(base64, 'base64').toString('hex');
    const length = scratch.write(base64, 'base64');
    return scratch.toString('hex', 0, length);
}
/**
 * Decodes a Subresource Integrity string (`sha512-<base64> sha1-<base64>`, as npm, yarn v1, pnpm and bun
 * write it) into hashes with lowercase hex values. Unknown algorithms and malformed parts are skipped:
 * an integrity we cannot read is no reason to reject the lockfile.
 */
function decodeIntegrity(sri) {
    if (typeof sri !== 'string' || sri === '')
        return [];
    const out = [];
    // Almost every entry holds a single hash, so the common case avoids a split.
    const parts = sri.includes(' ') || sri.includes('\t') || sri.includes('\n') ? sri.split(/\s+/) : [sri];
    for (const part of parts) {
        const dash = part.indexOf('-');
        if (dash <= 0)
            continue;
        const algorithm = SRI_ALGORITHMS[part.slice(0, dash).toLowerCase()];
        if (algorithm === undefined)
            continue;
        // SRI options (`?foo`) follow the digest; they carry no hash material.
        const question = part.indexOf('?', dash);
        const digest = part.slice(dash + 1, question < 0 ? undefined : question);
        const hex = toHex(digest);
        if (hex !== '')
            out.push({ algorithm, value: hex });
    }
    return out;
}
/**
 * Reads a yarn berry `checksum` (hex sha512, since cache format 10 prefixed with `<cacheKey>/`).
 */
function decodeYarnChecksum(checksum) {
    if (typeof checksum !== 'string' || checksum === '')
        return [];
    const slash = checksum.lastIndexOf('/');
    const hex = (slash < 0 ? checksum : checksum.slice(slash + 1)).toLowerCase();
    return /^[0-9a-f]{128}$/.test(hex) ? [{ algorithm: 'sha512', value: hex }] : [];
}
//# sourceMappingURL=integrity.js.map

/***/ }),

/***/ 35089:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ JsonKeyLocator)
/* harmony export */ });
/**
 * Finds the lines of object keys in JSON text, visiting them in document order with a cursor that only
 * moves forward, so locating every package of a lockfile costs one pass over the text (not one scan per
 * package). It relies on `JSON.parse` keeping keys in document order, which holds for every non-integer
 * key (lockfile keys are paths and package names, never array-index-like).
 */
class JsonKeyLocator {
    text;
    cursor = 0;
    line = 1;
    misses = 0;
    /** Offset of the first newline at or after the cursor (-1 when none): kept so newlines are counted once. */
    newline;
    separator;
    constructor(text) {
        this.text = text;
        // npm, bun and JSON.stringify(…, 2) write `"key": {`; a minified file writes `"key":{`. Decide once, so a
        // miss never costs two scans.
        const sample = text.slice(0, 65536);
        this.separator = sample.includes('": ') || !sample.includes('":') ? ': ' : ':';
        this.newline = text.indexOf('\n');
    }
    /** Moves the cursor past the first `"key":` at or after it, without reporting a line. */
    skipTo(key) {
        const at = this.text.indexOf(`${JSON.stringify(key)}:`, this.cursor);
        if (at >= 0)
            this.advance(at);
    }
    /**
     * The 1-based line of the next `"key": {` at or after the cursor, or `undefined`. `opener` is the first
     * character of the value: `{` for objects (which skips same-named keys with string values, such as those
     * of `requires` maps), `[` for arrays, `''` for any value. After a few misses in a row (a file formatted
     * in some other way) it stops looking, so a file where no key matches cannot make parsing quadratic.
     */
    next(key, opener = '{') {
        if (this.misses >= 8)
            return undefined;
        const at = this.text.indexOf(JSON.stringify(key) + this.separator + opener, this.cursor);
        if (at < 0) {
            this.misses++;
            return undefined;
        }
        this.misses = 0;
        this.advance(at);
        return this.line;
    }
    advance(at) {
        const text = this.text;
        let line = this.line;
        let i = this.newline;
        while (i >= 0 && i < at) {
            line++;
            i = text.indexOf('\n', i + 1);
        }
        this.line = line;
        this.newline = i;
        // Step past the opening quote so the same key is not found again.
        this.cursor = at + 1;
    }
}
//# sourceMappingURL=json-key-locator.js.map

/***/ }),

/***/ 18290:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ci: () => (/* binding */ NpmPurls),
/* harmony export */   UI: () => (/* binding */ PackageCollector)
/* harmony export */ });
/* unused harmony export mergeScopes */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71403);
/* harmony import */ var _model_purl_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56819);
/* harmony import */ var _integrity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(68723);
/* harmony import */ var _model_deferred_property_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5779);




/** True when every char is one packageurl-js leaves as is in an npm name part: `a-z 0-9 . _ -`. */
function isPlainNamePart(text, from, to) {
    if (from >= to)
        return false;
    for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95))
            return false;
    }
    return true;
}
/** True when every char is one packageurl-js leaves as is in a version: `A-Z a-z 0-9 . + -`. */
function isPlainVersion(text) {
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 43))
            return false;
    }
    return true;
}
/**
 * Builds `pkg:npm/...` purls. packageurl-js (through `buildPurl`) does the encoding and normalisation, but it
 * costs more than the rest of the parse at 50,000 packages. So purls are memoised per (name, version), and
 * names and versions made only of characters packageurl-js passes through unchanged (lowercase letters,
 * digits, `.`, `_`, `-`; versions also uppercase and `+`) are assembled directly; a test checks that this
 * gives byte-for-byte what `buildPurl` gives. Everything else goes through `buildPurl`.
 */
class NpmPurls {
    cache = new Map();
    purl(name, version) {
        const slash = name.startsWith('@') ? name.indexOf('/') : -1;
        if ((slash < 0 ? isPlainNamePart(name, 0, name.length) : isPlainNamePart(name, 1, slash) && isPlainNamePart(name, slash + 1, name.length)) &&
            isPlainVersion(version)) {
            const path = slash < 0 ? name : `%40${name.slice(1)}`;
            return version === '' ? `pkg:npm/${path}` : `pkg:npm/${path}@${version}`;
        }
        const key = `${name}@${version}`;
        let purl = this.cache.get(key);
        if (purl === undefined) {
            purl =
                slash > 0
                    ? (0,_model_purl_js__WEBPACK_IMPORTED_MODULE_1__/* .buildPurl */ .Eq)('npm', name.slice(0, slash), name.slice(slash + 1), version)
                    : (0,_model_purl_js__WEBPACK_IMPORTED_MODULE_1__/* .buildPurl */ .Eq)('npm', undefined, name, version);
            this.cache.set(key, purl);
        }
        return purl;
    }
}
/** The key a package is merged under within its name: the version, plus the commit for git sources. */
function versionKeyOf(pkg) {
    return pkg.source.kind === 'git' && pkg.source.commit !== undefined ? `${pkg.version}#${pkg.source.commit}` : pkg.version;
}
/**
 * Merges scope lists the way the conformance corpus (osv-scalibr) does: a package that is a production
 * dependency anywhere (no scope) is a production dependency; otherwise the union.
 */
function mergeScopes(a, b) {
    if (a.length === 0 || b.length === 0)
        return [];
    const merged = new Set([...a, ...b]);
    return [...merged].sort();
}
/**
 * Collects package occurrences into one inventory: the same (name, version, commit) reported at several
 * places in the tree is one package (scopes merged, first location kept), and edges between occurrences
 * become edges between the merged packages.
 */
class PackageCollector {
    lockfile;
    format;
    /** name → the merged package, or version (+ `#commit` for git) → merged package once a name has several. */
    byName = new Map();
    packages = [];
    nodeToPackage = new Map();
    /** from id → to ids, deduplicated as they arrive. */
    edgeTargets = new Map();
    lastFrom;
    lastFromProject = false;
    lastFromId;
    lastFromNode;
    lastTargets;
    edges = [];
    projects = [];
    projectIds = new Set();
    purls = new NpmPurls();
    constructor(lockfile, format) {
        this.lockfile = lockfile;
        this.format = format;
    }
    /**
     * Adds an occurrence; returns the merged package it belongs to. `byNodeId: false` skips indexing the
     * occurrence id for `addEdge`/`packageOf`, for callers that keep the returned package themselves.
     */
    add(occurrence, options) {
        const commit = occurrence.source.kind === 'git' ? occurrence.source.commit : undefined;
        const versionKey = commit === undefined ? occurrence.version : `${occurrence.version}#${commit}`;
        // Most names have one version: the map holds that package itself until a second version shows up.
        const slot = this.byName.get(occurrence.name);
        let pkg;
        if (slot instanceof Map)
            pkg = slot.get(versionKey);
        else if (slot !== undefined && versionKeyOf(slot) === versionKey)
            pkg = slot;
        if (pkg === undefined) {
            // Built field by field in a fixed order (integrity deferred or not), so the packages share a hidden class.
            const built = {
                id: occurrence.nodeId,
                ecosystem: 'npm',
                name: occurrence.name,
                version: occurrence.version,
                purl: this.purlOf(occurrence),
                direct: false,
                scopes: occurrence.scopes.length > 1 ? [...occurrence.scopes].sort() : occurrence.scopes,
            };
            const sri = occurrence.integrity;
            if (typeof sri !== 'string')
                built.integrity = sri;
            else if (sri === '')
                built.integrity = [];
            else
                (0,_model_deferred_property_js__WEBPACK_IMPORTED_MODULE_3__/* .deferProperty */ .s)(built, 'integrity', () => (0,_integrity_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeIntegrity */ .W)(sri));
            built.source = occurrence.source;
            built.location = locationOf(this.lockfile, occurrence.line);
            pkg = built;
            if (occurrence.hasInstallScript === true)
                pkg.hasInstallScript = true;
            if (occurrence.license !== undefined)
                pkg.license = occurrence.license;
            if (occurrence.aliases !== undefined && occurrence.aliases.length > 0)
                pkg.aliases = [...occurrence.aliases];
            if (slot === undefined) {
                this.byName.set(occurrence.name, pkg);
            }
            else if (slot instanceof Map) {
                slot.set(versionKey, pkg);
            }
            else {
                this.byName.set(occurrence.name, new Map([
                    [versionKeyOf(slot), slot],
                    [versionKey, pkg],
                ]));
            }
            this.packages.push(pkg);
        }
        else {
            pkg.scopes = mergeScopes(pkg.scopes, occurrence.scopes);
            if (pkg.integrity.length === 0 && occurrence.integrity.length > 0) {
                const incoming = typeof occurrence.integrity === 'string' ? (0,_integrity_js__WEBPACK_IMPORTED_MODULE_2__/* .decodeIntegrity */ .W)(occurrence.integrity) : occurrence.integrity;
                if (incoming.length > 0)
                    pkg.integrity = incoming;
            }
            if (occurrence.hasInstallScript === true)
                pkg.hasInstallScript = true;
            if (pkg.license === undefined && occurrence.license !== undefined)
                pkg.license = occurrence.license;
            if (occurrence.aliases !== undefined) {
                for (const alias of occurrence.aliases) {
                    pkg.aliases ??= [];
                    if (!pkg.aliases.includes(alias))
                        pkg.aliases.push(alias);
                }
            }
        }
        if (options?.byNodeId !== false)
            this.nodeToPackage.set(occurrence.nodeId, pkg);
        return pkg;
    }
    // packageurl-js rejects what no registry accepts (an empty name): that is malformed input, said with its line.
    purlOf(occurrence) {
        try {
            return this.purls.purl(occurrence.name, occurrence.version);
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(this.lockfile, `invalid package name ${JSON.stringify(occurrence.name)} at "${occurrence.nodeId}"`, lineOf(occurrence.line) === undefined ? {} : { line: lineOf(occurrence.line) }, { cause: err });
        }
    }
    /** Registers a root or workspace project; edges may start at its id. */
    addProject(project) {
        if (this.projectIds.has(project.id))
            return;
        this.projectIds.add(project.id);
        this.projects.push(project);
    }
    hasProject(id) {
        return this.projectIds.has(id);
    }
    /**
     * Records that node `from` (an occurrence or a project) depends on node `to`. Both must already be added;
     * unknown nodes are ignored (a dependency the lockfile does not resolve). An edge from a project makes its
     * target direct.
     */
    addEdge(from, to) {
        if (from !== this.lastFrom) {
            const fromProject = this.projectIds.has(from);
            this.startEdges(from, fromProject ? from : this.nodeToPackage.get(from)?.id, fromProject);
        }
        const toPackage = this.nodeToPackage.get(to);
        if (toPackage !== undefined)
            this.pushEdge(toPackage.id, toPackage);
        else if (this.projectIds.has(to))
            this.pushEdge(to, undefined);
    }
    /**
     * Like `addEdge` for callers that already hold the packages (`from` a package or a project id, `to` a
     * package): the package-lock.json parser's hot path, which saves two map lookups per edge.
     */
    addEdgeBetween(from, to) {
        if (from !== this.lastFromNode) {
            // Clears `lastFrom` too: a node id cache must not survive into addEdge calls.
            if (typeof from === 'string')
                this.startEdges(undefined, this.projectIds.has(from) ? from : undefined, true);
            else
                this.startEdges(undefined, from.id, false);
            this.lastFromNode = from;
        }
        this.pushEdge(to.id, to);
    }
    // Parsers add a node's edges one after another, so the source and its targets are looked up once per node.
    startEdges(node, fromId, fromProject) {
        this.lastFrom = node;
        this.lastFromNode = undefined;
        this.lastFromProject = fromProject;
        this.lastFromId = fromId;
        this.lastTargets = fromId === undefined ? undefined : this.edgeTargets.get(fromId);
    }
    pushEdge(toId, toPackage) {
        const fromId = this.lastFromId;
        if (fromId === undefined || toId === fromId)
            return;
        if (this.lastFromProject && toPackage !== undefined)
            toPackage.direct = true;
        // Most packages have a handful of dependencies: a short array is cheaper than a Set per package.
        const targets = this.lastTargets;
        if (targets === undefined) {
            this.lastTargets = [toId];
            this.edgeTargets.set(fromId, this.lastTargets);
        }
        else if (Array.isArray(targets)) {
            if (targets.includes(toId))
                return;
            if (targets.length < 16) {
                targets.push(toId);
            }
            else {
                this.lastTargets = new Set([...targets, toId]);
                this.edgeTargets.set(fromId, this.lastTargets);
            }
        }
        else {
            if (targets.has(toId))
                return;
            targets.add(toId);
        }
        this.edges.push({ from: fromId, to: toId });
    }
    /** Lets another node id (a pnpm snapshot with peer suffix, say) stand for an already added package. */
    alias(nodeId, pkg) {
        this.nodeToPackage.set(nodeId, pkg);
    }
    /** The merged package an occurrence id belongs to. */
    packageOf(nodeId) {
        return this.nodeToPackage.get(nodeId);
    }
    /** The finished inventory. Formats that record no dependency graph pass `edges: false`. */
    build(options = { edges: true }) {
        const inventory = {
            lockfile: this.lockfile,
            format: this.format,
            ecosystem: 'npm',
            packages: this.packages,
            projects: this.projects,
        };
        if (options.edges)
            inventory.edges = this.edges;
        return inventory;
    }
}
function lineOf(line) {
    return typeof line === 'function' ? line() : line;
}
/**
 * A package's location. A deferred line is looked up once, on first read (`deferProperty`): a 50,000-entry
 * lockfile pays for the few lines its findings show, not for every entry.
 */
function locationOf(file, line) {
    if (line === undefined)
        return { file };
    if (typeof line === 'number')
        return { file, line };
    const location = { file };
    (0,_model_deferred_property_js__WEBPACK_IMPORTED_MODULE_3__/* .deferProperty */ .s)(location, 'line', line);
    return location;
}
//# sourceMappingURL=package-collector.js.map

/***/ }),

/***/ 75514:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  declaredNames: () => (/* binding */ declaredNames),
  npmProjectId: () => (/* binding */ npmProjectId),
  packageLockParser: () => (/* binding */ packageLockParser),
  parsePackageLock: () => (/* binding */ parsePackageLock)
});

// EXTERNAL MODULE: ./packages/core/dist/errors.js
var errors = __webpack_require__(71403);
// EXTERNAL MODULE: ./packages/core/dist/parse/json.js + 1 modules
var json = __webpack_require__(76702);
// EXTERNAL MODULE: ./packages/core/dist/parse/line-index.js
var line_index = __webpack_require__(86787);
// EXTERNAL MODULE: ./packages/core/dist/ecosystems/npm/json-key-locator.js
var json_key_locator = __webpack_require__(35089);
;// CONCATENATED MODULE: ./packages/core/dist/ecosystems/npm/workspace-glob.js
/** Brace expansions one workspace pattern may produce; `{a,b}{c,d}...` otherwise grows exponentially. */
const MAX_EXPANSIONS = 64;
/**
 * Matches package-lock keys (`packages/app`) against the root's `workspaces` globs (`packages/*`, `apps/**`,
 * `tools/{a,b}`, `!packages/old`) without compiling them into regular expressions: the patterns are data from
 * the lockfile, and a glob library's regex backtracks exponentially on `*a*a*a…b` and overflows on a
 * 40,000-character pattern. Literal pieces between stars are matched leftmost-first, which is exact for `*`
 * and `**` globs and linear in the key's length per piece.
 */
class WorkspaceGlobs {
    include;
    exclude;
    constructor(patterns) {
        const compile = (list) => list.flatMap(expandBraces).map((p) => p.split('/').filter((s) => s !== '' && s !== '.'));
        this.include = compile(patterns.filter((p) => !p.startsWith('!')));
        this.exclude = compile(patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1)));
    }
    /** True when `key` (a folder relative to the root) is one of the workspaces. */
    matches(key) {
        const segments = key.split('/').filter((s) => s !== '' && s !== '.');
        const hit = (globs) => globs.some((glob) => matchSegments(glob, segments));
        return hit(this.include) && !hit(this.exclude);
    }
}
/** `{a,b}` groups (not nested) expanded, up to MAX_EXPANSIONS; beyond that the pattern is taken literally. */
function expandBraces(pattern) {
    let out = [''];
    let i = 0;
    while (i < pattern.length) {
        const open = pattern.indexOf('{', i);
        const close = open < 0 ? -1 : pattern.indexOf('}', open);
        if (open < 0 || close < 0) {
            out = out.map((o) => o + pattern.slice(i));
            break;
        }
        const alternatives = pattern.slice(open + 1, close).split(',');
        const prefix = pattern.slice(i, open);
        if (out.length * alternatives.length > MAX_EXPANSIONS)
            return [pattern];
        out = out.flatMap((o) => alternatives.map((a) => o + prefix + a));
        i = close + 1;
    }
    return out;
}
/** Glob segments against path segments; `**` matches any number of whole segments. */
function matchSegments(glob, path) {
    // Split at `**` into runs that must each match consecutive segments, in order (like literals between stars).
    const runs = [[]];
    for (const g of glob) {
        if (g === '**')
            runs.push([]);
        else
            runs[runs.length - 1].push(g);
    }
    const runAt = (run, at) => run.every((g, k) => matchSegment(g, path[at + k]));
    const first = runs[0];
    const last = runs[runs.length - 1];
    if (runs.length === 1)
        return first.length === path.length && runAt(first, 0);
    if (first.length + last.length > path.length || !runAt(first, 0) || !runAt(last, path.length - last.length))
        return false;
    let at = first.length;
    const end = path.length - last.length;
    for (const run of runs.slice(1, -1)) {
        while (at + run.length <= end && !runAt(run, at))
            at++;
        if (at + run.length > end)
            return false;
        at += run.length;
    }
    return true;
}
/** One segment against a glob of literals, `*` and `?`; `*` and `?` do not match a leading dot (as globs do not). */
function matchSegment(glob, segment) {
    if (segment.startsWith('.') && !glob.startsWith('.'))
        return false;
    const pieces = glob.split('*');
    const head = pieces[0];
    const tail = pieces[pieces.length - 1];
    if (pieces.length === 1)
        return segment.length === head.length && pieceAt(head, segment, 0);
    if (head.length + tail.length > segment.length || !pieceAt(head, segment, 0) || !pieceAt(tail, segment, segment.length - tail.length)) {
        return false;
    }
    let at = head.length;
    const end = segment.length - tail.length;
    for (const piece of pieces.slice(1, -1)) {
        while (at + piece.length <= end && !pieceAt(piece, segment, at))
            at++;
        if (at + piece.length > end)
            return false;
        at += piece.length;
    }
    return true;
}
function pieceAt(piece, text, at) {
    for (let k = 0; k < piece.length; k++) {
        const c = piece[k];
        if (c !== '?' && c !== text[at + k])
            return false;
    }
    return true;
}
//# sourceMappingURL=workspace-glob.js.map
;// CONCATENATED MODULE: ./packages/core/dist/ecosystems/npm/install-tree.js
/**
 * The folders of an npm install (`<dir>/node_modules/<name>` paths, as package-lock.json keys them) indexed
 * for node's module resolution. Each folder gets, once, the chain of node_modules listings a `require`
 * from it searches (its own, then each enclosing folder's); a hoisted package without nested packages
 * shares the root's chain. Resolving a dependency is then usually a single map lookup with the name string
 * the lockfile already holds, which matters at 50,000 packages.
 */
class InstallTree {
    /** folder → installed name → what is installed there (its path, or whatever the caller registers). */
    children = new Map();
    /** package path → the folder whose node_modules holds it. */
    parent = new Map();
    chains = new Map();
    rootChain;
    /**
     * Indexes one installed path with its value; paths outside any node_modules (projects, `file:` targets)
     * are skipped. Add every path before resolving.
     */
    add(path, value) {
        const at = path.lastIndexOf('node_modules/');
        if (at < 0 || (at > 0 && path.charCodeAt(at - 1) !== 47))
            return;
        this.addAt(path, at, path.slice(at + 13), value);
    }
    /** `add` for a caller that already located the last `node_modules/` (at `at`) and sliced the name after it. */
    addAt(path, at, name, value) {
        const folder = at === 0 ? '' : path.slice(0, at - 1);
        let names = this.children.get(folder);
        if (names === undefined) {
            names = new Map();
            this.children.set(folder, names);
        }
        names.set(name, value);
        // Only nested folders need their parent recorded: a hoisted package's parent is the root.
        if (folder !== '')
            this.parent.set(path, folder);
    }
    /**
     * The node_modules listings searched from folder `from` (a package path, a project folder, `""` for the
     * root), nearest first. Compute it once per folder and pass it to `resolveIn` for each dependency.
     */
    chain(from) {
        if (from === '') {
            this.rootChain ??= this.children.has('') ? [this.children.get('')] : [];
            return this.rootChain;
        }
        const own = this.children.get(from);
        const parent = this.parent.get(from);
        // A hoisted package (`node_modules/x`) searches its own node_modules, then the root's: no caching needed.
        if (parent === undefined && from.startsWith('node_modules/') && from.indexOf('/node_modules/') < 0) {
            const root = this.chain('');
            return own === undefined ? root : [own, ...root];
        }
        const known = this.chains.get(from);
        if (known !== undefined)
            return known;
        const up = this.chain(parent ?? enclosingFolder(from));
        const chain = own === undefined ? up : [own, ...up];
        this.chains.set(from, chain);
        return chain;
    }
    /** Where `name` resolves along a chain from `chain()`. */
    static resolveIn(chain, name) {
        for (let i = 0; i < chain.length; i++) {
            const hit = chain[i].get(name);
            if (hit !== undefined)
                return hit;
        }
        return undefined;
    }
    /** Where `name` resolves from folder `from`, as node's require does. */
    resolve(from, name) {
        return InstallTree.resolveIn(this.chain(from), name);
    }
}
function enclosingFolder(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
}
//# sourceMappingURL=install-tree.js.map
// EXTERNAL MODULE: ./packages/core/dist/ecosystems/npm/package-collector.js
var package_collector = __webpack_require__(18290);
// EXTERNAL MODULE: ./packages/core/dist/ecosystems/npm/resolved-source.js
var resolved_source = __webpack_require__(30534);
;// CONCATENATED MODULE: ./packages/core/dist/ecosystems/npm/package-lock.js








const SUPPORTED_VERSIONS = [1, 2, 3];
/** Dependency maps a project (root or workspace) declares; devDependencies count only for projects. */
const PROJECT_DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
/** The id of a project in the inventory; `path` is relative to the lockfile's folder, `""` for the root. */
function npmProjectId(path) {
    return `project:${path === '' ? '.' : path}`;
}
/** Names declared in the given dependency maps of a manifest-like object. */
function declaredNames(entry, fields) {
    const names = [];
    for (const field of fields) {
        const map = entry[field];
        if ((0,json/* isRecord */.u4)(map))
            for (const name of Object.keys(map))
                names.push(name);
    }
    return names;
}
/**
 * Parses npm's package-lock.json (lockfile v1, v2, v3) and npm-shrinkwrap.json into an inventory.
 *
 * v2/v3 read `packages` (keyed by install path); v1 reads the nested `dependencies` tree. The same
 * (name, version, commit) installed at several paths is one package. Edges follow node's module
 * resolution (nearest `node_modules` walking up); a package is direct when the root or a workspace
 * declares it.
 */
function parsePackageLock(text, path, context) {
    const data = (0,json/* parseJson */.qF)(text, path);
    if (!(0,json/* isRecord */.u4)(data)) {
        const got = data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data;
        throw new errors/* ParseError */.mB(path, `expected a JSON object at the top level, got ${got}`, { line: 1, column: 1 });
    }
    const version = lockfileVersionOf(data, text, path);
    if (version >= 2 && (0,json/* isRecord */.u4)(data.packages))
        return parsePackagesSection(data, data.packages, text, path);
    return parseDependencyTree(data, text, path, context);
}
function lockfileVersionOf(data, text, path) {
    const raw = data.lockfileVersion;
    // npm 5 wrote lockfileVersion 1 from the start; a file without one is read by its shape.
    if (raw === undefined)
        return (0,json/* isRecord */.u4)(data.packages) ? 3 : 1;
    if (typeof raw === 'number' && SUPPORTED_VERSIONS.includes(raw))
        return raw;
    const at = text.indexOf('"lockfileVersion"');
    const position = at < 0 ? {} : new line_index/* LineIndex */.r(text).position(at);
    throw new errors/* ParseError */.mB(path, `unsupported lockfileVersion ${JSON.stringify(raw)} (supported: ${SUPPORTED_VERSIONS.join(', ')})`, position, { code: 'UNSUPPORTED_FORMAT' });
}
/** The install name of a `packages` key: what follows the last `node_modules/`, else the folder name. */
function installNameOf(key) {
    const at = key.lastIndexOf('node_modules/');
    if (at >= 0)
        return key.slice(at + 13);
    const slash = key.lastIndexOf('/');
    if (slash < 0)
        return key;
    const before = key.lastIndexOf('/', slash - 1);
    const parent = key.slice(before + 1, slash);
    return parent.startsWith('@') ? key.slice(before + 1) : key.slice(slash + 1);
}
function workspacePatterns(root) {
    if (!(0,json/* isRecord */.u4)(root))
        return [];
    const ws = root.workspaces;
    const list = Array.isArray(ws) ? ws : (0,json/* isRecord */.u4)(ws) && Array.isArray(ws.packages) ? ws.packages : [];
    return list.filter((p) => typeof p === 'string').map((p) => p.replace(/^\.\//, '').replace(/\/$/, ''));
}
function scopesOf(entry) {
    const scopes = entry.dev === true && entry.optional === true
        ? ['dev', 'optional']
        : entry.dev === true
            ? ['dev']
            : entry.optional === true
                ? ['optional']
                : entry.devOptional === true
                    ? ['dev', 'optional']
                    : [];
    if (entry.peer === true)
        scopes.push('peer');
    if (entry.inBundle === true)
        scopes.push('bundled');
    return scopes;
}
/**
 * Reads an entry in one pass over its own keys. Entries come in many shapes, so asking each for a dozen
 * mostly absent fields is a dozen slow megamorphic misses; walking the few keys it has is not.
 */
function readEntry(entry) {
    const fields = {
        name: undefined,
        version: undefined,
        resolved: undefined,
        integrity: undefined,
        license: undefined,
        link: false,
        hasInstallScript: false,
        dev: false,
        optional: false,
        devOptional: false,
        peer: false,
        inBundle: false,
        dependencies: undefined,
        optionalDependencies: undefined,
        peerDependencies: undefined,
    };
    for (const key in entry) {
        const value = entry[key];
        switch (key) {
            case 'name':
            case 'version':
            case 'resolved':
            case 'integrity':
            case 'license':
                if (typeof value === 'string')
                    fields[key] = value;
                break;
            case 'link':
            case 'hasInstallScript':
            case 'dev':
            case 'optional':
            case 'devOptional':
            case 'peer':
            case 'inBundle':
                fields[key] = value === true;
                break;
            case 'dependencies':
            case 'optionalDependencies':
            case 'peerDependencies':
                fields[key] = value;
                break;
            default:
                break;
        }
    }
    return fields;
}
function fieldScopes(fields) {
    const scopes = fields.dev && fields.optional
        ? ['dev', 'optional']
        : fields.dev
            ? ['dev']
            : fields.optional
                ? ['optional']
                : fields.devOptional
                    ? ['dev', 'optional']
                    : [];
    if (fields.peer)
        scopes.push('peer');
    if (fields.inBundle)
        scopes.push('bundled');
    return scopes;
}
function stringField(entry, field) {
    const value = entry[field];
    return typeof value === 'string' ? value : undefined;
}
function parsePackagesSection(data, packages, text, path) {
    const collector = new package_collector/* PackageCollector */.UI(path, 'package-lock.json');
    const locator = new json_key_locator/* JsonKeyLocator */.Q(text);
    locator.skipTo('packages');
    const root = packages[''];
    const patterns = workspacePatterns(root);
    const workspaces = new WorkspaceGlobs(patterns);
    const keys = Object.keys(packages);
    /** What each install path holds: its package, or for a link entry (`node_modules/x` → `packages/x`) the target path. */
    const tree = new InstallTree();
    /** Packages by path for entries outside node_modules (link targets: workspaces, `file:` folders). */
    const localPackages = new Map();
    /** Per key (same order as `keys`): the package and its fields; undefined for the root, links and projects. */
    const nodes = new Array(keys.length);
    const projectPaths = [''];
    collector.addProject({ id: npmProjectId(''), ...nameOf(root ?? data), path: '' });
    for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const entry = packages[key];
        const line = locator.next(key);
        if (key === '')
            continue;
        if (!(0,json/* isRecord */.u4)(entry)) {
            throw new errors/* ParseError */.mB(path, `package entry "${key}" is not an object`, line === undefined ? {} : { line });
        }
        const fields = readEntry(entry);
        if (fields.link) {
            if (fields.resolved !== undefined)
                tree.add(key, fields.resolved);
            continue;
        }
        const at = key.lastIndexOf('node_modules/');
        const underNodeModules = at === 0 || (at > 0 && key.charCodeAt(at - 1) === 47);
        let isProject = false;
        if (!underNodeModules && patterns.length > 0 && workspaces.matches(key)) {
            collector.addProject({ id: npmProjectId(key), ...nameOf(entry), path: key });
            projectPaths.push(key);
            isProject = true;
        }
        const installName = underNodeModules ? key.slice(at + 13) : installNameOf(key);
        const name = fields.name ?? installName;
        const resolved = fields.resolved;
        const occurrence = {
            nodeId: key,
            name,
            version: fields.version ?? '',
            scopes: fieldScopes(fields),
            integrity: typeof fields.integrity === 'string' ? fields.integrity : [],
            source: underNodeModules || resolved !== undefined ? (0,resolved_source/* sourceFromResolved */.Qz)(resolved) : { kind: 'path', path: key },
            line,
        };
        if (fields.hasInstallScript)
            occurrence.hasInstallScript = true;
        // npm 7+ copies every installed package's `license` into the v2/v3 lockfile: none there means none declared.
        if (fields.license !== undefined)
            occurrence.license = fields.license;
        else if (underNodeModules && resolved !== undefined && occurrence.source.kind === 'registry')
            occurrence.license = null;
        if (name !== installName && underNodeModules)
            occurrence.aliases = [installName];
        const pkg = collector.add(occurrence, { byNodeId: false });
        if (underNodeModules)
            tree.addAt(key, at, installName, pkg);
        if (!underNodeModules)
            localPackages.set(key, pkg);
        // Projects' dependencies (dev ones included) start at the project, below.
        if (!isProject)
            nodes[i] = { pkg, fields };
    }
    const addEdges = (from, chain, map) => {
        if (!(0,json/* isRecord */.u4)(map))
            return;
        const names = Object.keys(map);
        for (let i = 0; i < names.length; i++) {
            const hit = InstallTree.resolveIn(chain, names[i]);
            const to = typeof hit === 'string' ? localPackages.get(hit) : hit;
            if (to !== undefined)
                collector.addEdgeBetween(from, to);
        }
    };
    for (let i = 0; i < keys.length; i++) {
        const node = nodes[i];
        if (node === undefined)
            continue;
        const { pkg, fields } = node;
        if (fields.dependencies === undefined && fields.optionalDependencies === undefined && fields.peerDependencies === undefined)
            continue;
        const chain = tree.chain(keys[i]);
        addEdges(pkg, chain, fields.dependencies);
        addEdges(pkg, chain, fields.optionalDependencies);
        addEdges(pkg, chain, fields.peerDependencies);
    }
    for (const projectPath of projectPaths) {
        const entry = packages[projectPath];
        if (!(0,json/* isRecord */.u4)(entry))
            continue;
        const chain = tree.chain(projectPath);
        for (const field of PROJECT_DEPENDENCY_FIELDS)
            addEdges(npmProjectId(projectPath), chain, entry[field]);
    }
    return collector.build();
}
function nameOf(entry) {
    return (0,json/* isRecord */.u4)(entry) && typeof entry.name === 'string' ? { name: entry.name } : {};
}
/** A v1 `version` field: a version, `npm:<real>@<version>` for aliases, `file:`, or a git URL with commit. */
function readV1Version(installName, raw) {
    if (raw.startsWith('npm:')) {
        const at = raw.lastIndexOf('@');
        if (at > 4)
            return { name: raw.slice(4, at), version: raw.slice(at + 1) };
    }
    if (raw.startsWith('file:'))
        return { name: installName, version: '', spec: raw };
    // A git dependency's v1 "version" is the resolved URL; the package's own version is not recorded.
    if ((0,resolved_source/* gitParts */.j2)(raw) !== undefined)
        return { name: installName, version: '', spec: raw };
    return { name: installName, version: raw };
}
/**
 * Lockfile v1: the nested `dependencies` tree. The file holds no copy of the root manifest, so direct
 * dependencies come from the sibling package.json when the context can read it; otherwise a top-level
 * entry counts as direct when no other entry `requires` it (a direct dependency that is also required by
 * another package is then reported as transitive).
 */
function parseDependencyTree(data, text, path, context) {
    const collector = new package_collector/* PackageCollector */.UI(path, 'package-lock.json');
    const locator = new json_key_locator/* JsonKeyLocator */.Q(text);
    const nodes = new Map();
    const tree = new InstallTree();
    collector.addProject({ id: npmProjectId(''), ...nameOf(data), path: '' });
    const walk = (dependencies, parent) => {
        for (const installName of Object.keys(dependencies)) {
            const entry = dependencies[installName];
            const line = locator.next(installName);
            if (!(0,json/* isRecord */.u4)(entry)) {
                throw new errors/* ParseError */.mB(path, `dependency "${installName}" is not an object`, line === undefined ? {} : { line });
            }
            const nodeId = parent === '' ? `node_modules/${installName}` : `${parent}/node_modules/${installName}`;
            nodes.set(nodeId, entry);
            tree.add(nodeId, nodeId);
            const raw = stringField(entry, 'version') ?? '';
            const read = readV1Version(installName, raw);
            const resolved = stringField(entry, 'resolved');
            collector.add({
                nodeId,
                name: read.name,
                version: read.version,
                scopes: scopesOf(entry),
                integrity: typeof entry.integrity === 'string' ? entry.integrity : [],
                source: (0,resolved_source/* sourceFromResolved */.Qz)(read.spec ?? resolved),
                line,
                ...(read.name !== installName ? { aliases: [installName] } : {}),
            });
            if ((0,json/* isRecord */.u4)(entry.dependencies))
                walk(entry.dependencies, nodeId);
        }
    };
    if ((0,json/* isRecord */.u4)(data.dependencies))
        walk(data.dependencies, '');
    const required = new Set();
    for (const [nodeId, entry] of nodes) {
        for (const name of declaredNames(entry, ['requires'])) {
            const to = tree.resolve(nodeId, name);
            if (to === undefined)
                continue;
            collector.addEdge(nodeId, to);
            required.add(to);
        }
    }
    const rootId = npmProjectId('');
    const manifest = readRootManifest(context);
    if (manifest) {
        for (const name of declaredNames(manifest, PROJECT_DEPENDENCY_FIELDS)) {
            const to = tree.resolve('', name);
            if (to !== undefined)
                collector.addEdge(rootId, to);
        }
    }
    else {
        for (const nodeId of nodes.keys()) {
            if (nodeId.indexOf('/node_modules/') < 0 && !required.has(nodeId))
                collector.addEdge(rootId, nodeId);
        }
    }
    return collector.build();
}
function readRootManifest(context) {
    const text = context?.readRelated?.('package.json');
    if (text === undefined)
        return undefined;
    try {
        const manifest = JSON.parse(text);
        return (0,json/* isRecord */.u4)(manifest) ? manifest : undefined;
    }
    catch {
        // A broken package.json next to the lockfile is not the lockfile's fault; fall back to the heuristic.
        return undefined;
    }
}
/** npm package-lock.json (v1, v2, v3) and npm-shrinkwrap.json. */
const packageLockParser = {
    id: 'package-lock.json',
    ecosystem: 'npm',
    fileNames: ['package-lock.json', 'npm-shrinkwrap.json'],
    conformance: ['javascript/packagelockjson'],
    parse: parsePackageLock,
};
//# sourceMappingURL=package-lock.js.map

/***/ }),

/***/ 30534:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qz: () => (/* binding */ sourceFromResolved),
/* harmony export */   j2: () => (/* binding */ gitParts)
/* harmony export */ });
/* unused harmony export gitCommitOf */
const HEX_COMMIT = /^[0-9a-f]{7,40}$/i;
const GIT_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org']);
const GIT_PREFIXES = ['git+', 'git://', 'git@', 'ssh://', 'github:', 'gitlab:', 'bitbucket:', 'gist:'];
const CODELOAD = /^https?:\/\/codeload\.github\.com\/([^/]+)\/([^/]+)\/tar\.gz\/([0-9a-f]{7,40})$/i;
function isGitSpec(spec) {
    for (const prefix of GIT_PREFIXES)
        if (spec.startsWith(prefix))
            return true;
    return false;
}
function hostOf(url) {
    try {
        return new URL(url).hostname.toLowerCase();
    }
    catch {
        return undefined;
    }
}
/**
 * Splits a git-ish resolution (`git+ssh://...#<sha>`, `github:o/r#<sha>`, yarn berry `...#commit=<sha>`,
 * codeload tarballs, GitLab archives with `?ref=<sha>`) into repository, commit and ref; `undefined` when
 * the string does not point at a git repository.
 */
function gitParts(spec) {
    const codeload = CODELOAD.exec(spec);
    if (codeload)
        return { url: `https://github.com/${codeload[1]}/${codeload[2]}.git`, commit: codeload[3] };
    const hash = spec.indexOf('#');
    const base = hash < 0 ? spec : spec.slice(0, hash);
    const fragment = hash < 0 ? '' : spec.slice(hash + 1);
    let gitLike = isGitSpec(spec) || base.endsWith('.git');
    let archiveRef;
    if (!gitLike && (spec.startsWith('https://') || spec.startsWith('http://'))) {
        const host = hostOf(base);
        if (host !== undefined && GIT_HOSTS.has(host)) {
            gitLike = true;
            // GitLab/GitHub archive downloads carry the commit as ?ref=.
            const ref = /[?&]ref=([^&#]+)/.exec(base)?.[1];
            if (ref !== undefined)
                archiveRef = ref;
        }
    }
    // yarn berry: `#commit=<sha>` / `#commit:<sha>`, possibly among `&`-joined parameters.
    const berry = /(?:^|[&#])commit[=:]([0-9a-f]{7,40})/i.exec(fragment);
    if (berry?.[1] !== undefined)
        return { url: base, commit: berry[1] };
    if (!gitLike)
        return undefined;
    const url = archiveRef !== undefined ? base.slice(0, base.indexOf('?')) : base;
    const pin = fragment !== '' ? fragment : archiveRef;
    if (pin === undefined || pin === '')
        return { url };
    return HEX_COMMIT.test(pin) ? { url, commit: pin } : { url, ref: pin };
}
/** The commit a resolution pins, if any. */
function gitCommitOf(spec) {
    return gitParts(spec)?.commit;
}
/**
 * Classifies where a package comes from given its resolved URL or spec: a registry tarball (`/-/` in the
 * path), a git repository (with commit when pinned), another tarball URL, or a local path.
 */
function sourceFromResolved(resolved) {
    if (resolved === undefined || resolved === '')
        return { kind: 'registry' };
    // The common case, a registry tarball (`https://host/name/-/name-1.0.0.tgz`), without URL parsing.
    if (resolved.startsWith('https://') &&
        resolved.includes('/-/') &&
        !resolved.includes('#') &&
        !resolved.includes('?') &&
        !resolved.includes('/-/archive/')) {
        return { kind: 'registry', url: resolved };
    }
    if (resolved.startsWith('https://') || resolved.startsWith('http://')) {
        const git = gitParts(resolved);
        if (git)
            return gitSource(git);
        return resolved.includes('/-/') ? { kind: 'registry', url: resolved } : { kind: 'tarball', url: resolved };
    }
    const git = gitParts(resolved);
    if (git)
        return gitSource(git);
    if (resolved.startsWith('file:'))
        return { kind: 'path', path: resolved.slice(5) };
    if (resolved.startsWith('link:'))
        return { kind: 'path', path: resolved.slice(5) };
    if (resolved.startsWith('portal:'))
        return { kind: 'path', path: resolved.slice(7) };
    return { kind: 'path', path: resolved };
}
function gitSource(parts) {
    const source = { kind: 'git', url: parts.url };
    if (parts.commit !== undefined)
        source.commit = parts.commit;
    if (parts.ref !== undefined)
        source.ref = parts.ref;
    return source;
}
//# sourceMappingURL=resolved-source.js.map

/***/ })

};
