import { createHash } from 'node:crypto';

/** A package-lock.json v3 with the given direct dependencies (name -> version), in npm's own layout. */
export function packageLockV3(deps: Record<string, string>, options: { dev?: Record<string, string>; installScripts?: string[] } = {}): string {
  const all = { ...deps, ...(options.dev ?? {}) };
  const packages: Record<string, object> = {
    '': { name: 'app', version: '1.0.0', dependencies: deps, ...(options.dev ? { devDependencies: options.dev } : {}) },
  };
  for (const [name, version] of Object.entries(all).sort(([a], [b]) => a.localeCompare(b))) {
    const integrity = `sha512-${createHash('sha512').update(`${name}@${version}`).digest('base64')}`;
    packages[`node_modules/${name}`] = {
      version,
      resolved: `https://registry.example.org/${name}/-/${name.split('/').pop() ?? name}-${version}.tgz`,
      integrity,
      ...(options.dev?.[name] ? { dev: true } : {}),
      ...(options.installScripts?.includes(name) ? { hasInstallScript: true } : {}),
      license: 'MIT',
    };
  }
  return `${JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}
