export const id = 832;
export const ids = [832];
export const modules = {

/***/ 16832:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   composerLockParser: () => (/* binding */ composerLockParser)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71403);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76702);
/* harmony import */ var _json_locations_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(53163);
/* harmony import */ var _platform_packages_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(61517);
/* harmony import */ var _purl_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27369);
/* harmony import */ var _model_purl_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(56819);







const GROUPS = [
    ['packages', []],
    ['packages-dev', ['dev']],
];
/**
 * composer.lock: `packages` and `packages-dev` (scope `dev`). A VCS reference that is a commit hash is reported
 * as a git source with that commit (Composer pins every package to one, whether it installs the dist archive
 * or a clone); `dist.shasum` gives a sha1. Edges come from each package's `require`. Direct packages are the
 * sibling composer.json's `require`/`require-dev` when it can be read, else the packages nothing else requires.
 * `composer-plugin` packages run code when installed, so they count as having install scripts.
 */
const composerLockParser = {
    id: 'composer.lock',
    ecosystem: 'Packagist',
    fileNames: ['composer.lock'],
    conformance: ['php/composerlock'],
    parse(text, path, context) {
        const doc = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(text, path);
        if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(doc))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, 'not a composer.lock: the top level must be an object', { line: 1, column: 1 });
        const where = new _json_locations_js__WEBPACK_IMPORTED_MODULE_5__/* .JsonLocator */ .d(text);
        const namePairs = where.stringPairs('name');
        const locked = [];
        for (const [key, scopes] of GROUPS) {
            const list = doc[key];
            if (list === undefined || list === null)
                continue;
            const keyAt = where.keyOffset(key);
            if (!Array.isArray(list))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `"${key}" must be an array`, { line: where.line(keyAt) });
            // Entries are found in document order among the "name" pairs after the group's key; a pointer that only
            // moves forward skips other "name"s (authors) and keeps this linear. After a miss, the key line is used.
            const pairs = namePairs.filter((p) => p.offset > keyAt);
            let next = 0;
            list.forEach((entry, i) => {
                const name = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(entry) ? entry['name'] : undefined;
                let found = -1;
                if (typeof name === 'string') {
                    let j = next;
                    while (j < pairs.length && pairs[j]?.value !== name)
                        j++;
                    if (j < pairs.length) {
                        found = pairs[j].offset;
                        next = j + 1;
                    }
                    else {
                        next = pairs.length;
                    }
                }
                const line = where.line(found >= 0 ? found : keyAt);
                const fail = (reason) => {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `${key}[${i}]: ${reason}`, { line });
                };
                if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(entry))
                    return fail('not an object');
                if (typeof name !== 'string' || !/^[^\s/]+\/[^\s/]+$/.test(name))
                    return fail('missing or invalid "name" (expected vendor/package)');
                const version = entry['version'];
                if (typeof version !== 'string' || version.trim() === '')
                    return fail('missing or invalid "version"');
                const requires = entry['require'] ?? {};
                if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(requires))
                    return fail('"require" must be an object');
                locked.push({
                    pkg: {
                        id: `${name.toLowerCase()}@${version}`,
                        ecosystem: 'Packagist',
                        name: name.toLowerCase(),
                        version,
                        purl: (0,_model_purl_js__WEBPACK_IMPORTED_MODULE_4__/* .atEntry */ .Mv)(path, line, () => (0,_purl_js__WEBPACK_IMPORTED_MODULE_3__/* .composerPurl */ .i)(name.toLowerCase(), version)),
                        direct: false,
                        scopes: [...scopes],
                        integrity: shasum(entry['dist']),
                        source: sourceOf(entry['source'], entry['dist']),
                        location: { file: path, line },
                        ...license(entry['license']),
                        ...(entry['type'] === 'composer-plugin' ? { hasInstallScript: true } : {}),
                    },
                    requires: Object.keys(requires)
                        .filter((n) => !(0,_platform_packages_js__WEBPACK_IMPORTED_MODULE_6__/* .isPlatformPackage */ .U)(n))
                        .map((n) => n.toLowerCase()),
                });
            });
        }
        const seen = new Map();
        for (const l of locked) {
            const n = seen.get(l.pkg.id) ?? 0;
            seen.set(l.pkg.id, n + 1);
            if (n > 0)
                l.pkg.id = `${l.pkg.id}#${n + 1}`;
        }
        const byName = new Map();
        for (const l of locked) {
            const list = byName.get(l.pkg.name);
            if (list)
                list.push(l);
            else
                byName.set(l.pkg.name, [l]);
        }
        const edges = [];
        for (const l of locked)
            for (const dep of l.requires)
                for (const to of byName.get(dep) ?? [])
                    edges.push({ from: l.pkg.id, to: to.pkg.id });
        const declared = declaredNames(path, context);
        const required = new Set(locked.flatMap((l) => l.requires));
        for (const l of locked) {
            l.pkg.direct = declared ? declared.has(l.pkg.name) : !required.has(l.pkg.name);
            if (l.pkg.direct)
                edges.push({ from: '.', to: l.pkg.id });
        }
        return {
            lockfile: path,
            format: 'composer.lock',
            ecosystem: 'Packagist',
            packages: locked.map((l) => l.pkg),
            edges,
            projects: [{ id: '.', path: '' }],
        };
    },
};
const COMMIT = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/i;
function sourceOf(source, dist) {
    const src = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(source) ? source : {};
    const dst = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(dist) ? dist : {};
    const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
    const reference = str(src['reference']) ?? str(dst['reference']);
    const url = str(src['url']) ?? str(dst['url']);
    if (dst['type'] === 'path' || src['type'] === 'path')
        return { kind: 'path', path: url ?? '' };
    if (reference && COMMIT.test(reference))
        return { kind: 'git', url: url ?? '', commit: reference.toLowerCase() };
    if (src['type'] === 'git' && url)
        return reference ? { kind: 'git', url, ref: reference } : { kind: 'git', url };
    const distUrl = str(dst['url']);
    if (distUrl)
        return { kind: 'tarball', url: distUrl };
    return { kind: 'registry' };
}
function shasum(dist) {
    const sum = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(dist) ? dist['shasum'] : undefined;
    return typeof sum === 'string' && /^[0-9a-fA-F]{40}$/.test(sum) ? [{ algorithm: 'sha1', value: sum.toLowerCase() }] : [];
}
/**
 * Composer's license array is a choice between licenses (disjunctive). composer.lock copies every package's
 * `license` from its composer.json, so an empty or missing one is a package that declares none (`null`).
 */
function license(value) {
    const list = (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string' && v !== '');
    if (list.length === 0)
        return { license: null };
    return { license: list.length === 1 ? list[0] : `(${list.join(' OR ')})` };
}
/** Names the sibling composer.json requires, lowercased; `undefined` when there is none or it is unreadable. */
function declaredNames(path, context) {
    const base = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(path.split('\\').join('/'));
    const manifest = base === 'composer.lock' ? 'composer.json' : base.endsWith('.lock') ? base.replace(/\.lock$/, '.json') : undefined;
    const text = manifest ? context?.readRelated?.(manifest) : undefined;
    if (text === undefined)
        return undefined;
    try {
        const doc = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJson */ .qF)(text, manifest);
        if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(doc))
            return undefined;
        const names = new Set();
        for (const key of ['require', 'require-dev']) {
            const block = doc[key];
            if ((0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(block))
                for (const n of Object.keys(block))
                    names.add(n.toLowerCase());
        }
        return names;
    }
    catch {
        // The lockfile alone is still a complete inventory; only the direct flags fall back to the graph.
        return undefined;
    }
}
//# sourceMappingURL=composer-lock.js.map

/***/ }),

/***/ 53163:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ JsonLocator)
/* harmony export */ });
/* harmony import */ var _parse_line_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86787);

/** Finds lines in JSON text for values `JSON.parse` already read (it keeps no positions). */
class JsonLocator {
    text;
    index;
    constructor(text) {
        this.text = text;
        this.index = new _parse_line_index_js__WEBPACK_IMPORTED_MODULE_0__/* .LineIndex */ .r(text);
    }
    /**
     * Offset just after `"key":` at or after `from`, or -1. A plain search, not a regex: keys are data, and a
     * 40,000-character key compiled into a pattern is "regular expression too large".
     */
    keyOffset(key, from = 0) {
        // JSON.stringify escapes what a file may hold raw (a lone surrogate); try the raw form second.
        for (const needle of new Set([JSON.stringify(key), `"${key}"`])) {
            for (let at = this.text.indexOf(needle, from); at >= 0; at = this.text.indexOf(needle, at + 1)) {
                const colon = skipSpace(this.text, at + needle.length);
                if (this.text.charCodeAt(colon) === 0x3a /* : */)
                    return colon + 1;
            }
        }
        return -1;
    }
    /**
     * Every `"key": "string"` pair in document order, with the decoded string and its offset: one pass over the
     * text, so looking up thousands of entries stays linear.
     */
    stringPairs(key) {
        const needle = JSON.stringify(key);
        const out = [];
        for (let at = this.text.indexOf(needle); at >= 0;) {
            const colon = skipSpace(this.text, at + needle.length);
            let next = at + 1;
            if (this.text.charCodeAt(colon) === 0x3a) {
                const open = skipSpace(this.text, colon + 1);
                const close = this.text.charCodeAt(open) === 0x22 ? stringEnd(this.text, open) : -1;
                if (close > 0) {
                    try {
                        out.push({ offset: at, value: JSON.parse(this.text.slice(open, close)) });
                    }
                    catch {
                        // Not a well-formed string literal here; JSON.parse already accepted the document, so skip it.
                    }
                    next = close;
                }
            }
            at = this.text.indexOf(needle, next);
        }
        return out;
    }
    /** 1-based line of an offset; line 1 for -1 (not found). */
    line(offset) {
        return offset < 0 ? 1 : this.index.line(offset);
    }
}
function skipSpace(text, i) {
    while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)
            break;
        i++;
    }
    return i;
}
/** Offset just past the closing quote of the string literal opening at `open`, or -1 (none on its line). */
function stringEnd(text, open) {
    for (let i = open + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */)
            i++;
        else if (c === 0x22)
            return i + 1;
        else if (c === 0x0a)
            return -1;
    }
    return -1;
}
//# sourceMappingURL=json-locations.js.map

/***/ }),

/***/ 61517:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ isPlatformPackage)
/* harmony export */ });
/**
 * Composer's platform packages (the PHP runtime and its extensions), which no registry serves. They never
 * have a vendor, so `php-http/curl-client` is an ordinary package.
 */
function isPlatformPackage(name) {
    const n = name.toLowerCase();
    if (n.includes('/'))
        return false;
    return (n === 'php' ||
        n.startsWith('php-') ||
        n === 'hhvm' ||
        n.startsWith('ext-') ||
        n.startsWith('lib-') ||
        n === 'composer' ||
        n === 'composer-plugin-api' ||
        n === 'composer-runtime-api');
}
//# sourceMappingURL=platform-packages.js.map

/***/ })

};
