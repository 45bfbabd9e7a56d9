import type { JsonSchema } from '../http/response-shape.js';

// The shapes of registry documents, limited to what the clients read. A document that does not fit is the
// registry failing (exit 2), never the package being absent (a finding): only a 404 means "no such package".
// Optional fields stay optional; what is required is what the real API always sends for a package that exists.

const str = { type: 'string' } as const;
const obj = { type: 'object' } as const;

/** npm packument (full or abbreviated); an unpublished package has `time.unpublished` instead of `versions`. */
export const NpmPackumentSchema: JsonSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: str,
    versions: { type: 'object', additionalProperties: obj },
    time: obj,
    'dist-tags': obj,
  },
  anyOf: [{ required: ['versions'] }, { required: ['time'], properties: { time: { required: ['unpublished'] } } }],
};

/** PyPI JSON API `/pypi/<name>/json`. */
export const PypiJsonSchema: JsonSchema = {
  type: 'object',
  required: ['info', 'releases'],
  properties: {
    info: { type: 'object', required: ['name'], properties: { name: str, version: str } },
    releases: { type: 'object', additionalProperties: { type: 'array', items: obj } },
  },
};

/** PEP 691 JSON simple page. */
export const PypiSimpleSchema: JsonSchema = {
  type: 'object',
  required: ['files'],
  properties: {
    name: str,
    files: { type: 'array', items: { type: 'object', required: ['filename'], properties: { filename: str } } },
    versions: { type: 'array', items: str },
  },
};

/** crates.io `/api/v1/crates/<name>`. */
export const CratesCrateSchema: JsonSchema = {
  type: 'object',
  required: ['crate', 'versions'],
  properties: {
    crate: obj,
    versions: { type: 'array', items: { type: 'object', required: ['num'], properties: { num: str } } },
  },
};

/** RubyGems `/api/v1/versions/<name>.json`: a list of versions. */
export const RubyGemsVersionsSchema: JsonSchema = {
  type: 'array',
  items: { type: 'object', required: ['number'], properties: { number: str } },
};

/** Composer v2 metadata `/p2/<vendor>/<name>.json`. */
export const PackagistP2Schema: JsonSchema = {
  type: 'object',
  required: ['packages'],
  properties: { packages: { type: 'object', additionalProperties: { type: 'array' } } },
};

/** NuGet V3 service index. */
export const NugetServiceIndexSchema: JsonSchema = {
  type: 'object',
  required: ['resources'],
  properties: { resources: { type: 'array', items: obj } },
};

/** NuGet registration index or page: `items` is a list of pages or of leaves. */
export const NugetRegistrationSchema: JsonSchema = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: obj } },
};

/** Go module proxy `.info` (and `@latest`). */
export const GoInfoSchema: JsonSchema = {
  type: 'object',
  required: ['Version'],
  properties: { Version: str, Time: str },
};

/** `maven-metadata.xml`, as fast-xml-parser reads it. */
export const MavenMetadataSchema: JsonSchema = {
  type: 'object',
  required: ['metadata'],
  properties: { metadata: { type: 'object', required: ['versioning'], properties: { versioning: obj } } },
};

/** Hosted pub repository `api/packages/<name>` (spec v2; pub.dev adds `published`). */
export const PubPackageSchema: JsonSchema = {
  type: 'object',
  required: ['name', 'versions'],
  properties: {
    name: str,
    latest: { type: 'object', properties: { version: str } },
    versions: { type: 'array', items: { type: 'object', required: ['version'], properties: { version: str, published: str, retracted: { type: 'boolean' } } } },
    isDiscontinued: { type: 'boolean' },
  },
};

/** Hex API `packages/<name>`. */
export const HexPackageSchema: JsonSchema = {
  type: 'object',
  required: ['name', 'releases'],
  properties: {
    name: str,
    releases: { type: 'array', items: { type: 'object', required: ['version'], properties: { version: str, inserted_at: str } } },
    retirements: obj,
    meta: obj,
  },
};

/** CocoaPods trunk `pods/<name>`. */
export const CocoaPodsPodSchema: JsonSchema = {
  type: 'object',
  required: ['versions'],
  properties: {
    versions: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: str, created_at: str } } },
    owners: { type: 'array' },
  },
};

/** A podspec as trunk serves it (`pods/<name>/specs/<version>`). */
export const CocoaPodsSpecSchema: JsonSchema = {
  type: 'object',
  required: ['name'],
  properties: { name: str, version: str, source: obj },
};

/** GitHub `repos/<owner>/<repo>` (the source host of a Swift package). */
export const GithubRepoSchema: JsonSchema = {
  type: 'object',
  required: ['full_name', 'created_at'],
  properties: { full_name: str, created_at: str, html_url: str, license: { type: ['object', 'null'] } },
};

/** GitHub `git/ref/tags/<tag>`. */
export const GithubRefSchema: JsonSchema = {
  type: 'object',
  required: ['ref', 'object'],
  properties: { ref: str, object: { type: 'object', required: ['type', 'sha'], properties: { type: str, sha: str } } },
};

/** GitHub `git/tags/<sha>` (an annotated tag). */
export const GithubTagSchema: JsonSchema = {
  type: 'object',
  required: ['tagger'],
  properties: { tagger: { type: 'object', required: ['date'], properties: { date: str } } },
};

/** GitHub `git/commits/<sha>`. */
export const GithubCommitSchema: JsonSchema = {
  type: 'object',
  required: ['committer'],
  properties: { committer: { type: 'object', required: ['date'], properties: { date: str } } },
};
