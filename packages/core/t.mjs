import { parseSyml } from '@yarnpkg/parsers';
for (const k of ['foo','_foo','__proto__','constructor','"__proto__"']) {
  const evil = `# yarn lockfile v1\n\n\nx@^1.0.0:\n  version "1.0.0"\n  dependencies:\n    ${k} "^1"\n`;
  try { const r = parseSyml(evil); const d=r['x@^1.0.0'].dependencies; console.log(k, JSON.stringify(r), Object.keys(d), Object.getPrototypeOf(d)===Object.prototype); } catch (e) { console.log(k,'ERR', e.message); }
}
const evil2 = `__metadata:\n  version: 6\n\n"__proto__@npm:^1.0.0":\n  version: 1.0.0\n  dependencies:\n    __proto__: ^1\n    constructor: ^1\n`;
const r2 = parseSyml(evil2); const d2=r2['__proto__@npm:^1.0.0'].dependencies; console.log(JSON.stringify(r2), Object.keys(d2), Object.getPrototypeOf(d2)===Object.prototype);
const a = parseSyml(`# yarn lockfile v1\n\n\na@1, a@^1:\n  version "1.0.0"\n`); console.log(a['a@1']===a['a@^1']);
