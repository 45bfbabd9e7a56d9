import { packageKey, type AdvisoryQueryResult, type AdvisorySource, type PackageRef } from '@lockwarden/core';

interface Waiting {
  refs: readonly PackageRef[];
  resolve: (r: AdvisoryQueryResult) => void;
  reject: (e: unknown) => void;
}

/**
 * Gathers the advisory look-ups of packuments judged at about the same time into one query to the source: an
 * install asks for hundreds of packuments at once, and OSV answers 1,000 versions per batch request as fast as one.
 * Each caller gets the advisories of its own packages; an outage fails every caller of the batch.
 */
export class BatchingAdvisorySource implements AdvisorySource {
  readonly name: string;
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: AdvisorySource,
    /** How long the first query of a batch waits for company. */
    private readonly windowMs = 20,
    /** A batch is sent at once when it holds this many versions. */
    private readonly maxVersions = 5000,
  ) {
    this.name = source.name;
  }

  query(refs: readonly PackageRef[]): Promise<AdvisoryQueryResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ refs, resolve, reject });
      const size = this.waiting.reduce((n, w) => n + w.refs.length, 0);
      if (size >= this.maxVersions) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.windowMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    this.source.query(batch.flatMap((w) => w.refs)).then(
      (result) => {
        for (const w of batch) {
          const byPackage = new Map<string, NonNullable<ReturnType<typeof result.byPackage.get>>>();
          for (const ref of w.refs) {
            const key = packageKey(ref);
            const found = result.byPackage.get(key);
            if (found) byPackage.set(key, found);
          }
          w.resolve({ byPackage, source: result.source, ...(result.dataAsOf ? { dataAsOf: result.dataAsOf } : {}) });
        }
      },
      (err: unknown) => {
        for (const w of batch) w.reject(err);
      },
    );
  }
}
