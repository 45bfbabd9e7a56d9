/** One PEP 508 dependency specifier, split into its parts (nothing is evaluated). */
export interface Requirement {
  name: string;
  extras: string[];
  /** Version clauses as written, joined by `,` without spaces (`>=2.8.1,==2.8.*`); `""` when there are none. */
  specifier: string;
  clauses: { operator: string; version: string }[];
  /** The environment marker after `;`, trimmed. */
  marker?: string;
  /** The URL of a `name @ url` requirement. */
  url?: string;
}

const NAME_AND_EXTRAS = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*/;
const CLAUSE = /^\s*(===|~=|==|!=|<=|>=|<|>)\s*(\S(?:.*\S)?)\s*$/s;

/**
 * Splits a PEP 508 requirement (`requests[socks] >= 2.8, < 3 ; python_version < "3.8"`, `pkg @ https://...`).
 * Returns `undefined` when it is not one. A version may keep inner spaces (`==1.0 trailing text`), as pip's
 * requirements-file reader passes them through and the peer corpus expects.
 */
export function parseRequirement(text: string): Requirement | undefined {
  const head = NAME_AND_EXTRAS.exec(text);
  if (!head || head[1] === undefined) return undefined;
  const extras = (head[2] ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  let rest = text.slice(head[0].length);
  const requirement: Requirement = { name: head[1], extras, specifier: '', clauses: [] };

  if (rest.startsWith('@')) {
    // PEP 508: a URL requirement's marker needs whitespace before the `;`, since `;` may occur in URLs.
    const body = rest.slice(1).trim();
    const markerAt = body.search(/\s;/);
    const url = (markerAt < 0 ? body : body.slice(0, markerAt)).trim();
    if (url === '' || /\s/.test(url)) return undefined;
    requirement.url = url;
    if (markerAt >= 0) requirement.marker = body.slice(markerAt).trim().slice(1).trim();
    return requirement;
  }

  const semicolon = rest.indexOf(';');
  if (semicolon >= 0) {
    requirement.marker = rest.slice(semicolon + 1).trim();
    rest = rest.slice(0, semicolon);
  }
  rest = rest.trim();
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1).trim();
  if (rest === '') return requirement;
  for (const part of rest.split(',')) {
    const clause = CLAUSE.exec(part);
    if (!clause || clause[1] === undefined || clause[2] === undefined) return undefined;
    requirement.clauses.push({ operator: clause[1], version: clause[2] });
  }
  requirement.specifier = requirement.clauses.map((c) => `${c.operator}${c.version}`).join(',');
  return requirement;
}

const PINNING = new Set(['==', '===', '>=', '<=', '~=']);

/**
 * The version a requirements file "pins": the one version of a single `==`, `===`, `>=`, `<=` or `~=` clause
 * (the peer's rule, so `keyring >= 4.1.1` gives 4.1.1); `""` for ranges, exclusions, wildcards and
 * unexpanded `${VARIABLES}`.
 */
export function pinnedVersion(requirement: Requirement): string {
  if (requirement.clauses.length !== 1) return '';
  const [only] = requirement.clauses;
  if (!only || !PINNING.has(only.operator)) return '';
  if (only.version.includes('*') || only.version.includes('${')) return '';
  return only.version;
}
