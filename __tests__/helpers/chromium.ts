import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

/** Debian's chromium, when installed (.ci/run installs it); undefined otherwise. */
export function chromiumPath(): string | undefined {
  for (const p of [process.env.LOCKWARDEN_TEST_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && existsSync(p)) return p;
  }
  return undefined;
}

/**
 * Renders a local HTML file in headless Chromium and returns the screenshot's path. The flags keep Chromium off
 * the network (this machine's closed network refuses its background connections) and out of any profile.
 */
export function screenshot(chromium: string, htmlFile: string, out: string, size = '1280,900'): void {
  const profile = mkdtempSync(join(tmpdir(), 'lw-chromium-'));
  try {
    const r = spawnSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        `--screenshot=${out}`,
        `--window-size=${size}`,
        pathToFileURL(htmlFile).href,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (!existsSync(out)) throw new Error(`chromium made no screenshot (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Distinct colours and the share of non-white pixels of a PNG: a blank or uniform page has one colour. */
export function pngStats(file: string): { width: number; height: number; colours: number; inked: number } {
  const png = PNG.sync.read(readFileSync(file));
  const colours = new Set<number>();
  let inked = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    colours.add((r << 16) | (g << 8) | b);
    if (r < 240 || g < 240 || b < 240) inked++;
  }
  return { width: png.width, height: png.height, colours: colours.size, inked: inked / (png.width * png.height) };
}
