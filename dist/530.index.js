export const id = 530;
export const ids = [530];
export const modules = {

/***/ 59530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeSbom: () => (/* binding */ writeSbom)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _lockwarden_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79989);



/**
 * Writes the CycloneDX SBOM of the head lockfiles (loaded on demand: most runs do not ask for one, and the
 * CycloneDX library is the heaviest part of the bundle). SOURCE_DATE_EPOCH makes it reproducible.
 */
async function writeSbom(path, inventories, toolVersion) {
    const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const root = await (0,_lockwarden_core__WEBPACK_IMPORTED_MODULE_2__/* .readRootProject */ .it4)((rel) => {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, rel), 'utf8');
        }
        catch {
            return undefined;
        }
    });
    const text = (0,_lockwarden_core__WEBPACK_IMPORTED_MODULE_2__/* .generateSbom */ .N3c)(inventories, {
        toolVersion,
        root,
        rootDir: cwd,
        sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
    });
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, path);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(full), { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(full, text);
}


/***/ })

};
