export const id = 810;
export const ids = [810];
export const modules = {

/***/ 54860:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ describeUrlRequirement),
/* harmony export */   V: () => (/* binding */ looksLikeUrlOrPath)
/* harmony export */ });
const ARCHIVE = /\.(whl|tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|txz|tar|zip)$/i;
const WHEEL = /^([A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?)-([0-9][^-]*)(?:-[0-9][^-]*)?-[^-]+-[^-]+-[^-]+\.whl$/i;
const SDIST = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)-([0-9][^-]*?)\.(?:tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|txz|tar|zip)$/i;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
/** True when a requirements-file line is a URL or a path rather than a PEP 508 name (pip's own test, roughly). */
function looksLikeUrlOrPath(text) {
    return (SCHEME.test(text) ||
        /^(git|hg|svn|bzr)\+/i.test(text) ||
        /^[.~/\\]/.test(text) ||
        text.includes('/') ||
        text.includes('\\') ||
        ARCHIVE.test(text));
}
/** Reads a URL or path requirement; `url` is as written (without the requirement's marker). */
function describeUrlRequirement(url) {
    const hashAt = url.indexOf('#');
    const fragment = hashAt < 0 ? '' : url.slice(hashAt + 1);
    const target = hashAt < 0 ? url : url.slice(0, hashAt);
    const egg = /(?:^|&)egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(fragment)?.[1];
    const vcs = /^(git|hg|svn|bzr)\+/i.exec(target)?.[1]?.toLowerCase();
    if (vcs !== undefined || /^git:\/\//i.test(target)) {
        const bare = vcs === undefined ? target : target.slice(vcs.length + 1);
        const { repo, ref } = splitVcsRef(bare);
        const name = egg ?? lastSegment(repo)?.replace(/\.git$/i, '');
        if (vcs === undefined || vcs === 'git') {
            const source = { kind: 'git', url: repo };
            if (ref !== undefined) {
                source.ref = ref;
                if (/^[0-9a-f]{40}$/i.test(ref))
                    source.commit = ref.toLowerCase();
            }
            return withName({ version: '', source, localDirectory: false }, name);
        }
        // Mercurial, Subversion and Bazaar have no Source kind of their own; the URL still says where the code is.
        return withName({ version: '', source: { kind: 'tarball', url: bare }, localDirectory: false }, name);
    }
    const file = lastSegment(target) ?? '';
    const fromFile = WHEEL.exec(file) ?? SDIST.exec(file);
    const name = egg ?? fromFile?.[1];
    const version = fromFile?.[2] ?? '';
    if (/^file:/i.test(target)) {
        return withName({ version, source: { kind: 'path', path: target }, localDirectory: !ARCHIVE.test(target) }, name);
    }
    if (SCHEME.test(target))
        return withName({ version, source: { kind: 'tarball', url: target }, localDirectory: false }, name);
    const localDirectory = !ARCHIVE.test(target);
    return withName({ version, source: { kind: 'path', path: target }, localDirectory }, localDirectory ? egg : name);
}
function withName(info, name) {
    if (name !== undefined && name !== '')
        info.name = name;
    return info;
}
/** `https://host/org/repo.git@v1.2` -> repo URL and ref; the `@` of `user@host` is not a ref. */
function splitVcsRef(url) {
    const schemeEnd = url.indexOf('://');
    const pathStart = schemeEnd < 0 ? 0 : url.indexOf('/', schemeEnd + 3);
    if (pathStart < 0)
        return { repo: url };
    const at = url.indexOf('@', pathStart);
    if (at < 0)
        return { repo: url };
    return { repo: url.slice(0, at), ref: url.slice(at + 1) };
}
function lastSegment(url) {
    const query = url.indexOf('?');
    let end = query < 0 ? url.length : query;
    // Trailing separators by hand: `/[/\\]+$/` is quadratic on a long run of them that does not end the URL.
    while (end > 0 && (url[end - 1] === '/' || url[end - 1] === '\\'))
        end--;
    const path = url.slice(0, end);
    const segment = path.split(/[/\\]/).pop();
    if (segment === undefined || segment === '')
        return undefined;
    try {
        return decodeURIComponent(segment);
    }
    catch {
        return segment;
    }
}
//# sourceMappingURL=requirement-url.js.map

/***/ }),

/***/ 44810:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_INCLUDED_FILES: () => (/* binding */ MAX_INCLUDED_FILES),
/* harmony export */   MAX_REQUIREMENT_LINE: () => (/* binding */ MAX_REQUIREMENT_LINE),
/* harmony export */   readRequirementsFile: () => (/* binding */ readRequirementsFile),
/* harmony export */   requirementsTxtParser: () => (/* binding */ requirementsTxtParser)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(71403);
/* harmony import */ var _parse_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76702);
/* harmony import */ var _artifact_hash_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42398);
/* harmony import */ var _direct_dependencies_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(87094);
/* harmony import */ var _inventory_builder_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56425);
/* harmony import */ var _package_name_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(63159);
/* harmony import */ var _requirement_spec_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(34066);
/* harmony import */ var _requirement_url_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(54860);









/** A logical line (continuations joined) longer than this is refused: pip-compile's longest are a few KiB. */
const MAX_REQUIREMENT_LINE = 1024 * 1024;
/** `-r`/`-c` files read for one top-level file, so a fan-out of includes cannot run away. */
const MAX_INCLUDED_FILES = 256;
/**
 * Reads pip's requirements-file format line by line, as pip's `req_file.py` does: joins `\` continuations
 * (a comment line ends one), strips `#` comments that start a line or follow whitespace, splits each line into the
 * requirement and its trailing `--options`. Unknown options are ignored; so are lines pip would reject, as the peer
 * does. NUL bytes and over-long lines are `ParseError`s: no text requirements file has them.
 */
function readRequirementsFile(text, file) {
    if (text.length > _parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_LOCKFILE_BYTES */ .hP)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(file, `file is larger than ${_parse_json_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_LOCKFILE_BYTES */ .hP} bytes`);
    const nul = text.indexOf('\0');
    if (nul >= 0) {
        const before = text.slice(0, nul);
        const line = before.split('\n').length;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(file, 'binary data (NUL byte) in a requirements file', {
            line,
            column: nul - before.lastIndexOf('\n'),
        });
    }
    const result = { requirements: [], includes: [] };
    // The requirement that following `# via` comment lines annotate, and whether a multi-line `# via` list is open.
    let annotated;
    let viaOpen = false;
    for (const { line, content } of logicalLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)) {
        if (content.length > MAX_REQUIREMENT_LINE) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(file, `line is longer than ${MAX_REQUIREMENT_LINE} characters`, { line });
        }
        const commentAt = commentStart(content);
        const stripped = (commentAt < 0 ? content : content.slice(0, commentAt)).trim();
        const comment = commentAt < 0 ? undefined : content.slice(commentAt).trim();
        if (stripped === '') {
            viaOpen = annotated !== undefined && comment !== undefined && readViaComment(comment, annotated, viaOpen);
            continue;
        }
        viaOpen = false;
        const before = result.requirements.length;
        if (stripped.startsWith('-')) {
            readOptionLine(stripped, line, result);
        }
        else {
            const tokens = stripped.split(/\s+/);
            const firstOption = tokens.findIndex((t) => t.startsWith('-'));
            const requirementTokens = firstOption < 0 ? tokens : tokens.slice(0, firstOption);
            const optionTokens = firstOption < 0 ? [] : tokens.slice(firstOption);
            result.requirements.push({
                line,
                requirement: requirementTokens.join(' '),
                editable: false,
                hashes: hashOptions(optionTokens),
            });
        }
        annotated = result.requirements.length > before ? result.requirements[result.requirements.length - 1] : undefined;
        // pip-tools before 6 wrote the annotation on the requirement's own line: `click==7.0  # via flask, black`.
        if (annotated && comment !== undefined)
            viaOpen = readViaComment(comment, annotated, false);
    }
    return result;
}
/**
 * Reads one pip-compile annotation comment into `req.via`: `# via a, b`, or `# via` followed by `#   a` lines.
 * Returns whether a multi-line list is (still) open.
 */
function readViaComment(comment, req, open) {
    const body = comment.replace(/^#/, '');
    const via = /^\s*via\b:?(.*)$/.exec(body);
    if (via) {
        const rest = (via[1] ?? '').trim();
        req.via = rest === '' ? [] : rest.split(/,\s*/).map((v) => v.trim()).filter((v) => v !== '');
        return rest === '';
    }
    const item = open ? /^\s{2,}(\S.*)$/.exec(body) : null;
    if (item?.[1] !== undefined) {
        (req.via ??= []).push(item[1].trim());
        return true;
    }
    return false;
}
function readOptionLine(text, line, into) {
    const match = /^(--[A-Za-z][A-Za-z0-9-]*|-[A-Za-z])(?:=|\s*)(.*)$/s.exec(text);
    if (!match)
        return;
    const option = match[1] ?? '';
    const tokens = (match[2] ?? '').trim().split(/\s+/);
    const value = tokens[0] ?? '';
    switch (option) {
        case '-r':
        case '--requirement':
            if (value !== '')
                into.includes.push({ line, kind: 'requirements', target: value });
            return;
        case '-c':
        case '--constraint':
            if (value !== '')
                into.includes.push({ line, kind: 'constraints', target: value });
            return;
        case '-e':
        case '--editable':
            if (value !== '') {
                into.requirements.push({ line, requirement: value, editable: true, hashes: hashOptions(tokens.slice(1)) });
            }
            return;
        case '-i':
        case '--index-url':
            if (value !== '')
                into.indexUrl = value;
            return;
        default:
            // --extra-index-url, --find-links, --pre, --trusted-host, --no-binary, ...: they change where pip looks,
            // not what it installs.
            return;
    }
}
function hashOptions(tokens) {
    const hashes = [];
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i] ?? '';
        let value;
        if (token.startsWith('--hash='))
            value = token.slice('--hash='.length);
        else if (token === '--hash')
            value = tokens[++i];
        if (value !== undefined)
            (0,_artifact_hash_js__WEBPACK_IMPORTED_MODULE_3__/* .addHashes */ .GW)(hashes, [(0,_artifact_hash_js__WEBPACK_IMPORTED_MODULE_3__/* .parseArtifactHash */ .AU)(value)]);
    }
    return hashes;
}
/** pip's `join_lines`: yields each logical line with the 1-based number of its first physical line. */
function* logicalLines(text) {
    const physical = text.split('\n');
    let pending = [];
    let firstLine = 0;
    for (let i = 0; i < physical.length; i++) {
        const raw = (physical[i] ?? '').replace(/\r$/, '');
        const isComment = /^\s*#/.test(raw);
        if (!raw.endsWith('\\') || isComment) {
            const content = isComment ? ` ${raw}` : raw;
            if (pending.length > 0) {
                pending.push(content);
                yield { line: firstLine, content: pending.join('') };
                pending = [];
            }
            else {
                yield { line: i + 1, content };
            }
        }
        else {
            if (pending.length === 0)
                firstLine = i + 1;
            pending.push(stripBackslashes(raw));
        }
    }
    if (pending.length > 0)
        yield { line: firstLine, content: pending.join('') };
}
/**
 * pip's `line.strip("\\")`. By hand: `/^\\+|\\+$/g` retries `\\+$` at every backslash of a run that does not
 * end the line, quadratic in the run's length.
 */
function stripBackslashes(line) {
    let start = 0;
    let end = line.length;
    while (start < end && line.charCodeAt(start) === 0x5c)
        start++;
    while (end > start && line.charCodeAt(end - 1) === 0x5c)
        end--;
    return line.slice(start, end);
}
/** pip's `COMMENT_RE`: a `#` at the start or after whitespace starts a comment (`#egg=` in a URL does not). */
function commentStart(line) {
    const at = line.search(/(^|\s)#/);
    return at < 0 ? -1 : line.indexOf('#', at);
}
/**
 * Turns one requirement line into an entry; `undefined` for lines pip would reject and for local directories
 * (`-e .`), which are the project itself rather than something installed from elsewhere.
 */
function entryFor(req, file) {
    const entry = bareEntryFor(req, file);
    if (entry && req.via !== undefined)
        entry.via = req.via;
    return entry;
}
function bareEntryFor(req, file) {
    const text = req.requirement;
    const parsed = req.editable ? undefined : (0,_requirement_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .parseRequirement */ .p)(text);
    const archiveLike = /\.(whl|tar\.gz|tgz|tar\.bz2|zip)(\s*;.*)?$/i.test(text);
    if (parsed && !(archiveLike && parsed.url === undefined && parsed.clauses.length === 0)) {
        if (parsed.url !== undefined) {
            const info = (0,_requirement_url_js__WEBPACK_IMPORTED_MODULE_8__/* .describeUrlRequirement */ .O)(parsed.url);
            return { name: parsed.name, version: info.version, source: info.source, integrity: req.hashes, file, line: req.line };
        }
        return {
            name: parsed.name,
            version: (0,_requirement_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .pinnedVersion */ .V)(parsed),
            source: { kind: 'registry' },
            integrity: req.hashes,
            file,
            line: req.line,
        };
    }
    // A bare URL or path; a marker after it needs whitespace before `;`.
    const url = text.slice(0, markerStart(text)).trim();
    if (!(0,_requirement_url_js__WEBPACK_IMPORTED_MODULE_8__/* .looksLikeUrlOrPath */ .V)(url))
        return undefined;
    const info = (0,_requirement_url_js__WEBPACK_IMPORTED_MODULE_8__/* .describeUrlRequirement */ .O)(url);
    if (info.localDirectory || info.name === undefined)
        return undefined;
    return { name: info.name, version: info.version, source: info.source, integrity: req.hashes, file, line: req.line };
}
/**
 * Where the marker of a bare URL begins: the first `;` after whitespace, or the end. (`split(/\s+;/)` retries
 * `\s+` at every space of a long run, quadratic in its length.)
 */
function markerStart(text) {
    for (let at = text.indexOf(';'); at > 0; at = text.indexOf(';', at + 1)) {
        if (/\s/.test(text[at - 1]))
            return at;
    }
    return text.length;
}
/** A `# via` entry naming the user's own input rather than another package: `-r file`, or `(file)` at the end. */
function isRootVia(via) {
    if (/^(-r|--requirement)\b/.test(via))
        return true;
    // `/\([^)]*\)$/` scanned to the end from every `(`; the last `(` after the last inner `)` is the same test.
    if (!via.endsWith(')'))
        return false;
    return via.indexOf('(', via.lastIndexOf(')', via.length - 2) + 1) >= 0;
}
/** A `# via` name without its extras (`pkg[extra]`): everything before the first `[` when the entry ends in `]`. */
function withoutExtras(via) {
    const open = via.indexOf('[');
    return via.endsWith(']') && open >= 0 ? via.slice(0, open) : via;
}
/** Edges from pip-compile's `# via` annotations: from each named package (or the project) to the annotated one. */
function linkAnnotations(builder, entries, added) {
    builder.recordsEdges();
    const index = (0,_direct_dependencies_js__WEBPACK_IMPORTED_MODULE_4__/* .byNormalizedName */ .yj)(added);
    entries.forEach((entry, i) => {
        const to = added[i];
        if (!to || entry.via === undefined)
            return;
        for (const via of entry.via) {
            if (isRootVia(via)) {
                builder.addEdge({ from: '', to: to.id });
                continue;
            }
            if (via.startsWith('-'))
                continue; // `-c constraints.txt`: a constraint, not a dependent
            const name = withoutExtras(via).trim();
            for (const from of index.get((0,_package_name_js__WEBPACK_IMPORTED_MODULE_6__/* .normalizePypiName */ .T)(name)) ?? [])
                builder.addEdge({ from: from.id, to: to.id });
        }
    });
}
/**
 * `requirements.txt` and friends. Every requirement is direct (the file is what the user asked for), except in
 * pip-compile / `uv pip compile` output, whose `# via` annotations say which lines `-r` or the project brought in
 * (direct) and which other packages pulled in (transitive, with edges). `-r` includes are followed through
 * `context.readRelated` (each file once, so include cycles end), `-c` constraint files only supply versions to
 * requirements that name none. URL and VCS requirements are reported with a git, tarball or path source and the
 * version their file name gives, `""` otherwise.
 */
const requirementsTxtParser = {
    id: 'requirements.txt',
    ecosystem: 'PyPI',
    fileNames: ['requirements.txt', 'requirements-*.txt', 'requirements_*.txt', 'requirements.*.txt', '*-requirements.txt', '*_requirements.txt'],
    conformance: ['python/requirements'],
    parse(text, path, context) {
        const entries = [];
        const constraints = new Map();
        const visited = new Set();
        let indexUrl;
        const topDir = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(path.replace(/\\/g, '/'));
        const visit = (content, key, kind) => {
            const displayPath = key === '' ? path : node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(topDir, key);
            const parsed = readRequirementsFile(content, displayPath);
            indexUrl ??= parsed.indexUrl;
            // pip reads includes where they stand, so packages keep file order across files.
            const items = [...parsed.requirements, ...parsed.includes].sort((x, y) => x.line - y.line);
            for (const item of items) {
                if (!('kind' in item)) {
                    const entry = entryFor(item, displayPath);
                    if (!entry)
                        continue;
                    if (kind === 'requirements')
                        entries.push(entry);
                    else if (entry.version !== '' && entry.source.kind === 'registry') {
                        constraints.set((0,_package_name_js__WEBPACK_IMPORTED_MODULE_6__/* .normalizePypiName */ .T)(entry.name), entry.version);
                    }
                    continue;
                }
                // Includes nested in a constraints file are constraints too, as in pip.
                const includeKind = kind === 'constraints' ? 'constraints' : item.kind;
                if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(item.target))
                    continue; // remote includes are not fetched
                const base = key === '' ? '.' : node_path__WEBPACK_IMPORTED_MODULE_0__.posix.dirname(key);
                const target = item.target.replace(/\\/g, '/');
                const nextKey = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.isAbsolute(target) ? target : node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.join(base, target));
                if (visited.has(nextKey))
                    continue;
                visited.add(nextKey);
                if (visited.size > MAX_INCLUDED_FILES) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ParseError */ .mB(displayPath, `more than ${MAX_INCLUDED_FILES} files included with -r/-c`, {
                        line: item.line,
                    });
                }
                const included = context?.readRelated?.(nextKey);
                // A missing include is skipped, as the peer does. One outside the scanned folder reads as missing too: the
                // snapshot refuses it and the loader warns (see parseLockfileText).
                if (included !== undefined)
                    visit(included, nextKey, includeKind);
            }
        };
        visited.add(node_path__WEBPACK_IMPORTED_MODULE_0__.posix.basename(path.replace(/\\/g, '/')));
        visit(text, '', 'requirements');
        const builder = new _inventory_builder_js__WEBPACK_IMPORTED_MODULE_5__/* .PypiInventoryBuilder */ .y(path, 'requirements.txt');
        const added = entries.map((entry) => {
            let version = entry.version;
            if (version === '' && entry.source.kind === 'registry')
                version = constraints.get((0,_package_name_js__WEBPACK_IMPORTED_MODULE_6__/* .normalizePypiName */ .T)(entry.name)) ?? '';
            const source = entry.source.kind === 'registry' && indexUrl !== undefined ? { kind: 'registry', url: indexUrl } : entry.source;
            return builder.add({
                name: entry.name,
                version,
                // Without annotations every line is something the user asked for; with them, only what `-r` or the
                // project (`name (pyproject.toml)`) brought in.
                direct: entry.via === undefined || entry.via.some(isRootVia),
                integrity: entry.integrity,
                source,
                file: entry.file,
                line: entry.line,
            });
        });
        if (entries.some((e) => e.via !== undefined))
            linkAnnotations(builder, entries, added);
        return builder.build();
    },
};
//# sourceMappingURL=requirements-txt.js.map

/***/ })

};
