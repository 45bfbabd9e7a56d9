export const id = 125;
export const ids = [125];
export const modules = {

/***/ 8596:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ mavenPackage)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71403);
/* harmony import */ var _model_purl_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56819);


/** A Maven package as every Maven-family parser reports it: name `group:artifact`, purl `pkg:maven/group/artifact@v`. */
function mavenPackage(input) {
    const name = `${input.group}:${input.artifact}`;
    let purl;
    try {
        purl = (0,_model_purl_js__WEBPACK_IMPORTED_MODULE_1__/* .buildPurl */ .Eq)('maven', input.group, input.artifact, input.version);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(input.location.file, `"${name}" is not a valid Maven coordinate`, input.location, { cause: err });
    }
    return {
        id: `${name}@${input.version}`,
        ecosystem: 'Maven',
        name,
        version: input.version,
        purl,
        direct: input.direct,
        scopes: input.scopes,
        integrity: [],
        source: { kind: 'registry' },
        location: input.location,
    };
}
//# sourceMappingURL=maven-package.js.map

/***/ }),

/***/ 16125:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pomXmlParser: () => (/* binding */ pomXmlParser)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/xmlparser/XMLParser.js + 26 modules
var XMLParser = __webpack_require__(69658);
// EXTERNAL MODULE: ./node_modules/fast-xml-parser/src/validator.js
var validator = __webpack_require__(61176);
;// CONCATENATED MODULE: ./node_modules/fast-xml-parser/src/fxp.js






const XMLValidator = {
  validate: validator/* validate */.t
}

// EXTERNAL MODULE: ./packages/core/dist/errors.js
var errors = __webpack_require__(71403);
// EXTERNAL MODULE: ./packages/core/dist/parse/json.js + 1 modules
var json = __webpack_require__(76702);
// EXTERNAL MODULE: ./packages/core/dist/parse/line-index.js
var line_index = __webpack_require__(86787);
// EXTERNAL MODULE: ./packages/core/dist/ecosystems/maven/maven-package.js
var maven_package = __webpack_require__(8596);
;// CONCATENATED MODULE: ./packages/core/dist/ecosystems/maven/pom-xml.js






/** Local parent POMs followed at most; Maven's own chains are a handful deep. */
const MAX_PARENT_DEPTH = 16;
/** `${a}` -> `${b}` -> ... chains resolved at most; a cycle stops here and stays unresolved. */
const MAX_INTERPOLATION_DEPTH = 16;
/** POMs are a few levels deep; far deeper nesting is hostile input. */
const MAX_NESTED_TAGS = 200;
/** Built on first use, so importing the parser registry constructs nothing. */
let xmlParser;
function pomParser() {
    xmlParser ??= new XMLParser/* default */.A({
        ignoreAttributes: true,
        // Versions such as 1.10 must stay text.
        parseTagValue: false,
        trimValues: true,
        captureMetaData: true,
        maxNestedTags: MAX_NESTED_TAGS,
        // Callbacks get the bare tag name; building a path string per tag would triple the parse time.
        jPath: false,
        isArray: (name) => name === 'dependency' || name === 'profile',
    });
    return xmlParser;
}
const META = XMLParser/* default */.A.getMetaDataSymbol();
function isNode(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function child(node, name) {
    return isNode(node) && Object.prototype.hasOwnProperty.call(node, name) ? node[name] : undefined;
}
/** The text of a leaf element (`<version>1.0</version>`), or "" when absent or not a leaf. */
function pom_xml_text(node, name) {
    const value = child(node, name);
    if (typeof value === 'string')
        return value;
    if (isNode(value) && typeof value['#text'] === 'string')
        return value['#text'];
    return '';
}
function list(node, name) {
    const value = child(node, name);
    return Array.isArray(value) ? value : [];
}
/** Parses one POM's text into the parts of its model lockwarden reads; throws ParseError with line and column. */
function readPom(raw, file) {
    if (raw.length > json/* MAX_LOCKFILE_BYTES */.hP)
        throw new errors/* ParseError */.mB(file, `file is larger than ${json/* MAX_LOCKFILE_BYTES */.hP} bytes`);
    const source = (0,json/* stripBom */.F8)(raw);
    // A POM never needs a DTD; refusing one rules out entity expansion (billion laughs) and external entities (XXE).
    const doctype = source.search(/<!DOCTYPE/i);
    if (doctype >= 0) {
        throw new errors/* ParseError */.mB(file, 'DOCTYPE declarations are not allowed in a POM', new line_index/* LineIndex */.r(source).position(doctype));
    }
    const valid = XMLValidator.validate(source);
    if (valid !== true) {
        throw new errors/* ParseError */.mB(file, `invalid XML: ${valid.err.msg}`, { line: valid.err.line, column: valid.err.col });
    }
    let document;
    try {
        document = pomParser().parse(source);
    }
    catch (err) {
        throw new errors/* ParseError */.mB(file, `invalid XML: ${err instanceof Error ? err.message : String(err)}`, {}, { cause: err });
    }
    const project = child(document, 'project');
    if (!isNode(project) && project !== '') {
        throw new errors/* ParseError */.mB(file, 'not a Maven POM: no <project> root element');
    }
    const lines = new line_index/* LineIndex */.r(source);
    const lineOf = (node) => {
        const meta = isNode(node) ? node[META] : undefined;
        return meta?.startIndex === undefined ? undefined : lines.line(meta.startIndex);
    };
    const dependenciesOf = (container) => list(child(container, 'dependencies'), 'dependency').map((d) => ({
        group: pom_xml_text(d, 'groupId'),
        artifact: pom_xml_text(d, 'artifactId'),
        version: pom_xml_text(d, 'version'),
        scope: pom_xml_text(d, 'scope'),
        optional: pom_xml_text(d, 'optional') === 'true',
        file,
        line: lineOf(d),
    }));
    const properties = new Map();
    const readProperties = (container) => {
        const props = child(container, 'properties');
        if (!isNode(props))
            return;
        for (const key of Object.keys(props)) {
            if (key.startsWith('#'))
                continue;
            const value = props[key];
            properties.set(key, typeof value === 'string' ? value : pom_xml_text(props, key));
        }
    };
    readProperties(project);
    const dependencies = dependenciesOf(project);
    const management = dependenciesOf(child(project, 'dependencyManagement'));
    // Profiles active by default take part in every build that does not name profiles; others need a flag.
    for (const profile of list(child(project, 'profiles'), 'profile')) {
        if (pom_xml_text(child(profile, 'activation'), 'activeByDefault') !== 'true')
            continue;
        readProperties(profile);
        dependencies.push(...dependenciesOf(profile));
        management.push(...dependenciesOf(child(profile, 'dependencyManagement')));
    }
    const parentNode = child(project, 'parent');
    const parent = isNode(parentNode)
        ? {
            group: pom_xml_text(parentNode, 'groupId'),
            artifact: pom_xml_text(parentNode, 'artifactId'),
            version: pom_xml_text(parentNode, 'version'),
            relativePath: child(parentNode, 'relativePath') === undefined ? undefined : pom_xml_text(parentNode, 'relativePath'),
        }
        : undefined;
    return {
        file,
        properties,
        dependencies,
        management,
        parent,
        group: pom_xml_text(project, 'groupId') || parent?.group || '',
        artifact: pom_xml_text(project, 'artifactId'),
        version: pom_xml_text(project, 'version') || parent?.version || '',
    };
}
/**
 * Follows `<parent><relativePath>` (default `../pom.xml`) through `readRelated`, as Maven does before it looks in
 * a repository: the local POM is used only when its coordinates match the declared parent. No network.
 */
function readParentChain(child, relativeDir, path, context) {
    const chain = [];
    const seen = new Set();
    let current = child;
    let dir = relativeDir;
    while (current.parent && context?.readRelated && chain.length < MAX_PARENT_DEPTH) {
        const declared = current.parent;
        // An empty <relativePath/> tells Maven to skip the local lookup.
        if (declared.relativePath === '')
            break;
        let target = external_node_path_.posix.join(dir, declared.relativePath ?? '../pom.xml');
        if (!target.endsWith('.xml'))
            target = external_node_path_.posix.join(target, 'pom.xml');
        if (seen.has(target))
            break;
        seen.add(target);
        const raw = context.readRelated(target);
        if (raw === undefined)
            break;
        const parent = readPom(raw, external_node_path_.posix.join(external_node_path_.posix.dirname(path), target));
        const matches = parent.group === declared.group &&
            parent.artifact === declared.artifact &&
            (declared.version === '' || declared.version.includes('${') || parent.version === declared.version);
        if (!matches)
            break;
        chain.push(parent);
        current = parent;
        dir = external_node_path_.posix.dirname(target);
    }
    return chain;
}
function interpolate(value, properties) {
    let out = value;
    for (let i = 0; i < MAX_INTERPOLATION_DEPTH && out.includes('${'); i++) {
        const next = out.replace(/\$\{([^}]*)\}/g, (whole, key) => properties.get(key) ?? whole);
        if (next === out)
            break;
        out = next;
    }
    return out;
}
/**
 * The version a declaration pins. A range (`[1.2,2.0)`) pins nothing, so its lower bound stands in, as the peer
 * extractor does; an unresolved property gives "" (unknown) rather than a made-up version.
 */
function pinnedVersion(version) {
    if (version.includes('${'))
        return '';
    const trimmed = version.trim();
    if (trimmed.startsWith('[') || trimmed.startsWith('(')) {
        const first = trimmed.slice(1).split(',')[0] ?? '';
        return first.replace(/[\])]$/, '').trim();
    }
    return trimmed;
}
function scopesFor(scope, optional) {
    const scopes = scope === '' || scope === 'compile' ? [] : [scope];
    if (optional)
        scopes.push('optional');
    return scopes;
}
/**
 * `pom.xml`: the dependencies a project declares (its own, active-by-default profiles', and those inherited from
 * local parent POMs), with `${property}` interpolation and versions filled from `<dependencyManagement>`. It is
 * a manifest, not a lock: transitive dependencies and imported BOMs need a repository and are not resolved.
 */
const pomXmlParser = {
    id: 'pom.xml',
    ecosystem: 'Maven',
    fileNames: ['pom.xml'],
    conformance: ['java/pomxml'],
    parse(text, path, context) {
        const root = readPom(text, path);
        const chain = [root, ...readParentChain(root, '.', path, context)];
        // Nearer POMs win: properties and managed versions of a child override its parents'.
        const properties = new Map();
        for (const pom of [...chain].reverse()) {
            for (const [key, value] of pom.properties)
                properties.set(key, value);
        }
        const [, firstParent] = chain;
        const builtins = [
            ['project.groupId', root.group],
            ['project.artifactId', root.artifact],
            ['project.version', root.version],
            ['pom.groupId', root.group],
            ['pom.artifactId', root.artifact],
            ['pom.version', root.version],
            ['version', root.version],
            ['project.parent.groupId', root.parent?.group ?? firstParent?.group ?? ''],
            ['project.parent.artifactId', root.parent?.artifact ?? firstParent?.artifact ?? ''],
            ['project.parent.version', root.parent?.version ?? firstParent?.version ?? ''],
        ];
        for (const [key, value] of builtins)
            if (value !== '' && !properties.has(key))
                properties.set(key, value);
        const resolve = (d) => ({
            ...d,
            group: interpolate(d.group, properties).trim(),
            artifact: interpolate(d.artifact, properties).trim(),
            version: interpolate(d.version, properties).trim(),
            scope: interpolate(d.scope, properties).trim(),
        });
        const managed = new Map();
        for (const pom of chain) {
            for (const m of pom.management.map(resolve)) {
                const key = `${m.group}:${m.artifact}`;
                if (m.scope !== 'import' && !managed.has(key))
                    managed.set(key, m);
            }
        }
        const packages = [];
        const seen = new Set();
        for (const pom of chain) {
            for (const declared of pom.dependencies.map(resolve)) {
                // Without both coordinates there is no package to name.
                if (declared.group === '' || declared.artifact === '')
                    continue;
                const key = `${declared.group}:${declared.artifact}`;
                // One package per group:artifact; the first declaration (the child's, then the file's order) wins.
                if (seen.has(key))
                    continue;
                seen.add(key);
                const management = managed.get(key);
                const version = pinnedVersion(declared.version || management?.version || '');
                packages.push((0,maven_package/* mavenPackage */.m)({
                    group: declared.group,
                    artifact: declared.artifact,
                    version,
                    direct: true,
                    scopes: scopesFor(declared.scope || management?.scope || '', declared.optional),
                    location: declared.line === undefined ? { file: declared.file } : { file: declared.file, line: declared.line },
                }));
            }
        }
        return { lockfile: path, format: 'pom.xml', ecosystem: 'Maven', packages, projects: [] };
    },
};
//# sourceMappingURL=pom-xml.js.map

/***/ })

};
