import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ZipStream from 'zip-stream';

/**
 * Writes an OSV-export-style zip (`<ID>.json` entries, deflated) to `file`. zip-stream switches to ZIP64 past
 * 65,535 entries, as the real npm export needs.
 */
export async function writeOsvZip(file: string, records: Iterable<{ id: string }>): Promise<void> {
  const zip = new ZipStream({ zlib: { level: 6 } });
  const out = createWriteStream(file);
  zip.pipe(out);
  for (const record of records) {
    await new Promise<void>((resolve, reject) => {
      zip.entry(Buffer.from(JSON.stringify(record)), { name: `${record.id}.json` }, (err: Error | null) => (err ? reject(err) : resolve()));
    });
  }
  zip.finish();
  await once(out, 'close');
}
