export const id = 36;
export const ids = [36];
export const modules = {

/***/ 48036:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionFileParser: () => (/* binding */ actionFileParser),
/* harmony export */   workflowFileParser: () => (/* binding */ workflowFileParser)
/* harmony export */ });
/* harmony import */ var _parse_yaml_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68391);
/* harmony import */ var _parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92387);
/* harmony import */ var _reference_package_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48798);
/* harmony import */ var _docker_image_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74186);
/* harmony import */ var _action_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8078);





/** `jobs.<id>.container` and `services.<id>` take an image string or a map with `image`. */
function containerImage(node, lines, file, via) {
    const direct = (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .stringAt */ .bX)(node, lines) ?? (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .stringAt */ .bX)((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .ZX)(node, 'image'), lines);
    return direct && !direct.value.includes('${{') ? (0,_docker_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .imagePackage */ .YU)(direct.value, file, direct.line, via) : undefined;
}
function stepUses(steps, lines, file, out) {
    for (const step of (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .seqItems */ .Sg)(steps)) {
        const uses = (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .stringAt */ .bX)((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .ZX)(step, 'uses'), lines);
        const pkg = uses && (0,_action_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .usesPackage */ .B)(uses.value, file, uses.line);
        if (pkg)
            out.push(pkg);
    }
}
/**
 * Actions, reusable workflows and container images of a GitHub Actions workflow: `jobs.*.steps[].uses`,
 * `jobs.*.uses`, `jobs.*.container` and `jobs.*.services.*`.
 */
const workflowFileParser = {
    id: '.github/workflows/*.yml',
    ecosystem: 'GitHub Actions',
    scanner: true,
    fileNames: [],
    pathPatterns: ['.github/workflows/*.yml', '.github/workflows/*.yaml', '**/.github/workflows/*.yml', '**/.github/workflows/*.yaml'],
    parse(text, path) {
        const { doc, lines } = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_0__.parseYaml)(text, path);
        const packages = [];
        for (const [, job] of (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapEntries */ .Nn)((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .ZX)(doc.contents, 'jobs'))) {
            const uses = (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .stringAt */ .bX)((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .ZX)(job, 'uses'), lines);
            const reusable = uses && (0,_action_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .usesPackage */ .B)(uses.value, path, uses.line);
            if (reusable)
                packages.push(reusable);
            stepUses((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .ZX)(job, 'steps'), lines, path, packages);
            const container = containerImage((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .ZX)(job, 'container'), lines, path, 'container');
            if (container)
                packages.push(container);
            for (const [, service] of (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapEntries */ .Nn)((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .ZX)(job, 'services'))) {
                const image = containerImage(service, lines, path, 'services');
                if (image)
                    packages.push(image);
            }
        }
        return (0,_reference_package_js__WEBPACK_IMPORTED_MODULE_4__/* .referenceInventory */ .I0)(path, '.github/workflows/*.yml', 'GitHub Actions', packages);
    },
};
/** `runs.steps[].uses` of a composite action's `action.yml`, and `runs.image` of a Docker action. */
const actionFileParser = {
    id: 'action.yml',
    ecosystem: 'GitHub Actions',
    scanner: true,
    fileNames: ['action.yml', 'action.yaml'],
    parse(text, path) {
        const { doc, lines } = (0,_parse_yaml_js__WEBPACK_IMPORTED_MODULE_0__.parseYaml)(text, path);
        const packages = [];
        const runs = (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .ZX)(doc.contents, 'runs');
        stepUses((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .ZX)(runs, 'steps'), lines, path, packages);
        const image = (0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .stringAt */ .bX)((0,_parse_yaml_nodes_js__WEBPACK_IMPORTED_MODULE_1__/* .mapGet */ .ZX)(runs, 'image'), lines);
        if (image?.value.startsWith('docker://')) {
            const pkg = (0,_docker_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .imagePackage */ .YU)(image.value.slice('docker://'.length), path, image.line, 'runs.image');
            if (pkg)
                packages.push(pkg);
        }
        return (0,_reference_package_js__WEBPACK_IMPORTED_MODULE_4__/* .referenceInventory */ .I0)(path, 'action.yml', 'GitHub Actions', packages);
    },
};
//# sourceMappingURL=workflow-file.js.map

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
