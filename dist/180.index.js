export const id = 180;
export const ids = [180];
export const modules = {

/***/ 28180:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gitlabCiFileParser: () => (/* binding */ gitlabCiFileParser)
});

// EXTERNAL MODULE: ./packages/core/dist/parse/yaml.js
var yaml = __webpack_require__(68391);
// EXTERNAL MODULE: ./packages/core/dist/parse/yaml-nodes.js
var yaml_nodes = __webpack_require__(92387);
// EXTERNAL MODULE: ./packages/core/dist/ecosystems/docker/image-reference.js
var image_reference = __webpack_require__(74186);
// EXTERNAL MODULE: ./packages/core/dist/ecosystems/reference-package.js
var reference_package = __webpack_require__(48798);
// EXTERNAL MODULE: ./packages/core/dist/model/purl.js
var purl = __webpack_require__(56819);
;// CONCATENATED MODULE: ./packages/core/dist/ecosystems/gitlab-ci/include-reference.js


/**
 * An `include:project` (with `ref`) or `include:component` as a package. The purl spec has no GitLab type;
 * lockwarden writes `pkg:gitlab/<group>/<project>@<ref>` (components: the component name as subpath), which
 * keeps the project path intact. Pinned means a 40-hex commit SHA.
 */
function projectIncludePackage(project, ref, file, line, via) {
    const segments = project.replace(/^\/+|\/+$/g, '').split('/');
    const name = segments.pop() ?? project;
    return (0,reference_package/* referencePackage */.Qk)({
        ecosystem: 'GitLab CI',
        name: project,
        version: ref ?? '',
        purl: (0,purl/* buildPurl */.Eq)('gitlab', segments.join('/') || undefined, name, ref),
        file,
        line,
        reference: { kind: 'include', pinned: (0,reference_package/* isCommitSha */._$)(ref), via, ...(ref ? { ref } : {}) },
    });
}
/** `include:component: <host>/<group>/<project>/<component>@<version>` (the version may be a SHA, a tag, `~latest`). */
function componentIncludePackage(component, file, line) {
    const at = component.lastIndexOf('@');
    const path = at >= 0 ? component.slice(0, at) : component;
    const ref = at >= 0 ? component.slice(at + 1) : undefined;
    const parts = path.split('/');
    if (parts.length < 4)
        return undefined;
    // The first segment is the instance host ($CI_SERVER_FQDN), the last the component; in between the project.
    const componentName = parts.pop();
    const project = parts.slice(1).join('/');
    const pkg = projectIncludePackage(project, ref, file, line, 'include:component');
    const segments = project.split('/');
    const name = segments.pop();
    pkg.purl = (0,purl/* buildPurl */.Eq)('gitlab', segments.join('/') || undefined, name, ref, undefined, componentName);
    pkg.name = `${project}/${componentName}`;
    pkg.id = `${file}:${line}:${pkg.name}`;
    return pkg;
}
/** `include:remote`: a URL; pinned only with an `integrity` hash (GitLab 17.9+). */
function remoteIncludePackage(url, integrity, file, line) {
    const pkg = (0,reference_package/* referencePackage */.Qk)({
        ecosystem: 'GitLab CI',
        name: url,
        version: '',
        purl: (0,purl/* buildPurl */.Eq)('generic', undefined, url.split('/').pop() || 'include', undefined, { download_url: url }),
        file,
        line,
        reference: { kind: 'include', pinned: integrity !== undefined, via: 'include:remote' },
    });
    const m = integrity ? /^sha256-(.+)$/.exec(integrity) : null;
    if (m?.[1])
        pkg.integrity = [{ algorithm: 'sha256', value: Buffer.from(m[1], 'base64').toString('hex') }];
    return pkg;
}
//# sourceMappingURL=include-reference.js.map
;// CONCATENATED MODULE: ./packages/core/dist/ecosystems/gitlab-ci/gitlab-ci-file.js





/** Keys of `.gitlab-ci.yml` that are not jobs but may hold `image`/`services` (the `default` section). */
const GLOBAL_KEYS = new Set(['default']);
function imageOf(node, lines, file, via) {
    const image = (0,yaml_nodes/* stringAt */.bX)(node, lines) ?? (0,yaml_nodes/* stringAt */.bX)((0,yaml_nodes/* mapGet */.ZX)(node, 'name'), lines);
    // CI variables are resolved only when the pipeline runs.
    if (!image || image.value.includes('$'))
        return undefined;
    return (0,image_reference/* imagePackage */.YU)(image.value, file, image.line, via);
}
function includes(node, lines, file, out) {
    const entries = (0,yaml_nodes/* seqItems */.Sg)(node).length > 0 ? (0,yaml_nodes/* seqItems */.Sg)(node) : node ? [node] : [];
    for (const entry of entries) {
        const bare = (0,yaml_nodes/* stringAt */.bX)(entry, lines);
        if (bare) {
            // A bare string is a local file, or a remote URL when it has a scheme.
            if (/^https?:\/\//.test(bare.value))
                out.push(remoteIncludePackage(bare.value, undefined, file, bare.line));
            continue;
        }
        const project = (0,yaml_nodes/* stringAt */.bX)((0,yaml_nodes/* mapGet */.ZX)(entry, 'project'), lines);
        if (project) {
            const ref = (0,yaml_nodes/* stringAt */.bX)((0,yaml_nodes/* mapGet */.ZX)(entry, 'ref'), lines)?.value;
            out.push(projectIncludePackage(project.value, ref, file, project.line, 'include:project'));
            continue;
        }
        const component = (0,yaml_nodes/* stringAt */.bX)((0,yaml_nodes/* mapGet */.ZX)(entry, 'component'), lines);
        if (component) {
            const pkg = componentIncludePackage(component.value, file, component.line);
            if (pkg)
                out.push(pkg);
            continue;
        }
        const remote = (0,yaml_nodes/* stringAt */.bX)((0,yaml_nodes/* mapGet */.ZX)(entry, 'remote'), lines);
        if (remote) {
            out.push(remoteIncludePackage(remote.value, (0,yaml_nodes/* stringAt */.bX)((0,yaml_nodes/* mapGet */.ZX)(entry, 'integrity'), lines)?.value, file, remote.line));
        }
        // `local` and `template` includes are this repository's files and GitLab's own templates.
    }
}
/**
 * `.gitlab-ci.yml`: `include:` of projects, components and remote files, and `image`/`services` at the top level,
 * under `default` and in every job.
 */
const gitlabCiFileParser = {
    id: '.gitlab-ci.yml',
    ecosystem: 'GitLab CI',
    scanner: true,
    fileNames: ['.gitlab-ci.yml', '.gitlab-ci.yaml'],
    parse(text, path) {
        const { doc, lines } = (0,yaml.parseYaml)(text, path);
        const packages = [];
        includes((0,yaml_nodes/* mapGet */.ZX)(doc.contents, 'include'), lines, path, packages);
        const scopes = [doc.contents];
        for (const [key, value] of (0,yaml_nodes/* mapEntries */.Nn)(doc.contents)) {
            if (GLOBAL_KEYS.has(key) || !['include', 'variables', 'stages', 'workflow'].includes(key))
                scopes.push(value);
        }
        for (const scope of scopes) {
            const image = imageOf((0,yaml_nodes/* mapGet */.ZX)(scope, 'image'), lines, path, 'image');
            if (image)
                packages.push(image);
            for (const service of (0,yaml_nodes/* seqItems */.Sg)((0,yaml_nodes/* mapGet */.ZX)(scope, 'services'))) {
                const pkg = imageOf(service, lines, path, 'services');
                if (pkg)
                    packages.push(pkg);
            }
        }
        return (0,reference_package/* referenceInventory */.I0)(path, '.gitlab-ci.yml', 'GitLab CI', packages);
    },
};
//# sourceMappingURL=gitlab-ci-file.js.map

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
