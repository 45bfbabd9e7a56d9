export const id = 73;
export const ids = [73];
export const modules = {

/***/ 16073:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gradleLockfileParser: () => (/* binding */ gradleLockfileParser)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71403);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76702);
/* harmony import */ var _maven_package_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8596);



/** Configurations that only feed tests; a dependency locked only in these is a test dependency. */
function isTestConfiguration(name) {
    return /^test[A-Z]/.test(name) || name === 'test' || /^(integrationTest|functionalTest)/.test(name);
}
/** Configurations that only matter while building (annotation processors, dev-only tooling). */
function isBuildOnlyConfiguration(name) {
    return /(^a|A)nnotationProcessor$/.test(name) || /^kapt/.test(name) || name === 'developmentOnly' || /^ksp/.test(name);
}
/** Offset of the first control character (other than tab/CR) or U+FFFD (undecodable bytes), or -1. */
function binaryOffset(line) {
    for (let i = 0; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if ((c < 0x20 && c !== 0x09 && c !== 0x0d) || c === 0xfffd)
            return i;
    }
    return -1;
}
function scopesFor(configurations) {
    if (configurations.length === 0)
        return [];
    if (configurations.every(isTestConfiguration))
        return ['test'];
    if (configurations.every((c) => isTestConfiguration(c) || isBuildOnlyConfiguration(c)))
        return ['dev'];
    return [];
}
/**
 * Gradle's dependency lock state (`gradle.lockfile`, `gradle/dependency-locks/*.lockfile`): one
 * `group:artifact:version=configuration,...` line per module. Lines that are not coordinates are skipped, as
 * Gradle and the peer extractor do (`empty=` lists configurations without dependencies); binary content is
 * rejected so a misdetected file is not read as "no dependencies".
 */
const gradleLockfileParser = {
    id: 'gradle.lockfile',
    ecosystem: 'Maven',
    fileNames: ['gradle.lockfile', 'buildscript-gradle.lockfile'],
    conformance: ['java/gradlelockfile'],
    parse(text, path) {
        const lines = (0,_parse_json_js__WEBPACK_IMPORTED_MODULE_1__/* .stripBom */ .F8)(text).split('\n');
        const packages = [];
        lines.forEach((raw, index) => {
            const line = raw.trim();
            const binary = binaryOffset(raw);
            if (binary >= 0) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(path, 'binary content in a Gradle lockfile', { line: index + 1, column: binary + 1 });
            }
            if (line === '' || line.startsWith('#'))
                return;
            const eq = line.indexOf('=');
            const coordinates = eq >= 0 ? line.slice(0, eq) : line;
            const parts = coordinates.split(':');
            if (parts.length !== 3 || parts.some((p) => p === '' || /\s/.test(p)))
                return;
            const [group, artifact, version] = parts;
            const configurations = eq >= 0 ? line.slice(eq + 1).split(',').filter((c) => c !== '') : [];
            packages.push((0,_maven_package_js__WEBPACK_IMPORTED_MODULE_2__/* .mavenPackage */ .m)({
                group,
                artifact,
                version,
                // The lock state does not say which modules the build script declares.
                direct: false,
                scopes: scopesFor(configurations),
                location: { file: path, line: index + 1 },
            }));
        });
        return { lockfile: path, format: 'gradle.lockfile', ecosystem: 'Maven', packages, projects: [] };
    },
};
//# sourceMappingURL=gradle-lockfile.js.map

/***/ }),

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

/***/ })

};
