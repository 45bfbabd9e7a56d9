export const id = 283;
export const ids = [283];
export const modules = {

/***/ 6283:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   packageResolvedParser: () => (/* binding */ packageResolvedParser),
/* harmony export */   swiftPackageName: () => (/* reexport safe */ _package_name_js__WEBPACK_IMPORTED_MODULE_5__.H),
/* harmony export */   swiftPurl: () => (/* binding */ swiftPurl)
/* harmony export */ });
/* harmony import */ var jsonc_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99547);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71403);
/* harmony import */ var _model_purl_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56819);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76702);
/* harmony import */ var _parse_nesting_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58296);
/* harmony import */ var _package_name_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(65212);







/** `pkg:swift/<host>/<owner>/<repo>@<version>`: namespace is everything before the last path segment. */
function swiftPurl(name, version) {
    const slash = name.lastIndexOf('/');
    return slash < 0
        ? (0,_model_purl_js__WEBPACK_IMPORTED_MODULE_2__/* .buildPurl */ .Eq)('swift', undefined, name, version)
        : (0,_model_purl_js__WEBPACK_IMPORTED_MODULE_2__/* .buildPurl */ .Eq)('swift', name.slice(0, slash), name.slice(slash + 1), version);
}
/**
 * The 1-based line of each pin (`lines[i]` for pin `i`), from jsonc-parser's event scan of text JSON.parse already
 * accepted: no syntax tree is built (a tree of a 50,000-pin file was most of the parse's memory). The scan recurses
 * per level, so absurd nesting (which JSON.parse survives) leaves every pin without a line.
 */
function pinLines(text, prefix) {
    const lines = [];
    try {
        (0,_parse_nesting_js__WEBPACK_IMPORTED_MODULE_4__/* .assertNestingDepth */ .WW)(text, 'positions');
    }
    catch {
        return lines;
    }
    // Root, then each key of the prefix, is one level: a pin object opens at this depth.
    const pinDepth = prefix.length + 2;
    let depth = 0;
    const close = () => {
        depth--;
    };
    (0,jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.visit)(text, {
        onObjectBegin(_offset, _length, startLine, _startCharacter, pathSupplier) {
            if (++depth !== pinDepth)
                return;
            const path = pathSupplier();
            const index = path[prefix.length];
            if (typeof index === 'number' && prefix.every((key, i) => path[i] === key))
                lines[index] = startLine + 1;
        },
        onArrayBegin() {
            depth++;
        },
        onObjectEnd: close,
        onArrayEnd: close,
    });
    return lines;
}
function str(value) {
    return typeof value === 'string' ? value : '';
}
/** Pins of v1 (`object.pins[]` with `repositoryURL`) and v2/v3 (`pins[]` with `location` and `kind`). */
function pinsOf(text, path) {
    const doc = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJson */ .qF)(text, path);
    if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(doc))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, 'not a Package.resolved: not a JSON object', { line: 1 });
    const v1 = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(doc.object) ? doc.object.pins : undefined;
    const isV1 = doc.version === 1 || (v1 !== undefined && doc.pins === undefined);
    const raw = isV1 ? v1 : doc.pins;
    if (!Array.isArray(raw))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, 'not a Package.resolved: no "pins" array', { line: 1 });
    // JSON.parse keeps no positions; an event scan of the same (already valid) text gives each pin's line.
    const lines = pinLines(text, isV1 ? ['object', 'pins'] : ['pins']);
    return raw.map((pin, i) => {
        const line = lines[i];
        if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(pin))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `pin ${i} is not an object`, { line });
        const location = str(pin.location) || str(pin.repositoryURL);
        if (location === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `pin ${i} has no repository location`, { line });
        const kind = typeof pin.kind === 'string' ? pin.kind : undefined;
        return { location, kind, state: (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(pin.state) ? pin.state : {}, line };
    });
}
/**
 * SwiftPM's `Package.resolved` (versions 1 to 3): one pin per package with its repository, version and
 * revision. Local packages (`fileSystem`, `localSourceControl`) are the project's own folders, not
 * dependencies fetched from anywhere, and are not reported.
 */
const packageResolvedParser = {
    id: 'Package.resolved',
    ecosystem: 'SwiftURL',
    fileNames: ['Package.resolved'],
    conformance: ['swift/packageresolved'],
    parse(text, path) {
        const packages = [];
        for (const pin of pinsOf(text, path)) {
            if (pin.kind === 'fileSystem' || pin.kind === 'localSourceControl')
                continue;
            const name = (0,_package_name_js__WEBPACK_IMPORTED_MODULE_5__/* .swiftPackageName */ .H)(pin.location);
            const version = str(pin.state.version);
            const revision = str(pin.state.revision);
            if (version === '' && revision === '') {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `pin "${pin.location}" has neither a version nor a revision`, { line: pin.line });
            }
            let purl;
            try {
                // A branch pin has no version; the purl then names the commit, as purl allows for VCS-based types.
                purl = swiftPurl(name, version || revision);
            }
            catch (err) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `pin location "${pin.location}" is not a repository URL`, { line: pin.line }, { cause: err });
            }
            const source = { kind: 'git', url: pin.location };
            if (revision)
                source.commit = revision;
            if (str(pin.state.branch))
                source.ref = str(pin.state.branch);
            packages.push({
                id: `${name}@${version || revision}`,
                ecosystem: 'SwiftURL',
                name,
                version,
                purl,
                // Package.resolved lists every pin without saying which ones Package.swift declares.
                direct: false,
                scopes: [],
                integrity: [],
                source,
                location: pin.line === undefined ? { file: path } : { file: path, line: pin.line },
            });
        }
        return { lockfile: path, format: 'Package.resolved', ecosystem: 'SwiftURL', packages, projects: [] };
    },
};
//# sourceMappingURL=package-resolved.js.map

/***/ })

};
