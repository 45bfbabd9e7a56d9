import { spawn } from 'node:child_process';
import { failureRecap } from './audit-log.js';
import { clientEnvironment } from './client-env.js';
import type { StartedGuard } from './start-guard.js';

export interface RunGuardedOptions {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/**
 * Runs COMMAND with every package manager pointed at the running proxy, streams its output, and resolves to its
 * exit status (128 + signal number when it was killed, as shells report it). Interrupts are passed on to it. When
 * it fails after the guard filtered or refused something, the guard's decisions are repeated after its output.
 */
export function runGuarded(guard: StartedGuard, options: RunGuardedOptions): Promise<number> {
  const { server } = guard;
  const host = new URL(server.npmUrl).hostname;
  const env = { ...options.env, ...clientEnvironment({ npm: server.npmUrl, pypi: server.pypiUrl, host }, guard.npmScopes) };
  return new Promise((resolve) => {
    const child = spawn(options.command, options.args, { cwd: options.cwd, env, stdio: ['inherit', 'pipe', 'pipe'] });
    child.stdout.on('data', (c: Buffer) => options.stdout(c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => options.stderr(c.toString('utf8')));
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    const done = (code: number) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      if (code !== 0) options.stderr(failureRecap(guard.audit, options.command, code));
      resolve(code);
    };
    child.on('error', (err) => {
      options.stderr(`lockwarden guard: cannot run ${options.command}: ${err.message}\n`);
      done(127);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 128 + signalNumber(signal) : 1)));
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 1;
}
