export const id = 514;
export const ids = [514];
export const modules = {

/***/ 13514:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   configKeysParser: () => (/* binding */ configKeysParser)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _parse_yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68391);
/* harmony import */ var _parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92387);
/* harmony import */ var _reference_package_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(48798);
/* harmony import */ var _hub_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42112);
/* harmony import */ var _triggers_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5598);






function revisionOf(map, lines) {
    return (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_2__/* .stringAt */ .bX)((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_2__/* .mapGet */ .ZX)(map, 'revision'), lines)?.value ?? (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_2__/* .stringAt */ .bX)((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_2__/* .mapGet */ .ZX)(map, 'model_revision'), lines)?.value;
}
/**
 * YAML and JSON configuration (training configs, axolotl/trl recipes): a Hub id under one of the known keys at any
 * depth, with a `revision`/`model_revision` and `trust_remote_code` sibling. JSON is read as YAML (a superset),
 * so one parser gives lines for both.
 */
const configKeysParser = {
    id: 'model-config',
    ecosystem: 'Hugging Face',
    scanner: true,
    fileNames: ['*.yaml', '*.yml', '*.json'],
    parse(text, path) {
        const packages = [];
        if (!(0,_triggers_js__WEBPACK_IMPORTED_MODULE_4__/* .mayBeHubConfig */ .me)(text))
            return (0,_reference_package_js__WEBPACK_IMPORTED_MODULE_5__/* .referenceInventory */ .I0)(path, 'model-config', 'Hugging Face', packages);
        const { doc, lines } = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_1__.parseYaml)(text, path);
        for (const map of (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_2__/* .allMaps */ .tT)(doc.contents)) {
            for (const key of _triggers_js__WEBPACK_IMPORTED_MODULE_4__/* .CONFIG_KEYS */ .mC) {
                const value = (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_2__/* .stringAt */ .bX)((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_2__/* .mapGet */ .ZX)(map, key), lines);
                if (!value || !(0,_hub_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isHubId */ .Pp)(value.value) || !value.value.includes('/'))
                    continue;
                const revision = revisionOf(map, lines);
                const trust = (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_2__/* .mapGet */ .ZX)(map, 'trust_remote_code');
                packages.push((0,_hub_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .hubPackage */ .K0)({
                    id: value.value,
                    kind: _triggers_js__WEBPACK_IMPORTED_MODULE_4__/* .DATASET_KEYS */ .EB.includes(key) ? 'dataset' : 'model',
                    ...(revision !== undefined ? { revision } : {}),
                    ...((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(trust) && trust.value === true ? { trustRemoteCode: true } : {}),
                    file: path,
                    line: value.line,
                    via: key,
                }));
            }
        }
        return (0,_reference_package_js__WEBPACK_IMPORTED_MODULE_5__/* .referenceInventory */ .I0)(path, 'model-config', 'Hugging Face', packages);
    },
};
//# sourceMappingURL=config-keys.js.map

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
