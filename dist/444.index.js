export const id = 444;
export const ids = [444];
export const modules = {

/***/ 6767:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ findControlCharacter)
/* harmony export */ });
/**
 * Index of the first character that no Ruby lockfile or Gemfile line holds (C0 controls other than tab,
 * DEL, and U+FFFD from undecodable bytes), or -1. Such a character means binary content, not text.
 */
function findControlCharacter(line) {
    for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if ((c < 0x20 && c !== 0x09 && c !== 0x0d) || c === 0x7f || c === 0xfffd)
            return i;
    }
    return -1;
}
//# sourceMappingURL=control-characters.js.map

/***/ }),

/***/ 35444:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gemfileLockParser: () => (/* binding */ gemfileLockParser)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71403);
/* harmony import */ var _parse_error_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7038);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76702);
/* harmony import */ var _control_characters_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6767);
/* harmony import */ var _purl_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(26870);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2031);






// Bundler's LockfileParser::NAME_VERSION (name, optional "(version[-platform])", optional "!"), with character
// classes that cannot overlap, so a hostile line is matched without backtracking.
const NAME_VERSION = /^( {2}| {4}| {6})([^\s!()]+)(?: \(([^-)]*)(?:-([^)]*))?\))?(!)?$/;
const SOURCE_HEADERS = new Set(['GIT', 'GEM', 'PATH', 'PLUGIN SOURCE']);
const KNOWN_HEADERS = new Set([...SOURCE_HEADERS, 'PLATFORMS', 'DEPENDENCIES', 'RUBY VERSION', 'BUNDLED WITH', 'CHECKSUMS']);
/**
 * Gemfile.lock / gems.locked. Line-based like Bundler's own LockfileParser: GEM, GIT, PATH and PLUGIN SOURCE
 * sections hold `specs:` (4-space gem lines, 6-space dependency lines, which give the edges); DEPENDENCIES marks
 * the direct gems; CHECKSUMS (Bundler 2.6+) gives sha256 integrity. Unknown sections are skipped as Bundler
 * skips them. Merge-conflict markers, binary content, and spec lines that are not `name (version)` are errors.
 */
const gemfileLockParser = {
    id: 'Gemfile.lock',
    ecosystem: 'RubyGems',
    fileNames: ['Gemfile.lock', 'gems.locked'],
    conformance: ['ruby/gemfilelock'],
    parse(text, path) {
        if (text.length > _parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_LOCKFILE_BYTES */ .hP)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, `file is larger than ${_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_LOCKFILE_BYTES */ .hP} bytes`);
        const lines = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .stripBom */ .F8)(text).split('\n');
        const specs = [];
        const direct = [];
        const checksums = new Map();
        let section;
        let source;
        let current;
        let sawHeader = false;
        const sectionSpecs = [];
        const closeSource = () => {
            for (const s of sectionSpecs)
                s.pkg.source = sourceOf(source);
            sectionSpecs.length = 0;
        };
        for (let i = 0; i < lines.length; i++) {
            const lineNo = i + 1;
            const raw = lines[i];
            const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
            const fail = (reason, column = 1) => {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, reason, { line: lineNo, column });
            };
            const bad = (0,_control_characters_js__WEBPACK_IMPORTED_MODULE_4__/* .findControlCharacter */ .A)(line);
            if (bad >= 0)
                fail(`unexpected control or binary character (0x${line.charCodeAt(bad).toString(16)})`, bad + 1);
            if (/^(<{7}|={7}|>{7})( |$)/.test(line))
                fail('merge conflict marker: resolve the conflict and run bundle lock again');
            if (line.trim() === '')
                continue;
            if (!line.startsWith(' ')) {
                closeSource();
                current = undefined;
                sawHeader ||= KNOWN_HEADERS.has(line);
                if (SOURCE_HEADERS.has(line)) {
                    section = 'source';
                    source = { header: line, remotes: [] };
                }
                else if (line === 'DEPENDENCIES')
                    section = 'dependencies';
                else if (line === 'CHECKSUMS')
                    section = 'checksums';
                else
                    section = 'other';
                continue;
            }
            if (section === 'source' && source) {
                const option = /^ {2}([a-z_]+): ?(.*)$/.exec(line);
                if (option) {
                    const [, key, value = ''] = option;
                    if (key === 'remote')
                        source.remotes.push(value);
                    else if (key === 'revision')
                        source.revision = value;
                    else if (key === 'branch' || key === 'tag' || key === 'ref')
                        source.ref ??= value;
                    continue;
                }
                if (line === '  specs:')
                    continue;
                const m = NAME_VERSION.exec(line);
                if (!m)
                    fail('expected "name (version)" in specs');
                const [, indent = '', name = '', version, platform] = m;
                if (indent.length === 4) {
                    // A gem line without a version cannot be installed; Bundler's parser and the peer skip it.
                    if (version === undefined) {
                        current = undefined;
                        continue;
                    }
                    if (!(0,_version_js__WEBPACK_IMPORTED_MODULE_3__/* .isGemVersion */ .o)(version))
                        fail(`invalid version ${(0,_parse_error_text_js__WEBPACK_IMPORTED_MODULE_5__/* .quoteInput */ .Z)(version)}`, line.indexOf('(') + 2);
                    const pkg = {
                        id: platform ? `${name}@${version}-${platform}` : `${name}@${version}`,
                        ecosystem: 'RubyGems',
                        name,
                        version,
                        purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_2__/* .gemPurl */ .B)(name, version, platform),
                        direct: false,
                        scopes: [],
                        integrity: [],
                        source: { kind: 'unknown' },
                        location: { file: path, line: lineNo },
                    };
                    current = { pkg, deps: [] };
                    specs.push(current);
                    sectionSpecs.push(current);
                }
                else if (indent.length === 6) {
                    current?.deps.push(name);
                }
                else {
                    fail('expected a source option or "specs:"');
                }
                continue;
            }
            if (section === 'dependencies') {
                const m = NAME_VERSION.exec(line);
                if (!m || m[1] !== '  ')
                    fail('expected "name (requirement)" in DEPENDENCIES');
                direct.push(m[2]);
                continue;
            }
            if (section === 'checksums') {
                const m = /^ {2}(\S+) \(([^)]*)\)(?: (\S+))?$/.exec(line);
                if (!m)
                    fail('expected "name (version) sha256=..." in CHECKSUMS');
                const [, name = '', version = '', sums] = m;
                const hashes = [];
                for (const part of (sums ?? '').split(',').filter(Boolean)) {
                    const h = /^(sha256|sha512)=([0-9a-fA-F]+)$/.exec(part);
                    if (h)
                        hashes.push({ algorithm: h[1], value: h[2].toLowerCase() });
                }
                checksums.set(`${name}@${version}`, hashes);
            }
        }
        closeSource();
        if (!sawHeader && lines.some((l) => l.trim() !== '')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, 'not a Gemfile.lock: no GEM, GIT, PATH, PLATFORMS or DEPENDENCIES section', { line: 1, column: 1 });
        }
        const byName = new Map();
        for (const s of specs) {
            const list = byName.get(s.pkg.name);
            if (list)
                list.push(s.pkg);
            else
                byName.set(s.pkg.name, [s.pkg]);
        }
        for (const s of specs) {
            // CHECKSUMS keys platform builds as name (version-platform), like the spec lines.
            s.pkg.integrity = checksums.get(s.pkg.id) ?? [];
        }
        const edges = [];
        for (const s of specs)
            for (const dep of s.deps)
                for (const to of byName.get(dep) ?? [])
                    edges.push({ from: s.pkg.id, to: to.id });
        const directNames = new Set(direct);
        for (const name of directNames)
            for (const p of byName.get(name) ?? [])
                edges.push({ from: '.', to: p.id });
        for (const s of specs)
            s.pkg.direct = directNames.has(s.pkg.name);
        return {
            lockfile: path,
            format: 'Gemfile.lock',
            ecosystem: 'RubyGems',
            packages: specs.map((s) => s.pkg),
            edges,
            projects: [{ id: '.', path: '' }],
        };
    },
};
function sourceOf(source) {
    const remote = source?.remotes[0];
    switch (source?.header) {
        case 'GEM':
            return remote ? { kind: 'registry', url: remote } : { kind: 'registry' };
        case 'GIT':
            return remote
                ? { kind: 'git', url: remote, ...(source.revision ? { commit: source.revision } : {}), ...(source.ref ? { ref: source.ref } : {}) }
                : { kind: 'unknown' };
        case 'PATH':
            return remote ? { kind: 'path', path: remote } : { kind: 'unknown' };
        default:
            return { kind: 'unknown' };
    }
}
//# sourceMappingURL=gemfile-lock.js.map

/***/ }),

/***/ 7038:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ quoteInput)
/* harmony export */ });
/**
 * Quotes a piece of untrusted input for an error message: JSON-escaped (no raw control characters or
 * newlines) and cut to `max` characters, so a 500k-character hostile token cannot become a 500k error.
 */
function quoteInput(text, max = 80) {
    return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
//# sourceMappingURL=error-text.js.map

/***/ })

};
