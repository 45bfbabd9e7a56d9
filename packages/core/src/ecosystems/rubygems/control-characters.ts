/**
 * Index of the first character that no Ruby lockfile or Gemfile line holds (C0 controls other than tab,
 * DEL, and U+FFFD from undecodable bytes), or -1. Such a character means binary content, not text.
 */
export function findControlCharacter(line: string): number {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0d) || c === 0x7f || c === 0xfffd) return i;
  }
  return -1;
}
