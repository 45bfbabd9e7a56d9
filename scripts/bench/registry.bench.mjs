// Registry lookups: 300 packages against a local registry that answers each packument after 20 ms, sequentially and
// with the default bounded concurrency (8), no cache. Shows what concurrency buys on a PR touching many packages.
import { createServer } from 'node:http';
import { RegistryClients, lookupPackages } from '../../packages/core/dist/index.js';
import { medianMs, report } from './harness.mjs';

const server = createServer((req, res) => {
  const name = decodeURIComponent(req.url.slice(1));
  const doc = {
    name,
    'dist-tags': { latest: '1.0.0' },
    versions: { '1.0.0': { name, version: '1.0.0', license: 'MIT', dist: { tarball: 'https://registry.example.org/x.tgz' } } },
    time: { '1.0.0': '2024-01-01T00:00:00Z' },
  };
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(doc));
  }, 20);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const requests = Array.from({ length: 300 }, (_, i) => ({ ecosystem: 'npm', name: `bench-package-${i}`, version: '1.0.0' }));
const clients = () => new RegistryClients({ cwd: '/', env: {}, cacheDir: null, endpoints: { npm: url } });

const sequential = await medianMs(() => lookupPackages(requests, clients(), 1), { runs: 3, warmup: 1 });
report('300 packuments, concurrency 1', sequential);
const bounded = await medianMs(() => lookupPackages(requests, clients(), 8), { runs: 3, warmup: 1 });
report('300 packuments, concurrency 8', bounded, { name: 'concurrency 1', ms: sequential });
server.close();
