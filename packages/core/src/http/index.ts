export { HttpClient, isRetryableStatus, parseRetryAfter, type HttpClientOptions, type RequestOptions } from './http-client.js';
export * from './response-limits.js';
export * from './source-deadline.js';
export { fetchWithRedirects, MAX_REDIRECTS, RedirectError, type RedirectContext } from './redirects.js';
export { checkShape, UnexpectedResponseError, type JsonSchema } from './response-shape.js';
