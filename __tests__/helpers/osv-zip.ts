import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import yazl from 'yazl';

/** Writes an OSV-export-style zip (`<ID>.json` entries) of `records` to `file`. */
export async function writeOsvZip(file: string, records: readonly { id: string }[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const record of records) zip.addBuffer(Buffer.from(JSON.stringify(record)), `${record.id}.json`);
  zip.end();
  const out = createWriteStream(file);
  zip.outputStream.pipe(out);
  await once(out, 'close');
}
