export const id = 411;
export const ids = [411];
export const modules = {

/***/ 29792:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pubspecLockParser: () => (/* binding */ pubspecLockParser)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71403);
/* harmony import */ var _model_purl_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56819);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76702);
/* harmony import */ var _parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(68391);




function str(value) {
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
function sourceOf(kind, description) {
    const d = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(description) ? description : {};
    switch (kind) {
        case 'hosted':
            return str(d.url) ? { kind: 'registry', url: str(d.url) } : { kind: 'registry' };
        case 'git': {
            const source = { kind: 'git', url: str(d.url) };
            if (str(d['resolved-ref']))
                source.commit = str(d['resolved-ref']);
            if (str(d.ref))
                source.ref = str(d.ref);
            return source;
        }
        case 'path':
            return { kind: 'path', path: str(d.path) };
        default:
            // `sdk` packages (flutter, flutter_test) ship with the SDK itself.
            return { kind: 'unknown' };
    }
}
function integrityOf(description) {
    const sha = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(description) ? str(description.sha256).toLowerCase() : '';
    return /^[0-9a-f]{64}$/.test(sha) ? [{ algorithm: 'sha256', value: sha }] : [];
}
function pubPurl(name, version, path, line) {
    try {
        return (0,_model_purl_js__WEBPACK_IMPORTED_MODULE_1__/* .buildPurl */ .Eq)('pub', undefined, name, version);
    }
    catch (err) {
        // Pub names are lowercase identifiers; anything else cannot come from pub.dev.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, `"${name}" is not a valid Pub package name`, { line }, { cause: err });
    }
}
/**
 * Dart's `pubspec.lock`: every resolved package with its source (hosted, git, path, sdk) and how the root
 * depends on it (`direct main`, `direct dev`, `direct overridden`, `transitive`).
 */
const pubspecLockParser = {
    id: 'pubspec.lock',
    ecosystem: 'Pub',
    fileNames: ['pubspec.lock'],
    conformance: ['dart/pubspec'],
    parse(text, path) {
        const { value, keyLines } = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .loadYaml */ .yv)(text, path);
        if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(value) || !(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(value.packages)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, 'not a pubspec.lock: no "packages" map', { line: 1 });
        }
        // A line scan, not the YAML syntax tree: the same lines at a fraction of the parse.
        const lineOf = new _parse_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .YamlKeyLines */ .Ap(text, 'packages', keyLines?.get('packages'));
        const packages = [];
        for (const [name, entry] of Object.entries(value.packages)) {
            const line = lineOf.lineOf(name);
            const location = line === undefined ? { file: path } : { file: path, line };
            if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(entry))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, `package "${name}" is not a map`, { line });
            const version = str(entry.version);
            const dependency = str(entry.dependency);
            const source = sourceOf(str(entry.source), entry.description);
            packages.push({
                id: `${name}@${version}`,
                ecosystem: 'Pub',
                name,
                version,
                purl: pubPurl(name, version, path, line),
                direct: dependency.startsWith('direct'),
                scopes: dependency === 'direct dev' ? ['dev'] : [],
                integrity: integrityOf(entry.description),
                source,
                location,
            });
        }
        return { lockfile: path, format: 'pubspec.lock', ecosystem: 'Pub', packages, projects: [] };
    },
};
//# sourceMappingURL=pubspec-lock.js.map

/***/ })

};
