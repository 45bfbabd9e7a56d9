/**
 * Composer's platform packages (the PHP runtime and its extensions), which no registry serves. They never
 * have a vendor, so `php-http/curl-client` is an ordinary package.
 */
export function isPlatformPackage(name: string): boolean {
  const n = name.toLowerCase();
  if (n.includes('/')) return false;
  return (
    n === 'php' ||
    n.startsWith('php-') ||
    n === 'hhvm' ||
    n.startsWith('ext-') ||
    n.startsWith('lib-') ||
    n === 'composer' ||
    n === 'composer-plugin-api' ||
    n === 'composer-runtime-api'
  );
}
