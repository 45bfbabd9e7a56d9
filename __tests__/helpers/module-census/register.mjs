// `node --import ./register.mjs …`: counts the modules a process loads, ES modules through loader hooks and
// CommonJS modules through Module._load, and prints them as one JSON array on stderr when the process exits.
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';

const loaded = new Set();
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => loaded.add(url));
port1.unref();
register(new URL('./hooks.mjs', import.meta.url), { data: { port: port2 }, transferList: [port2] });

const load = Module._load;
Module._load = function census(request, parent, isMain) {
  const result = load.call(this, request, parent, isMain);
  try {
    const file = Module._resolveFilename(request, parent, isMain);
    if (file.startsWith('/')) loaded.add(pathToFileURL(file).href);
  } catch {
    // Resolution already failed inside load(); nothing was loaded.
  }
  return result;
};

process.on('exit', () => {
  process.stderr.write(`\nMODULE-CENSUS ${JSON.stringify([...loaded].filter((u) => u.startsWith('file:')))}\n`);
});
