// `node --import ./cpu-usage.mjs …`: prints the process's own CPU time (user + system, ms) on stderr at exit, so the
// startup bench can compare CPU cost, which a loaded machine disturbs far less than wall time.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nCPU-USAGE ${((user + system) / 1000).toFixed(1)}\n`);
});
