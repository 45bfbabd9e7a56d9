import { buildPurl } from '../../model/purl.js';

/** `pkg:gem/<name>@<version>`, with `?platform=` for platform-specific builds (`x86_64-linux`, `java`). */
export function gemPurl(name: string, version: string | undefined, platform?: string): string {
  return buildPurl('gem', undefined, name, version, platform && platform !== 'ruby' ? { platform } : undefined);
}
