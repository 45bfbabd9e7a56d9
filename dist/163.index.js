export const id = 163;
export const ids = [163];
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

/***/ 11163:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   packageJsonParser: () => (/* binding */ packageJsonParser),
/* harmony export */   parsePackageJson: () => (/* binding */ parsePackageJson)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71403);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76702);
/* harmony import */ var _json_key_locator_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(35089);
/* harmony import */ var _package_collector_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18290);
/* harmony import */ var _model_purl_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56819);





const SECTIONS = [
    ['dependencies', []],
    ['devDependencies', ['dev']],
    ['optionalDependencies', ['optional']],
    ['peerDependencies', ['peer']],
];
/**
 * The package a dependency entry installs: `"alias": "npm:real@^1"` installs `real`; anything else the
 * declared name.
 */
function realName(declared, specifier) {
    if (!specifier.startsWith('npm:'))
        return declared;
    const spec = specifier.slice(4);
    const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
    return at < 0 ? spec : spec.slice(0, at);
}
/**
 * Reads the dependencies a package.json declares (dependencies, devDependencies, optionalDependencies,
 * peerDependencies) with the specifier as written, scopes and line numbers. An `npm:` alias is reported
 * under the real package name.
 */
function parsePackageJson(text, path) {
    const manifest = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(text, path);
    if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(manifest))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, 'expected a JSON object at the top level', { line: 1, column: 1 });
    const purls = new _package_collector_js__WEBPACK_IMPORTED_MODULE_2__/* .NpmPurls */ .Ci();
    const out = [];
    for (const [section, scopes] of SECTIONS) {
        const map = manifest[section];
        if (map === undefined)
            continue;
        const locator = new _json_key_locator_js__WEBPACK_IMPORTED_MODULE_4__/* .JsonKeyLocator */ .Q(text);
        locator.skipTo(section);
        if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(map)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, `"${section}" must be an object of name: specifier`, {});
        }
        for (const declared of Object.keys(map)) {
            const specifier = map[declared];
            const line = locator.next(declared, '');
            if (typeof specifier !== 'string') {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, `${section}["${declared}"] must be a string specifier`, line === undefined ? {} : { line });
            }
            const name = realName(declared, specifier);
            out.push({
                ecosystem: 'npm',
                name,
                specifier,
                purl: (0,_model_purl_js__WEBPACK_IMPORTED_MODULE_3__/* .atEntry */ .Mv)(path, line, () => purls.purl(name, '')),
                scopes: [...scopes],
                location: line === undefined ? { file: path } : { file: path, line },
            });
        }
    }
    return out;
}
/** package.json, the npm manifest. */
const packageJsonParser = {
    id: 'package.json',
    ecosystem: 'npm',
    fileNames: ['package.json'],
    parse: parsePackageJson,
};
//# sourceMappingURL=package-json.js.map

/***/ })

};
