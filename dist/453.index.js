export const id = 453;
export const ids = [453];
export const modules = {

/***/ 34453:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kubernetesManifestParser: () => (/* binding */ kubernetesManifestParser)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71403);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76702);
/* harmony import */ var _parse_nesting_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58296);
/* harmony import */ var _parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92387);
/* harmony import */ var _reference_package_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(48798);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(74186);
/* harmony import */ var _kubernetes_trigger_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(95010);








const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];
/**
 * Container images of Kubernetes manifests: `image` of every entry of a `containers`, `initContainers` or
 * `ephemeralContainers` list, in every document of the file. A YAML file counts as a manifest only when a
 * document has both `apiVersion` and `kind`; Helm templates (`{{ ... }}`) are not YAML yet and are skipped.
 */
const kubernetesManifestParser = {
    id: 'kubernetes.yaml',
    ecosystem: 'Docker',
    scanner: true,
    fileNames: ['*.yaml', '*.yml'],
    parse(text, path) {
        const packages = [];
        if (!(0,_kubernetes_trigger_js__WEBPACK_IMPORTED_MODULE_6__/* .mayBeKubernetesManifest */ .u)(text)) {
            return (0,_reference_package_js__WEBPACK_IMPORTED_MODULE_7__/* .referenceInventory */ .I0)(path, 'kubernetes.yaml', 'Docker', packages);
        }
        if (text.length > _parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_LOCKFILE_BYTES */ .hP)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `file is larger than ${_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_LOCKFILE_BYTES */ .hP} bytes`);
        (0,_parse_nesting_js__WEBPACK_IMPORTED_MODULE_3__/* .assertNestingDepth */ .WW)(text, path);
        const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
        const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text, { lineCounter: lines, prettyErrors: false });
        for (const doc of Array.isArray(docs) ? docs : [docs]) {
            const error = doc.errors[0];
            if (error) {
                const pos = lines.linePos(error.pos[0]);
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `invalid YAML: ${error.message.split('\n')[0] ?? error.code}`, { line: pos.line, column: pos.col });
            }
            if (!(0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_4__/* .mapGet */ .ZX)(doc.contents, 'apiVersion') || !(0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_4__/* .mapGet */ .ZX)(doc.contents, 'kind'))
                continue;
            for (const map of (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_4__/* .allMaps */ .tT)(doc.contents)) {
                for (const list of CONTAINER_LISTS) {
                    for (const container of (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_4__/* .seqItems */ .Sg)((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_4__/* .mapGet */ .ZX)(map, list))) {
                        const image = (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_4__/* .stringAt */ .bX)((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_4__/* .mapGet */ .ZX)(container, 'image'), lines);
                        const pkg = image && (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .imagePackage */ .YU)(image.value, path, image.line, `${list}[].image`);
                        if (pkg)
                            packages.push(pkg);
                    }
                }
            }
        }
        return (0,_reference_package_js__WEBPACK_IMPORTED_MODULE_7__/* .referenceInventory */ .I0)(path, 'kubernetes.yaml', 'Docker', packages);
    },
};
//# sourceMappingURL=kubernetes-manifest.js.map

/***/ }),

/***/ 92387:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nn: () => (/* binding */ mapEntries),
/* harmony export */   Sg: () => (/* binding */ seqItems),
/* harmony export */   ZX: () => (/* binding */ mapGet),
/* harmony export */   bX: () => (/* binding */ stringAt),
/* harmony export */   tT: () => (/* binding */ allMaps)
/* harmony export */ });
/* unused harmony export nodeLine */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);

/** The 1-based line a node starts on (1 when the node has no position, e.g. an alias target). */
function nodeLine(node, lines) {
    const range = node?.range;
    return range ? lines.linePos(range[0]).line : 1;
}
/** The value node under `key` of a map node, or undefined. */
function mapGet(node, key) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return undefined;
    for (const pair of node.items) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && pair.key.value === key)
            return (pair.value ?? undefined);
    }
    return undefined;
}
/** The entries of a map node as [key, value node] pairs (string keys only). */
function mapEntries(node) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return [];
    const out = [];
    for (const pair of node.items) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) && typeof pair.key.value === 'string' && pair.value)
            out.push([pair.key.value, pair.value]);
    }
    return out;
}
/** The items of a sequence node. */
function seqItems(node) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) ? node.items : [];
}
/** A scalar node's string value with its line, or undefined for non-strings. */
function stringAt(node, lines) {
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
        return undefined;
    const v = node.value;
    if (typeof v !== 'string' && typeof v !== 'number')
        return undefined;
    return { value: String(v), line: nodeLine(node, lines) };
}
/** Every map node of a document, depth first (for keys that can sit at any depth). */
function* allMaps(node) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
        yield node;
        for (const pair of node.items)
            yield* allMaps(pair.value);
    }
    else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
        for (const item of node.items)
            yield* allMaps(item);
    }
}
//# sourceMappingURL=yaml-nodes.js.map

/***/ })

};
