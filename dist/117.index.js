export const id = 117;
export const ids = [117];
export const modules = {

/***/ 1117:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pyprojectTomlParser: () => (/* binding */ pyprojectTomlParser),
  readPyprojectDependencies: () => (/* binding */ readPyprojectDependencies)
});

// EXTERNAL MODULE: ./packages/core/dist/ecosystems/pypi/package-name.js
var package_name = __webpack_require__(63159);
// EXTERNAL MODULE: ./packages/core/dist/ecosystems/pypi/requirement-spec.js
var requirement_spec = __webpack_require__(34066);
// EXTERNAL MODULE: ./packages/core/dist/parse/line-index.js
var line_index = __webpack_require__(86787);
;// CONCATENATED MODULE: ./packages/core/dist/ecosystems/pypi/source-lines.js

/**
 * Finds where values sit in a TOML file for `location.line`. smol-toml gives values without positions, so this
 * searches the text: for a quoted string or a `key =` line after a table header. Best effort: a miss leaves the
 * line out, it never points at a wrong section.
 */
class SourceLines {
    text;
    index;
    taken = new Set();
    sections = new Map();
    constructor(text) {
        this.text = text;
        this.index = new line_index/* LineIndex */.r(text);
    }
    /**
     * Offset just after the `[header]` line (dotted keys may be quoted or spaced), or `undefined`. Lines are read
     * by hand, not matched by a pattern built from the keys: keys are data, and a 40,000-character key compiled
     * into a regex is "regular expression too large".
     */
    headerOffset(path, arrayOfTables = false) {
        for (let start = 0; start < this.text.length;) {
            const newline = this.text.indexOf('\n', start);
            const end = newline < 0 ? this.text.length : newline;
            const keys = headerKeys(this.text.slice(start, end), arrayOfTables);
            if (keys !== undefined && keys.length === path.length && keys.every((k, i) => k === path[i]))
                return end;
            start = end + 1;
        }
        return undefined;
    }
    /**
     * Offset of the first not-yet-used occurrence of `"value"` or `'value'` at or after `from` (marked used), or
     * `undefined`. A caller walking an array passes the last offset back, so the array is one pass, not one per item.
     */
    quotedOffset(value, from = 0) {
        for (const q of ['"', "'"]) {
            let at = this.text.indexOf(`${q}${value}${q}`, from);
            while (at >= 0 && this.taken.has(at))
                at = this.text.indexOf(`${q}${value}${q}`, at + 1);
            if (at >= 0) {
                this.taken.add(at);
                return at;
            }
        }
        return undefined;
    }
    /** 1-based line of an offset. */
    line(offset) {
        return this.index.line(offset);
    }
    /** Line of `key =` (bare or quoted key) at the start of a line, searching from `from` up to the next header. */
    key(key, from) {
        let section = this.sections.get(from);
        if (section === undefined) {
            section = this.indexSection(from);
            this.sections.set(from, section);
        }
        const offset = section.get(key);
        return offset === undefined ? undefined : this.index.line(offset);
    }
    /**
     * The first offset of each `key =` line from `from` to the next header, built once per section so that looking
     * up every dependency of a section is one pass over it, not one pass per dependency.
     */
    indexSection(from) {
        const keys = new Map();
        for (let start = from; start < this.text.length;) {
            const newline = this.text.indexOf('\n', start);
            const end = newline < 0 ? this.text.length : newline;
            let p = start;
            while (p < end && (this.text[p] === ' ' || this.text[p] === '\t'))
                p++;
            if (this.text[p] === '[')
                break;
            const key = leadingKey(this.text, p, end);
            if (key !== undefined && !keys.has(key))
                keys.set(key, start);
            start = end + 1;
        }
        return keys;
    }
}
/** The keys of a `[a."b".c]` (or `[[...]]`) header line, or `undefined` when the line is not one. */
function headerKeys(line, arrayOfTables) {
    const open = arrayOfTables ? '[[' : '[';
    const close = arrayOfTables ? ']]' : ']';
    let p = 0;
    while (line[p] === ' ' || line[p] === '\t')
        p++;
    if (!line.startsWith(open, p) || (!arrayOfTables && line[p + 1] === '['))
        return undefined;
    p += open.length;
    const keys = [];
    for (;;) {
        while (line[p] === ' ' || line[p] === '\t')
            p++;
        const quote = line[p];
        let key;
        if (quote === '"' || quote === "'") {
            const endQuote = line.indexOf(quote, p + 1);
            if (endQuote < 0)
                return undefined;
            key = line.slice(p + 1, endQuote);
            p = endQuote + 1;
        }
        else {
            const startKey = p;
            while (p < line.length && /[A-Za-z0-9_-]/.test(line[p]))
                p++;
            if (p === startKey)
                return undefined;
            key = line.slice(startKey, p);
        }
        keys.push(key);
        while (line[p] === ' ' || line[p] === '\t')
            p++;
        if (line[p] === '.') {
            p++;
            continue;
        }
        if (!line.startsWith(close, p))
            return undefined;
        p += close.length;
        break;
    }
    const rest = line.slice(p).replace(/\r$/, '').trim();
    return rest === '' || rest.startsWith('#') ? keys : undefined;
}
/** The bare or quoted key that a `key =` line starts with at `p`, or `undefined`. */
function leadingKey(text, p, end) {
    let key;
    let q = p;
    const quote = text[p];
    if (quote === '"' || quote === "'") {
        const endQuote = text.indexOf(quote, p + 1);
        if (endQuote < 0 || endQuote >= end)
            return undefined;
        key = text.slice(p + 1, endQuote);
        q = endQuote + 1;
    }
    else {
        while (q < end && text[q] !== '=' && text[q] !== ' ' && text[q] !== '\t')
            q++;
        if (q === p)
            return undefined;
        key = text.slice(p, q);
    }
    while (q < end && (text[q] === ' ' || text[q] === '\t'))
        q++;
    return text[q] === '=' ? key : undefined;
}
//# sourceMappingURL=source-lines.js.map
// EXTERNAL MODULE: ./packages/core/dist/parse/toml.js + 9 modules
var toml = __webpack_require__(26331);
// EXTERNAL MODULE: ./packages/core/dist/model/purl.js
var purl = __webpack_require__(56819);
;// CONCATENATED MODULE: ./packages/core/dist/ecosystems/pypi/pyproject-toml.js





function declare(c, name, specifier, scopes, line) {
    const dep = {
        ecosystem: 'PyPI',
        name,
        specifier,
        purl: (0,purl/* atEntry */.Mv)(c.file, line, () => (0,package_name/* pypiPurl */.i)(name, '')),
        scopes,
        location: line === undefined ? { file: c.file } : { file: c.file, line },
    };
    c.out.push(dep);
}
/** PEP 508 strings (`[project].dependencies`, optional-dependencies, PEP 735 groups, PDM dev groups). */
function pep508List(c, list, scopes, from) {
    // Items are searched for after the one before them: from the section's start each time was quadratic.
    let cursor = from;
    for (const item of (0,toml.tomlArray)(list)) {
        // PEP 735 `{ include-group = "x" }` entries repeat another group, whose own entries are declared already.
        if (typeof item !== 'string')
            continue;
        const req = (0,requirement_spec/* parseRequirement */.p)(item);
        if (!req)
            continue;
        const at = c.lines.quotedOffset(item, cursor);
        if (at !== undefined)
            cursor = at + 1;
        declare(c, req.name, req.url ?? req.specifier, scopes, at === undefined ? undefined : c.lines.line(at));
    }
}
/** Poetry's `name = "^1.2"` / `{ version = "...", optional = true }` / `{ git = "..." }` / arrays of those. */
function poetryTable(c, table, scopes, headerPath) {
    if (!table)
        return;
    const from = c.lines.headerOffset(headerPath) ?? 0;
    for (const [name, value] of Object.entries(table)) {
        if (name.toLowerCase() === 'python')
            continue; // the interpreter constraint, not a package
        const line = c.lines.key(name, from);
        const variants = Array.isArray(value) ? value : [value];
        for (const variant of variants) {
            if (typeof variant === 'string') {
                declare(c, name, variant, scopes, line);
                continue;
            }
            const spec = (0,toml.tomlTable)(variant);
            if (!spec)
                continue;
            const specifier = poetrySpecifier(spec);
            const optional = spec.optional === true && !scopes.includes('optional') ? [...scopes, 'optional'] : scopes;
            declare(c, name, specifier, optional, line);
        }
    }
}
function poetrySpecifier(spec) {
    const git = (0,toml.tomlString)(spec.git);
    if (git !== undefined) {
        const ref = (0,toml.tomlString)(spec.rev) ?? (0,toml.tomlString)(spec.tag) ?? (0,toml.tomlString)(spec.branch);
        return ref === undefined ? `git+${git}` : `git+${git}@${ref}`;
    }
    return (0,toml.tomlString)(spec.version) ?? (0,toml.tomlString)(spec.url) ?? (0,toml.tomlString)(spec.path) ?? (0,toml.tomlString)(spec.file) ?? '';
}
/**
 * The dependencies a `pyproject.toml` declares: PEP 621 `[project]` dependencies (scope `[]`) and
 * optional-dependencies (scope: the extra's name), PEP 735 `[dependency-groups]` (the group's name), Poetry's
 * `[tool.poetry.dependencies]`, `dev-dependencies` (`dev`) and `[tool.poetry.group.<g>.dependencies]` (`<g>`),
 * PDM's `[tool.pdm.dev-dependencies]` and uv's `[tool.uv] dev-dependencies`. Optional Poetry dependencies also get
 * `optional`. Malformed TOML is a `ParseError` with line and column.
 */
function readPyprojectDependencies(text, file) {
    const doc = (0,toml.parseTomlDocument)(text, file);
    const c = { file, lines: new SourceLines(text), out: [] };
    const project = (0,toml.tomlTable)(doc.project);
    if (project) {
        pep508List(c, project.dependencies, [], c.lines.headerOffset(['project']) ?? 0);
        const optional = (0,toml.tomlTable)(project['optional-dependencies']);
        const from = c.lines.headerOffset(['project', 'optional-dependencies']) ?? 0;
        for (const [extra, list] of Object.entries(optional ?? {}))
            pep508List(c, list, [extra], from);
    }
    const groups = (0,toml.tomlTable)(doc['dependency-groups']);
    const groupsFrom = c.lines.headerOffset(['dependency-groups']) ?? 0;
    for (const [group, list] of Object.entries(groups ?? {}))
        pep508List(c, list, [group], groupsFrom);
    const tool = (0,toml.tomlTable)(doc.tool);
    const poetry = (0,toml.tomlTable)(tool?.poetry);
    if (poetry) {
        poetryTable(c, (0,toml.tomlTable)(poetry.dependencies), [], ['tool', 'poetry', 'dependencies']);
        poetryTable(c, (0,toml.tomlTable)(poetry['dev-dependencies']), ['dev'], ['tool', 'poetry', 'dev-dependencies']);
        for (const [group, body] of Object.entries((0,toml.tomlTable)(poetry.group) ?? {})) {
            poetryTable(c, (0,toml.tomlTable)((0,toml.tomlTable)(body)?.dependencies), [group], ['tool', 'poetry', 'group', group, 'dependencies']);
        }
    }
    const pdmDev = (0,toml.tomlTable)((0,toml.tomlTable)(tool?.pdm)?.['dev-dependencies']);
    const pdmFrom = c.lines.headerOffset(['tool', 'pdm', 'dev-dependencies']) ?? 0;
    for (const [group, list] of Object.entries(pdmDev ?? {}))
        pep508List(c, list, [group], pdmFrom);
    const uv = (0,toml.tomlTable)(tool?.uv);
    if (uv)
        pep508List(c, uv['dev-dependencies'], ['dev'], c.lines.headerOffset(['tool', 'uv']) ?? 0);
    return c.out;
}
/** `pyproject.toml` as a manifest (PEP 621, PEP 735, Poetry, PDM and uv tables). */
const pyprojectTomlParser = {
    id: 'pyproject.toml',
    ecosystem: 'PyPI',
    fileNames: ['pyproject.toml'],
    parse: readPyprojectDependencies,
};
//# sourceMappingURL=pyproject-toml.js.map

/***/ }),

/***/ 34066:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ pinnedVersion),
/* harmony export */   p: () => (/* binding */ parseRequirement)
/* harmony export */ });
const NAME_AND_EXTRAS = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*/;
const CLAUSE = /^\s*(===|~=|==|!=|<=|>=|<|>)\s*(\S(?:.*\S)?)\s*$/s;
/**
 * Splits a PEP 508 requirement (`requests[socks] >= 2.8, < 3 ; python_version < "3.8"`, `pkg @ https://...`).
 * Returns `undefined` when it is not one. A version may keep inner spaces (`==1.0 trailing text`), as pip's
 * requirements-file reader passes them through and the peer corpus expects.
 */
function parseRequirement(text) {
    const head = NAME_AND_EXTRAS.exec(text);
    if (!head || head[1] === undefined)
        return undefined;
    const extras = (head[2] ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== '');
    let rest = text.slice(head[0].length);
    const requirement = { name: head[1], extras, specifier: '', clauses: [] };
    if (rest.startsWith('@')) {
        // PEP 508: a URL requirement's marker needs whitespace before the `;`, since `;` may occur in URLs.
        const body = rest.slice(1).trim();
        const markerAt = body.search(/\s;/);
        const url = (markerAt < 0 ? body : body.slice(0, markerAt)).trim();
        if (url === '' || /\s/.test(url))
            return undefined;
        requirement.url = url;
        if (markerAt >= 0)
            requirement.marker = body.slice(markerAt).trim().slice(1).trim();
        return requirement;
    }
    const semicolon = rest.indexOf(';');
    if (semicolon >= 0) {
        requirement.marker = rest.slice(semicolon + 1).trim();
        rest = rest.slice(0, semicolon);
    }
    rest = rest.trim();
    if (rest.startsWith('(') && rest.endsWith(')'))
        rest = rest.slice(1, -1).trim();
    if (rest === '')
        return requirement;
    for (const part of rest.split(',')) {
        const clause = CLAUSE.exec(part);
        if (!clause || clause[1] === undefined || clause[2] === undefined)
            return undefined;
        requirement.clauses.push({ operator: clause[1], version: clause[2] });
    }
    requirement.specifier = requirement.clauses.map((c) => `${c.operator}${c.version}`).join(',');
    return requirement;
}
const PINNING = new Set(['==', '===', '>=', '<=', '~=']);
/**
 * The version a requirements file "pins": the one version of a single `==`, `===`, `>=`, `<=` or `~=` clause
 * (the peer's rule, so `keyring >= 4.1.1` gives 4.1.1); `""` for ranges, exclusions, wildcards and
 * unexpanded `${VARIABLES}`.
 */
function pinnedVersion(requirement) {
    if (requirement.clauses.length !== 1)
        return '';
    const [only] = requirement.clauses;
    if (!only || !PINNING.has(only.operator))
        return '';
    if (only.version.includes('*') || only.version.includes('${'))
        return '';
    return only.version;
}
//# sourceMappingURL=requirement-spec.js.map

/***/ })

};
