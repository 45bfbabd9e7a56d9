/**
 * The SwiftURL name of a package: its repository URL without scheme, credentials and `.git`
 * (`https://github.com/apple/swift-nio.git` -> `github.com/apple/swift-nio`; `git@github.com:a/b` -> `github.com/a/b`).
 */
export function swiftPackageName(location: string): string {
  let name = location.trim();
  const scp = /^[^/@:]+@([^/:]+):(.+)$/.exec(name);
  if (scp) name = `${scp[1]}/${scp[2]}`;
  name = name.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^[^/@]*@/, '');
  name = name.replace(/\/+$/, '').replace(/\.git$/, '');
  const slash = name.indexOf('/');
  // Host names are case-insensitive; the path is not.
  return slash < 0 ? name.toLowerCase() : name.slice(0, slash).toLowerCase() + name.slice(slash);
}
