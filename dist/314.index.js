export const id = 314;
export const ids = [314];
export const modules = {

/***/ 72314:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mixLockParser: () => (/* binding */ mixLockParser)
});

// EXTERNAL MODULE: ./packages/core/dist/errors.js
var errors = __webpack_require__(71403);
// EXTERNAL MODULE: ./packages/core/dist/model/purl.js
var model_purl = __webpack_require__(56819);
// EXTERNAL MODULE: ./packages/core/dist/parse/json.js + 1 modules
var json = __webpack_require__(76702);
// EXTERNAL MODULE: ./packages/core/dist/parse/line-index.js
var line_index = __webpack_require__(86787);
;// CONCATENATED MODULE: ./packages/core/dist/ecosystems/hex/elixir-term.js


/** Nesting deeper than this is hostile input, not a lock file. */
const MAX_DEPTH = 64;
const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_@]/;
/** Characters that end a run of plain string text; global so `exec` can start at an offset without slicing. */
const STRING_STOP = /["\\#]/g;
const ESCAPES = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '#': '#', e: '\x1b', '0': '\0' };
/** A recursive-descent reader over the text; every error names the line and column. */
class TermReader {
    text;
    file;
    pos = 0;
    lines;
    constructor(text, file) {
        this.text = text;
        this.file = file;
    }
    fail(reason, offset = this.pos) {
        this.lines ??= new line_index/* LineIndex */.r(this.text);
        throw new errors/* ParseError */.mB(this.file, reason, this.lines.position(Math.min(offset, this.text.length)));
    }
    line(offset) {
        this.lines ??= new line_index/* LineIndex */.r(this.text);
        return this.lines.line(offset);
    }
    skipSpace() {
        while (this.pos < this.text.length) {
            const c = this.text[this.pos];
            if (c === ' ' || c === '\t' || c === '\n' || c === '\r')
                this.pos++;
            else if (c === '#') {
                const end = this.text.indexOf('\n', this.pos);
                this.pos = end < 0 ? this.text.length : end + 1;
            }
            else
                break;
        }
    }
    peek(s) {
        return this.text.startsWith(s, this.pos);
    }
    expect(s) {
        this.skipSpace();
        if (!this.peek(s))
            this.fail(`expected "${s}"`);
        this.pos += s.length;
    }
    readDocument() {
        const term = this.readTerm(0);
        this.skipSpace();
        if (this.pos < this.text.length)
            this.fail('unexpected text after the term');
        return term;
    }
    readTerm(depth) {
        if (depth > MAX_DEPTH)
            this.fail(`terms nested deeper than ${MAX_DEPTH} levels`);
        this.skipSpace();
        const offset = this.pos;
        const c = this.text[this.pos];
        if (c === undefined)
            this.fail('unexpected end of input');
        if (this.peek('%{')) {
            this.pos += 2;
            return { kind: 'map', entries: this.readEntries('}', depth, true), offset };
        }
        if (c === '{') {
            this.pos++;
            return { kind: 'tuple', items: this.readItems('}', depth), offset };
        }
        if (c === '[') {
            this.pos++;
            const items = this.readEntries(']', depth, false).map((e) => 
            // A keyword list `[branch: "x"]` is a list of {atom, value} tuples.
            e.value === e.key ? e.value : { kind: 'tuple', items: [e.key, e.value], offset: e.key.offset });
            return { kind: 'list', items, offset };
        }
        if (c === '"')
            return { kind: 'string', value: this.readString(), offset };
        if (c === ':') {
            this.pos++;
            if (this.text[this.pos] === '"')
                return { kind: 'atom', value: this.readString(), offset };
            const name = this.readIdentifier();
            if (name === '')
                this.fail('expected an atom name');
            return { kind: 'atom', value: name, offset };
        }
        if (c === '-' || (c >= '0' && c <= '9')) {
            const m = /^-?[0-9][0-9_]*(\.[0-9_]+)?([eE][-+]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 400));
            if (!m)
                this.fail('invalid number');
            this.pos += m[0].length;
            return { kind: 'number', value: m[0], offset };
        }
        const word = this.readIdentifier();
        if (word === 'true' || word === 'false' || word === 'nil')
            return { kind: 'atom', value: word, offset };
        // Module aliases such as `Foo.Bar` stand for atoms; anything else would be code.
        if (/^[A-Z]/.test(word)) {
            let name = word;
            while (this.text[this.pos] === '.' && /[A-Z]/.test(this.text[this.pos + 1] ?? '')) {
                this.pos++;
                name += `.${this.readIdentifier()}`;
            }
            return { kind: 'atom', value: `Elixir.${name}`, offset };
        }
        return this.fail(word === '' ? `unexpected "${c}"` : `unexpected "${word.slice(0, 40)}"`, offset);
    }
    readIdentifier() {
        const start = this.pos;
        if (!IDENT_START.test(this.text[this.pos] ?? ''))
            return '';
        this.pos++;
        while (IDENT_CHAR.test(this.text[this.pos] ?? ''))
            this.pos++;
        if (this.text[this.pos] === '?' || this.text[this.pos] === '!')
            this.pos++;
        return this.text.slice(start, this.pos);
    }
    readString() {
        const start = this.pos;
        this.pos++;
        let out = '';
        for (;;) {
            STRING_STOP.lastIndex = this.pos;
            const next = STRING_STOP.exec(this.text);
            if (!next)
                this.fail('unterminated string', start);
            out += this.text.slice(this.pos, next.index);
            this.pos = next.index;
            const c = this.text[this.pos];
            if (c === '"') {
                this.pos++;
                return out;
            }
            if (c === '#') {
                if (this.text[this.pos + 1] === '{')
                    this.fail('string interpolation is code, not data');
                out += '#';
                this.pos++;
                continue;
            }
            const e = this.text[this.pos + 1];
            if (e === undefined)
                this.fail('unterminated string', start);
            out += ESCAPES[e] ?? e;
            this.pos += 2;
        }
    }
    /** Comma-separated terms up to `close`; a trailing comma is allowed, as in Elixir. */
    readItems(close, depth) {
        const items = [];
        for (;;) {
            this.skipSpace();
            if (this.peek(close)) {
                this.pos++;
                return items;
            }
            items.push(this.readTerm(depth + 1));
            this.skipSpace();
            if (this.peek(','))
                this.pos++;
            else if (!this.peek(close))
                this.fail(`expected "," or "${close}"`);
        }
    }
    /**
     * Map entries (`key => value`, `"key": value`, `key: value`) or list items; a plain list item is
     * returned with `key === value`.
     */
    readEntries(close, depth, isMap) {
        const entries = [];
        for (;;) {
            this.skipSpace();
            if (this.peek(close)) {
                this.pos++;
                return entries;
            }
            const keyword = this.readKeywordKey();
            if (keyword) {
                entries.push({ key: keyword, value: this.readTerm(depth + 1) });
            }
            else {
                const term = this.readTerm(depth + 1);
                this.skipSpace();
                if (isMap) {
                    this.expect('=>');
                    entries.push({ key: term, value: this.readTerm(depth + 1) });
                }
                else {
                    entries.push({ key: term, value: term });
                }
            }
            this.skipSpace();
            if (this.peek(','))
                this.pos++;
            else if (!this.peek(close))
                this.fail(`expected "," or "${close}"`);
        }
    }
    /** `name: ` or `"name": ` (a keyword key); leaves the position unchanged when there is none. */
    readKeywordKey() {
        const start = this.pos;
        let name;
        if (this.text[this.pos] === '"') {
            name = this.readString();
        }
        else {
            name = this.readIdentifier();
            if (name === '')
                return undefined;
        }
        const after = this.text[this.pos + 1];
        if (this.text[this.pos] === ':' && (after === ' ' || after === '\t' || after === '\n' || after === '\r')) {
            this.pos++;
            return { kind: 'atom', value: name, offset: start };
        }
        this.pos = start;
        return undefined;
    }
}
/** Reads one Elixir literal term; throws ParseError with line and column. Also returns offset -> line. */
function readElixirTerm(text, file) {
    const reader = new TermReader(text, file);
    return { term: reader.readDocument(), line: (offset) => reader.line(offset) };
}
//# sourceMappingURL=elixir-term.js.map
;// CONCATENATED MODULE: ./packages/core/dist/ecosystems/hex/mix-lock.js




function textOf(term) {
    return term && (term.kind === 'string' || term.kind === 'atom') ? term.value : undefined;
}
function sha256(term) {
    const value = textOf(term)?.toLowerCase();
    return value && /^[0-9a-f]{64}$/.test(value) ? { algorithm: 'sha256', value } : undefined;
}
/** `[branch: "x"]` / `[tag: "v1"]` / `[ref: "abc"]` options of a git dependency. */
function gitRef(options) {
    if (options?.kind !== 'list')
        return undefined;
    for (const item of options.items) {
        if (item.kind !== 'tuple')
            continue;
        const [key, value] = item.items;
        if (['branch', 'tag', 'ref'].includes(textOf(key) ?? ''))
            return textOf(value);
    }
    return undefined;
}
/**
 * One lock entry. Hex: `{:hex, :name, "version", "inner sha256", [managers], [deps], "repo", "outer sha256"}`
 * (older locks stop after the deps or the version). Git: `{:git, "url", "commit", [opts]}`. Entries of another
 * shape are skipped, as mix and the peer extractor skip them.
 */
function readEntry(key, term) {
    if (term.kind !== 'tuple')
        return undefined;
    const [scm, ...rest] = term.items;
    switch (textOf(scm)) {
        case 'hex': {
            const [name, version, inner, , , repo, outer] = rest;
            const pkg = textOf(name);
            const v = textOf(version);
            if (!pkg || v === undefined || version?.kind !== 'string')
                return undefined;
            // The outer checksum is the SHA-256 of the tarball a registry serves; the inner one covers its contents.
            const integrity = [sha256(outer), sha256(inner)].filter((h) => h !== undefined);
            const repository = textOf(repo);
            return {
                name: pkg,
                version: v,
                integrity,
                source: repository && repository !== 'hexpm' ? { kind: 'registry', url: repository } : { kind: 'registry' },
            };
        }
        case 'git': {
            const [url, commit, options] = rest;
            const u = textOf(url);
            if (url?.kind !== 'string' || !u)
                return undefined;
            const source = { kind: 'git', url: u };
            const c = textOf(commit);
            if (c)
                source.commit = c;
            const ref = gitRef(options);
            if (ref)
                source.ref = ref;
            // A git dependency has no registry version; mix.lock keys it by the app name.
            return { name: key, version: '', integrity: [], source };
        }
        default:
            return undefined;
    }
}
/** Elixir's `mix.lock` (also used by Erlang projects built with mix): Hex packages and git dependencies. */
const mixLockParser = {
    id: 'mix.lock',
    ecosystem: 'Hex',
    fileNames: ['mix.lock'],
    conformance: ['elixir/mixlock', 'erlang/mixlock'],
    parse(text, path) {
        if (text.length > json/* MAX_LOCKFILE_BYTES */.hP)
            throw new errors/* ParseError */.mB(path, `file is larger than ${json/* MAX_LOCKFILE_BYTES */.hP} bytes`);
        if (text.trim() === '')
            throw new errors/* ParseError */.mB(path, 'empty mix.lock: expected a map %{...}', { line: 1 });
        const { term, line } = readElixirTerm(text, path);
        if (term.kind !== 'map')
            throw new errors/* ParseError */.mB(path, 'not a mix.lock: the file is not a map %{...}', { line: 1 });
        const packages = [];
        for (const { key, value } of term.entries) {
            const app = textOf(key);
            if (app === undefined)
                continue;
            const entry = readEntry(app, value);
            if (!entry)
                continue;
            const entryLine = line(key.offset);
            let purl;
            try {
                purl = (0,model_purl/* buildPurl */.Eq)('hex', undefined, entry.name, entry.version);
            }
            catch (err) {
                throw new errors/* ParseError */.mB(path, `"${entry.name}" is not a valid Hex package name`, { line: entryLine }, { cause: err });
            }
            packages.push({
                id: app,
                ecosystem: 'Hex',
                name: entry.name,
                version: entry.version,
                purl,
                // mix.lock does not record which dependencies mix.exs declares.
                direct: false,
                scopes: [],
                integrity: entry.integrity,
                source: entry.source,
                location: { file: path, line: entryLine },
            });
        }
        return { lockfile: path, format: 'mix.lock', ecosystem: 'Hex', packages, projects: [] };
    },
};
//# sourceMappingURL=mix-lock.js.map

/***/ })

};
