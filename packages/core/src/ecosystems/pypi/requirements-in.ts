import type { DeclaredDependency } from '../../model/inventory.js';
import type { ManifestParser } from '../types.js';
import { pypiPurl } from './package-name.js';
import { parseRequirement } from './requirement-spec.js';
import { describeUrlRequirement, looksLikeUrlOrPath } from './requirement-url.js';
import { readRequirementsFile } from './requirements-txt.js';
import { atEntry } from '../../model/purl.js';

/**
 * pip-tools' `requirements.in` (and any unpinned requirements file read as a manifest): each requirement with the
 * specifier as written (`>=2,<3`, `""` for a bare name, the URL for URL and VCS lines). `-r` includes are not
 * followed: a manifest parser sees one file; each included `.in` file is a manifest of its own.
 */
export function readRequirementsIn(text: string, file: string): DeclaredDependency[] {
  const out: DeclaredDependency[] = [];
  for (const req of readRequirementsFile(text, file).requirements) {
    const parsed = req.editable ? undefined : parseRequirement(req.requirement);
    let name: string | undefined;
    let specifier: string;
    if (parsed && !looksLikeUrlOrPath(parsed.name)) {
      name = parsed.name;
      specifier = parsed.url ?? parsed.specifier;
    } else {
      const url = req.requirement.split(/\s+;/)[0]?.trim() ?? '';
      if (!looksLikeUrlOrPath(url)) continue;
      const info = describeUrlRequirement(url);
      if (info.localDirectory) continue;
      name = info.name;
      specifier = url;
    }
    if (name === undefined) continue;
    out.push({
      ecosystem: 'PyPI',
      name,
      specifier,
      purl: atEntry(file, req.line, () => pypiPurl(name, '')),
      scopes: [],
      location: { file, line: req.line },
    });
  }
  return out;
}

/** `requirements.in` as a manifest. */
export const requirementsInParser: ManifestParser = {
  id: 'requirements.in',
  ecosystem: 'PyPI',
  fileNames: ['requirements.in', 'requirements-*.in', 'requirements_*.in', '*-requirements.in'],
  parse: readRequirementsIn,
};
