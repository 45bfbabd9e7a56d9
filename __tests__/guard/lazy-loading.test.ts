import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/conformance.js';
import { tempRoot } from './guard-fixtures.js';

/** Every module URL the built CLI loads for `argv`, recorded by a module resolve hook. */
function modulesLoaded(argv: string[]): string[] {
  const root = tempRoot();
  const log = join(root, 'modules.log');
  const hooks = join(root, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const r = await next(specifier, context);\n  appendFileSync(${JSON.stringify(log)}, r.url + '\\n');\n  return r;\n}\n`);
  const register = join(root, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, join(REPO_ROOT, '__tests__', 'helpers', 'cli-modules.mjs'), ...argv], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('lazy loading (built CLI)', () => {
  it('`lockwarden --version` loads neither the guard proxy nor the MCP SDK', () => {
    const loaded = modulesLoaded(['--version']);
    expect(loaded.some((u) => u.includes('/packages/cli/dist/main.js'))).toBe(true);
    expect(loaded.filter((u) => u.includes('/cli/dist/guard/') || u.includes('/cli/dist/mcp/') || u.includes('@modelcontextprotocol') || u.includes('/zod/'))).toEqual([]);
  });
});
