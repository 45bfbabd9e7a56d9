import { createHash } from 'node:crypto';
import type { Inventory } from '../model/inventory.js';

/** What one parse saw: its input's digest and every related file it read (`undefined`: absent or refused). */
interface Parsed {
  /** The text's length: a text of another length is another text, decided without hashing it. */
  length: number;
  digest: string;
  related: Array<[path: string, text: string | undefined]>;
  inventory: Inventory;
}

/**
 * The parses of one run, so a lockfile that a pull request did not touch is parsed once, not once per side. Most
 * changes touch one lockfile of several; each unchanged one cost a parse at base and another at head.
 *
 * A parse is reused only when the same parser reads the same path with the same text (by SHA-256, so the memo does
 * not hold the text) and every related file it read (go.sum, a `-r` include, the package.json beside a v1
 * package-lock) reads the same on this side too: a lockfile can be the same while what it includes changed. The
 * inventory is shared, not copied: callers must not change it in place. A memo lives for one run, like the
 * snapshots it sits beside.
 */
export class ParseMemo {
  private readonly parses = new Map<string, Parsed>();

  /** The inventory parsed from the same input before, or undefined. `readRelated` reads this side's files. */
  reuse(parserId: string, path: string, text: string, readRelated: (rel: string) => string | undefined): Inventory | undefined {
    const known = this.parses.get(key(parserId, path));
    if (!known || known.length !== text.length || known.digest !== digest(text)) return undefined;
    for (const [rel, seen] of known.related) if (readRelated(rel) !== seen) return undefined;
    return known.inventory;
  }

  remember(parserId: string, path: string, text: string, related: Parsed['related'], inventory: Inventory): void {
    this.parses.set(key(parserId, path), { length: text.length, digest: digest(text), related, inventory });
  }
}

function key(parserId: string, path: string): string {
  return `${parserId}\0${path}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
