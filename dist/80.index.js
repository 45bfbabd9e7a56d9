export const id = 80;
export const ids = [80];
export const modules = {

/***/ 68080:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jsSourceParser: () => (/* binding */ jsSourceParser)
/* harmony export */ });
/* harmony import */ var meriyah__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23311);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71403);
/* harmony import */ var _reference_package_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48798);
/* harmony import */ var _hub_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42112);
/* harmony import */ var _triggers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5598);





function isNode(value) {
    return typeof value === 'object' && value !== null && typeof value.type === 'string';
}
/** Every call expression under `root`, with an explicit stack: bundles nest deep enough to make recursion slow. */
function callExpressions(root) {
    const calls = [];
    const stack = [root];
    while (stack.length > 0) {
        const node = stack.pop();
        if (node.type === 'CallExpression')
            calls.push(node);
        for (const key in node) {
            if (key === 'loc' || key === 'type')
                continue;
            const value = node[key];
            if (Array.isArray(value)) {
                for (const item of value)
                    if (isNode(item))
                        stack.push(item);
            }
            else if (isNode(value)) {
                stack.push(value);
            }
        }
    }
    return calls.sort((a, b) => (a.loc?.start.line ?? 0) - (b.loc?.start.line ?? 0) || (a.loc?.start.column ?? 0) - (b.loc?.start.column ?? 0));
}
function stringLiteral(node) {
    if (!isNode(node))
        return undefined;
    if (node.type === 'Literal' && typeof node.value === 'string')
        return node.value;
    if (node.type === 'TemplateLiteral' && Array.isArray(node.expressions) && node.expressions.length === 0) {
        const quasi = node.quasis[0];
        return quasi?.value.cooked;
    }
    return undefined;
}
/** `{ revision: '...' }` of an options object, and whether it sets `trust_remote_code: true`. */
function options(node) {
    if (!isNode(node) || node.type !== 'ObjectExpression')
        return {};
    const out = {};
    for (const prop of node.properties) {
        if (prop.type !== 'Property' || !isNode(prop.key))
            continue;
        const key = prop.key.type === 'Identifier' ? prop.key.name : stringLiteral(prop.key);
        if (key === 'revision') {
            const v = stringLiteral(prop.value);
            if (v !== undefined)
                out.revision = v;
        }
        if (key === 'trust_remote_code' && isNode(prop.value) && prop.value.type === 'Literal' && prop.value.value === true)
            out.trust = true;
    }
    return out;
}
/** meriyah's message without its `[l:c-l:c]: ` prefix (the location goes in the error's own fields). */
function jsErrorText(err) {
    const e = err;
    return typeof e.description === 'string' ? e.description : String(e.message ?? err);
}
/** meriyah reports a 1-based line and a 0-based column; a stack overflow on deep nesting has no location. */
function jsErrorLocation(err) {
    const start = err.loc?.start;
    return typeof start?.line === 'number' && typeof start.column === 'number' ? { line: start.line, column: start.column + 1 } : {};
}
/**
 * Scans JavaScript with meriyah (a real ECMAScript parser) for `@huggingface/transformers` loaders:
 * `pipeline(task, 'org/model', { revision })` and `X.from_pretrained('org/model', { revision })`.
 * TypeScript and JSX are not parsed (standard JavaScript only). Not acorn: its scopes keep declared names in arrays
 * searched per declaration, so a file of n top-level declarations (a bundler's output has thousands) costs n².
 */
const jsSourceParser = {
    id: '*.js',
    ecosystem: 'Hugging Face',
    scanner: true,
    fileNames: ['*.js', '*.mjs', '*.cjs'],
    parse(text, path) {
        const packages = [];
        if (!(0,_triggers_js__WEBPACK_IMPORTED_MODULE_3__/* .mayLoadFromHubInJs */ .HN)(text))
            return (0,_reference_package_js__WEBPACK_IMPORTED_MODULE_4__/* .referenceInventory */ .I0)(path, '*.js', 'Hugging Face', packages);
        let program;
        // Locations only (no ranges): the AST of a large bundle is a third smaller, and lines are all a finding needs.
        const base = { next: true, loc: true };
        try {
            program = (0,meriyah__WEBPACK_IMPORTED_MODULE_0__/* .parseModule */ .Y$)(text, base);
        }
        catch {
            try {
                program = (0,meriyah__WEBPACK_IMPORTED_MODULE_0__/* .parseScript */ .tl)(text, { ...base, globalReturn: true });
            }
            catch (err) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(path, `invalid JavaScript: ${jsErrorText(err)}`, jsErrorLocation(err), { cause: err });
            }
        }
        for (const node of callExpressions(program)) {
            if (!isNode(node.callee))
                continue;
            const callee = node.callee;
            const name = callee.type === 'Identifier'
                ? callee.name
                : callee.type === 'MemberExpression' && isNode(callee.property) && callee.property.type === 'Identifier'
                    ? callee.property.name
                    : undefined;
            const args = node.arguments;
            let idNode;
            let opts;
            if (name === 'pipeline') {
                idNode = args[1];
                opts = args[2];
            }
            else if (name === 'from_pretrained') {
                idNode = args[0];
                opts = args[1];
            }
            else {
                continue;
            }
            const id = stringLiteral(idNode);
            if (!idNode || id === undefined || !(0,_hub_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isHubId */ .Pp)(id))
                continue;
            const { revision, trust } = options(opts);
            packages.push((0,_hub_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .hubPackage */ .K0)({
                id,
                kind: 'model',
                ...(revision !== undefined ? { revision } : {}),
                ...(trust ? { trustRemoteCode: true } : {}),
                file: path,
                line: idNode.loc?.start.line ?? 1,
                via: name,
            }));
        }
        return (0,_reference_package_js__WEBPACK_IMPORTED_MODULE_4__/* .referenceInventory */ .I0)(path, '*.js', 'Hugging Face', packages);
    },
};
//# sourceMappingURL=js-source.js.map

/***/ })

};
