export const id = 456;
export const ids = [456];
export const modules = {

/***/ 58456:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   packagesLockJsonParser: () => (/* binding */ packagesLockJsonParser)
/* harmony export */ });
/* harmony import */ var jsonc_parser__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99547);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71403);
/* harmony import */ var _model_purl_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56819);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76702);
/* harmony import */ var _parse_nesting_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58296);
/* harmony import */ var _parse_line_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86787);






/** NuGet records `contentHash` as base64 SHA-512 of the .nupkg. */
function contentHash(value) {
    if (typeof value !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(value))
        return [];
    const hex = Buffer.from(value, 'base64').toString('hex');
    return hex.length === 128 ? [{ algorithm: 'sha512', value: hex }] : [];
}
/**
 * jsonc-parser's tree of text JSON.parse already accepted, for positions only. Its parser recurses, so absurd
 * nesting (which JSON.parse survives) would overflow the stack, so past MAX_NESTING_DEPTH entries simply have no line.
 */
function positionTree(text) {
    try {
        // jsonc-parser's tree builder recurses per level; JSON.parse accepted deeper nesting than it survives.
        (0,_parse_nesting_js__WEBPACK_IMPORTED_MODULE_4__/* .assertNestingDepth */ .WW)(text, 'positions');
        return (0,jsonc_parser__WEBPACK_IMPORTED_MODULE_0__.parseTree)(text);
    }
    catch {
        return undefined;
    }
}
function nugetPurl(name, version, path, line) {
    try {
        return (0,_model_purl_js__WEBPACK_IMPORTED_MODULE_2__/* .buildPurl */ .Eq)('nuget', undefined, name, version);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `"${name}" is not a valid NuGet package id`, { line }, { cause: err });
    }
}
/**
 * NuGet's `packages.lock.json` (RestorePackagesWithLockFile): per target framework, every resolved package
 * with its type (`Direct`, `Transitive`, `CentralTransitive`, `Project`). A package resolved for several
 * frameworks is reported once; `Project` entries are the solution's own projects and are not packages.
 */
const packagesLockJsonParser = {
    id: 'packages.lock.json',
    ecosystem: 'NuGet',
    fileNames: ['packages.lock.json', 'packages.*.lock.json'],
    conformance: ['dotnet/packageslockjson'],
    parse(text, path) {
        const doc = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJson */ .qF)(text, path);
        if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(doc) || !(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(doc.dependencies)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, 'not a NuGet packages.lock.json: no "dependencies" object', { line: 1 });
        }
        // JSON.parse keeps no positions; jsonc-parser's tree of the same (already valid) text gives each entry's line.
        const tree = positionTree(text);
        const lines = new _parse_line_index_js__WEBPACK_IMPORTED_MODULE_5__/* .LineIndex */ .r(text);
        // One map per object, built on first use: jsonc-parser's findNodeAtLocation scans an object's properties
        // from the start on every call, which made a framework of 50,000 entries quadratic.
        const members = new Map();
        const member = (node, key) => {
            if (node?.type !== 'object')
                return undefined;
            let byName = members.get(node);
            if (byName === undefined) {
                byName = new Map();
                for (const property of node.children ?? []) {
                    const [k, v] = property.children ?? [];
                    // Same rule as findNodeAtLocation: the first well-formed property of that name.
                    if (property.children?.length === 2 && k && v && typeof k.value === 'string' && !byName.has(k.value))
                        byName.set(k.value, v);
                }
                members.set(node, byName);
            }
            return byName.get(key);
        };
        const dependencies = member(tree, 'dependencies');
        const lineOf = (framework, name) => {
            const frameworkNode = member(dependencies, framework);
            const node = name === undefined ? frameworkNode : member(frameworkNode, name);
            const offset = node?.parent?.offset ?? node?.offset;
            return offset === undefined ? undefined : lines.line(offset);
        };
        const byKey = new Map();
        for (const [framework, entries] of Object.entries(doc.dependencies)) {
            if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(entries)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `"dependencies.${framework}" is not an object`, { line: lineOf(framework) });
            }
            for (const [name, entry] of Object.entries(entries)) {
                const line = lineOf(framework, name);
                if (!(0,_parse_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(entry)) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `"dependencies.${framework}.${name}" is not an object`, { line });
                }
                if (entry.type === 'Project')
                    continue;
                const version = typeof entry.resolved === 'string' ? entry.resolved : '';
                if (version === '') {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `"dependencies.${framework}.${name}" has no "resolved" version`, { line });
                }
                const key = `${name.toLowerCase()}@${version.toLowerCase()}`;
                const direct = entry.type === 'Direct';
                const existing = byKey.get(key);
                if (existing) {
                    existing.direct ||= direct;
                    continue;
                }
                byKey.set(key, {
                    id: key,
                    ecosystem: 'NuGet',
                    name,
                    version,
                    purl: nugetPurl(name, version, path, line),
                    direct,
                    scopes: [],
                    integrity: contentHash(entry.contentHash),
                    source: { kind: 'registry' },
                    location: line === undefined ? { file: path } : { file: path, line },
                });
            }
        }
        return { lockfile: path, format: 'packages.lock.json', ecosystem: 'NuGet', packages: [...byKey.values()], projects: [] };
    },
};
//# sourceMappingURL=packages-lock-json.js.map

/***/ })

};
