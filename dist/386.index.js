export const id = 386;
export const ids = [386];
export const modules = {

/***/ 1386:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   composeFileParser: () => (/* binding */ composeFileParser)
/* harmony export */ });
/* harmony import */ var _parse_yaml_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68391);
/* harmony import */ var _parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92387);
/* harmony import */ var _reference_package_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48798);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74186);




/** `services.<name>.image` of a Compose file. */
const composeFileParser = {
    id: 'compose.yaml',
    ecosystem: 'Docker',
    scanner: true,
    fileNames: ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml', 'docker-compose.*.yml', 'docker-compose.*.yaml', 'compose.*.yaml', 'compose.*.yml'],
    parse(text, path) {
        const { doc, lines } = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_0__.parseYaml)(text, path);
        const packages = [];
        for (const [, service] of (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapEntries */ .Nn)((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .ZX)(doc.contents, 'services'))) {
            const image = (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .stringAt */ .bX)((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .ZX)(service, 'image'), lines);
            if (!image)
                continue;
            const pkg = (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .imagePackage */ .YU)(image.value, path, image.line, 'image');
            if (pkg)
                packages.push(pkg);
        }
        return (0,_reference_package_js__WEBPACK_IMPORTED_MODULE_3__/* .referenceInventory */ .I0)(path, 'compose.yaml', 'Docker', packages);
    },
};
//# sourceMappingURL=compose-file.js.map

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
