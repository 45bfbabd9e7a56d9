export const id = 558;
export const ids = [558];
export const modules = {

/***/ 40558:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pipfileLockParser: () => (/* binding */ pipfileLockParser)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71403);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76702);
/* harmony import */ var _parse_line_index_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(86787);
/* harmony import */ var _artifact_hash_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42398);
/* harmony import */ var _inventory_builder_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56425);
/* harmony import */ var _package_name_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(63159);
/* harmony import */ var _requirement_url_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(54860);
/* harmony import */ var _parse_toml_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(26331);








function entrySource(entry, indexes) {
    if (typeof entry.git === 'string') {
        const source = { kind: 'git', url: entry.git };
        if (typeof entry.ref === 'string') {
            source.ref = entry.ref;
            if (/^[0-9a-f]{40}$/i.test(entry.ref))
                source.commit = entry.ref.toLowerCase();
        }
        return source;
    }
    const location = typeof entry.file === 'string' ? entry.file : typeof entry.path === 'string' ? entry.path : undefined;
    if (location !== undefined) {
        const info = (0,_requirement_url_js__WEBPACK_IMPORTED_MODULE_6__/* .describeUrlRequirement */ .O)(location);
        return info.localDirectory ? 'local-directory' : info.source;
    }
    const url = typeof entry.index === 'string' ? indexes.get(entry.index) : undefined;
    return url === undefined ? { kind: 'registry' } : { kind: 'registry', url };
}
/**
 * Line of `"name":` inside a section. Entries come in document order (JSON.parse keeps it, except for integer-like
 * keys, which JavaScript objects move to the front), so each search starts where the previous entry was found:
 * one pass over the section, not one per entry (that was quadratic: 5,000 entries took 1.3 s). A key not found
 * after the cursor is looked for again from the section's start.
 */
class KeyLines {
    text;
    lines;
    sectionAt;
    cursor;
    constructor(text, lines, sectionAt) {
        this.text = text;
        this.lines = lines;
        this.sectionAt = sectionAt;
        this.cursor = sectionAt;
    }
    line(name) {
        const needle = JSON.stringify(name);
        const at = this.find(needle, this.cursor) ?? this.find(needle, this.sectionAt);
        if (at === undefined)
            return undefined;
        this.cursor = Math.max(this.cursor, at + needle.length);
        return this.lines.line(at);
    }
    find(needle, from) {
        for (let at = this.text.indexOf(needle, from); at >= 0; at = this.text.indexOf(needle, at + 1)) {
            if (/^\s*:/.test(this.text.slice(at + needle.length, at + needle.length + 64)))
                return at;
        }
        return undefined;
    }
}
/** Names in the sibling Pipfile's `[packages]` and `[dev-packages]`; `undefined` when unreadable. */
function pipfileNames(context) {
    const text = context?.readRelated?.('Pipfile');
    if (text === undefined)
        return undefined;
    try {
        const doc = (0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_5__.parseTomlDocument)(text, 'Pipfile');
        const names = [...Object.keys((0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_5__.tomlTable)(doc.packages) ?? {}), ...Object.keys((0,_parse_toml_js__WEBPACK_IMPORTED_MODULE_5__.tomlTable)(doc['dev-packages']) ?? {})];
        return new Set(names.map(_package_name_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizePypiName */ .T));
    }
    catch (err) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isLockwardenError */ .De)(err))
            return undefined;
        throw err;
    }
}
/**
 * Pipenv's `Pipfile.lock`: `default` (production) and `develop` (scope `dev`). A package locked at the same
 * version in both is reported once, without a scope. Git entries are reported with version `""` and their git
 * source (the peer drops them; see docs/conformance.md); local directories (`-e .`) are the project itself.
 * `direct` comes from the sibling Pipfile when readable.
 */
const pipfileLockParser = {
    id: 'Pipfile.lock',
    ecosystem: 'PyPI',
    fileNames: ['Pipfile.lock'],
    conformance: ['python/pipfilelock'],
    parse(text, path, context) {
        const builder = new _inventory_builder_js__WEBPACK_IMPORTED_MODULE_3__/* .PypiInventoryBuilder */ .y(path, 'Pipfile.lock');
        if (text.trim() === '')
            return builder.build();
        const doc = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .qF)(text, path);
        if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(doc))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, 'Pipfile.lock is not a JSON object', { line: 1, column: 1 });
        const meta = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(doc._meta) ? doc._meta : {};
        const indexes = new Map();
        for (const s of Array.isArray(meta.sources) ? meta.sources : []) {
            if ((0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(s) && typeof s.name === 'string' && typeof s.url === 'string')
                indexes.set(s.name, s.url);
        }
        const lines = new _parse_line_index_js__WEBPACK_IMPORTED_MODULE_7__/* .LineIndex */ .r(text);
        const entries = [];
        for (const [section, dev] of [
            ['default', false],
            ['develop', true],
        ]) {
            const body = doc[section];
            if (body === undefined)
                continue;
            if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(body))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, `"${section}" is not an object`);
            const keyLines = new KeyLines(text, lines, Math.max(0, text.search(new RegExp(`"${section}"\\s*:`))));
            for (const [name, raw] of Object.entries(body)) {
                if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(raw))
                    continue;
                const source = entrySource(raw, indexes);
                if (source === 'local-directory')
                    continue;
                const version = typeof raw.version === 'string' ? raw.version.replace(/^===?/, '').trim() : '';
                const hashes = Array.isArray(raw.hashes) ? raw.hashes : [];
                entries.push({
                    name,
                    version: version === '*' ? '' : version,
                    source,
                    integrity: (0,_artifact_hash_js__WEBPACK_IMPORTED_MODULE_2__/* .addHashes */ .GW)([], hashes.map((h) => (typeof h === 'string' ? (0,_artifact_hash_js__WEBPACK_IMPORTED_MODULE_2__/* .parseArtifactHash */ .AU)(h) : undefined))),
                    line: keyLines.line(name),
                    dev,
                });
            }
        }
        const inDefault = new Set(entries.filter((e) => !e.dev).map((e) => `${(0,_package_name_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizePypiName */ .T)(e.name)}@${e.version}`));
        const declared = pipfileNames(context);
        for (const e of entries) {
            if (e.dev && inDefault.has(`${(0,_package_name_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizePypiName */ .T)(e.name)}@${e.version}`))
                continue;
            builder.add({
                name: e.name,
                version: e.version,
                direct: declared?.has((0,_package_name_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizePypiName */ .T)(e.name)) ?? false,
                scopes: e.dev ? ['dev'] : [],
                integrity: e.integrity,
                source: e.source,
                file: path,
                line: e.line,
            });
        }
        return builder.build();
    },
};
//# sourceMappingURL=pipfile-lock.js.map

/***/ }),

/***/ 54860:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ describeUrlRequirement),
/* harmony export */   V: () => (/* binding */ looksLikeUrlOrPath)
/* harmony export */ });
const ARCHIVE = /\.(whl|tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|txz|tar|zip)$/i;
const WHEEL = /^([A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?)-([0-9][^-]*)(?:-[0-9][^-]*)?-[^-]+-[^-]+-[^-]+\.whl$/i;
const SDIST = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)-([0-9][^-]*?)\.(?:tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|txz|tar|zip)$/i;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
/** True when a requirements-file line is a URL or a path rather than a PEP 508 name (pip's own test, roughly). */
function looksLikeUrlOrPath(text) {
    return (SCHEME.test(text) ||
        /^(git|hg|svn|bzr)\+/i.test(text) ||
        /^[.~/\\]/.test(text) ||
        text.includes('/') ||
        text.includes('\\') ||
        ARCHIVE.test(text));
}
/** Reads a URL or path requirement; `url` is as written (without the requirement's marker). */
function describeUrlRequirement(url) {
    const hashAt = url.indexOf('#');
    const fragment = hashAt < 0 ? '' : url.slice(hashAt + 1);
    const target = hashAt < 0 ? url : url.slice(0, hashAt);
    const egg = /(?:^|&)egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(fragment)?.[1];
    const vcs = /^(git|hg|svn|bzr)\+/i.exec(target)?.[1]?.toLowerCase();
    if (vcs !== undefined || /^git:\/\//i.test(target)) {
        const bare = vcs === undefined ? target : target.slice(vcs.length + 1);
        const { repo, ref } = splitVcsRef(bare);
        const name = egg ?? lastSegment(repo)?.replace(/\.git$/i, '');
        if (vcs === undefined || vcs === 'git') {
            const source = { kind: 'git', url: repo };
            if (ref !== undefined) {
                source.ref = ref;
                if (/^[0-9a-f]{40}$/i.test(ref))
                    source.commit = ref.toLowerCase();
            }
            return withName({ version: '', source, localDirectory: false }, name);
        }
        // Mercurial, Subversion and Bazaar have no Source kind of their own; the URL still says where the code is.
        return withName({ version: '', source: { kind: 'tarball', url: bare }, localDirectory: false }, name);
    }
    const file = lastSegment(target) ?? '';
    const fromFile = WHEEL.exec(file) ?? SDIST.exec(file);
    const name = egg ?? fromFile?.[1];
    const version = fromFile?.[2] ?? '';
    if (/^file:/i.test(target)) {
        return withName({ version, source: { kind: 'path', path: target }, localDirectory: !ARCHIVE.test(target) }, name);
    }
    if (SCHEME.test(target))
        return withName({ version, source: { kind: 'tarball', url: target }, localDirectory: false }, name);
    const localDirectory = !ARCHIVE.test(target);
    return withName({ version, source: { kind: 'path', path: target }, localDirectory }, localDirectory ? egg : name);
}
function withName(info, name) {
    if (name !== undefined && name !== '')
        info.name = name;
    return info;
}
/** `https://host/org/repo.git@v1.2` -> repo URL and ref; the `@` of `user@host` is not a ref. */
function splitVcsRef(url) {
    const schemeEnd = url.indexOf('://');
    const pathStart = schemeEnd < 0 ? 0 : url.indexOf('/', schemeEnd + 3);
    if (pathStart < 0)
        return { repo: url };
    const at = url.indexOf('@', pathStart);
    if (at < 0)
        return { repo: url };
    return { repo: url.slice(0, at), ref: url.slice(at + 1) };
}
function lastSegment(url) {
    const query = url.indexOf('?');
    let end = query < 0 ? url.length : query;
    // Trailing separators by hand: `/[/\\]+$/` is quadratic on a long run of them that does not end the URL.
    while (end > 0 && (url[end - 1] === '/' || url[end - 1] === '\\'))
        end--;
    const path = url.slice(0, end);
    const segment = path.split(/[/\\]/).pop();
    if (segment === undefined || segment === '')
        return undefined;
    try {
        return decodeURIComponent(segment);
    }
    catch {
        return segment;
    }
}
//# sourceMappingURL=requirement-url.js.map

/***/ })

};
