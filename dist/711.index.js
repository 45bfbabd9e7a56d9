export const id = 711;
export const ids = [711];
export const modules = {

/***/ 30711:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   podfileLockParser: () => (/* binding */ podfileLockParser)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71403);
/* harmony import */ var _model_purl_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56819);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76702);
/* harmony import */ var _parse_yaml_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(68391);





/** `Name (1.2.3)` or `Name/Subspec (1.2.3)` -> pod name without subspec and version. */
function splitPod(spec) {
    const m = /^(\S+) \(([^()]*)\)$/.exec(spec.trim());
    if (!m)
        return undefined;
    const [, fullName, version] = m;
    return { pod: fullName.split('/')[0], version: version.trim() };
}
/** The pod a DEPENDENCIES entry names (`Name`, `Name (~> 1.0)`, `Name/Sub (from \`url\`)`). */
function dependencyName(spec) {
    return (spec.trim().split(' ')[0] ?? '').split('/')[0] ?? '';
}
function str(value) {
    return typeof value === 'string' ? value : '';
}
/** Where an external pod comes from, from EXTERNAL SOURCES and CHECKOUT OPTIONS. */
function sourceOf(pod, external, checkout) {
    const ext = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(external[pod]) ? external[pod] : undefined;
    if (!ext)
        return { kind: 'registry' };
    const co = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(checkout[pod]) ? checkout[pod] : {};
    if (str(ext[':git'])) {
        const source = { kind: 'git', url: str(ext[':git']) };
        const commit = str(co[':commit']) || str(ext[':commit']);
        if (commit)
            source.commit = commit;
        const ref = str(ext[':tag']) || str(ext[':branch']);
        if (ref)
            source.ref = ref;
        return source;
    }
    if (str(ext[':path']))
        return { kind: 'path', path: str(ext[':path']) };
    if (str(ext[':podspec']))
        return { kind: 'tarball', url: str(ext[':podspec']) };
    return { kind: 'unknown' };
}
function podPurl(pod, version, path, line) {
    try {
        return (0,_model_purl_js__WEBPACK_IMPORTED_MODULE_2__/* .buildPurl */ .Eq)('cocoapods', undefined, pod, version);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `"${pod}" is not a valid pod name`, { line }, { cause: err });
    }
}
/** Lines of PODS items from the precise parse's tree (`- Name (1.0)` or the key of `- Name (1.0):`). */
function preciseItemLines({ doc, lines }) {
    const podsNode = doc.get('PODS', true);
    const items = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(podsNode) ? podsNode.items : [];
    return (index) => {
        const node = items[index];
        const keyNode = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) ? node.items[0]?.key : node;
        const range = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(keyNode) ? keyNode.range : undefined;
        return range ? lines.linePos(range[0]).line : undefined;
    };
}
function lineScan(itemLines) {
    return (index) => itemLines.lineOf(index);
}
/**
 * CocoaPods' `Podfile.lock`: the PODS list (`- Name (version)`, or a map from it to its own dependencies).
 * Subspecs (`Name/Core`) belong to their pod and are folded into it.
 */
const podfileLockParser = {
    id: 'Podfile.lock',
    ecosystem: 'CocoaPods',
    fileNames: ['Podfile.lock'],
    conformance: ['swift/podfilelock'],
    parse(text, path) {
        // Plain values from the fast loader; a PODS item's line from one line scan (the precise parse's syntax tree cost
        // ~45 bytes of heap per byte of text: 160 MB for a 3.4 MB lockfile), or from that tree when the text needed it.
        const { value, precise } = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_4__/* .loadYaml */ .yv)(text, path);
        if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value) || !Array.isArray(value.PODS)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, 'not a Podfile.lock: no "PODS" list', { line: 1 });
        }
        const direct = new Set((Array.isArray(value.DEPENDENCIES) ? value.DEPENDENCIES : []).map((d) => dependencyName(str(d))));
        const external = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value['EXTERNAL SOURCES']) ? value['EXTERNAL SOURCES'] : {};
        const checkout = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value['CHECKOUT OPTIONS']) ? value['CHECKOUT OPTIONS'] : {};
        const lineOf = precise ? preciseItemLines(precise) : lineScan(new _parse_yaml_js__WEBPACK_IMPORTED_MODULE_4__/* .YamlItemLines */ .AR(text, 'PODS', value.PODS.length));
        const packages = [];
        const seen = new Set();
        value.PODS.forEach((item, index) => {
            const line = lineOf(index);
            const spec = typeof item === 'string' ? item : (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(item) ? (Object.keys(item)[0] ?? '') : '';
            const parsed = splitPod(spec);
            if (!parsed)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `PODS entry ${index + 1} is not "Name (version)"`, { line });
            const key = `${parsed.pod}@${parsed.version}`;
            if (seen.has(key))
                return;
            seen.add(key);
            packages.push({
                id: key,
                ecosystem: 'CocoaPods',
                name: parsed.pod,
                version: parsed.version,
                purl: podPurl(parsed.pod, parsed.version, path, line),
                direct: direct.has(parsed.pod),
                scopes: [],
                integrity: [],
                source: sourceOf(parsed.pod, external, checkout),
                location: line === undefined ? { file: path } : { file: path, line },
            });
        });
        return { lockfile: path, format: 'Podfile.lock', ecosystem: 'CocoaPods', packages, projects: [] };
    },
};
//# sourceMappingURL=podfile-lock.js.map

/***/ })

};
