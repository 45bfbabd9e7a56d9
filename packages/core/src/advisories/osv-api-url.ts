/** OSV's public API (https://google.github.io/osv.dev/api/); `--osv-url` or `LOCKWARDEN_OSV_URL` name a mirror. */
export const DEFAULT_OSV_API_URL = 'https://api.osv.dev';

/** The base URL as the API source uses it: without trailing slashes. */
export function osvApiBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** The name the API source at `baseUrl` reports under (in failures and the report's source line). */
export function osvApiSourceName(baseUrl: string): string {
  return `OSV API at ${osvApiBaseUrl(baseUrl)}`;
}
