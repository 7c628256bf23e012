// Browser mode as the benchmarks start it: the built `out/main/server.js` in its own Node
// process, ready when it prints its KPIS_READY line (run `npx electron-vite build` first).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface StartedServer {
  server: ChildProcess;
  url: string;
  /** From spawning the process to its KPIS_READY line. */
  readyMs: number;
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Starts browser mode with `args` (after `--port <port> --no-open --ready-json`); port 0, the
 * default, is any free port. */
export function startServer(args: readonly string[], port = 0): Promise<StartedServer> {
  const start = performance.now();
  const server = spawn(
    process.execPath,
    ['out/main/server.js', '--port', String(port), '--no-open', '--ready-json', ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise<StartedServer>((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((entry) => entry.startsWith('KPIS_READY '));
      if (line) {
        const { url } = JSON.parse(line.slice('KPIS_READY '.length)) as { url: string };
        resolve({ server, url, readyMs: performance.now() - start });
      }
    });
    server.on('exit', () => {
      reject(new Error(`the server stopped: ${output}`));
    });
  });
}

/** Stops a started server and waits until its process has ended. */
export function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => {
      resolve();
    });
    server.kill('SIGTERM');
  });
}

/** A port free now, for a server started on the same port again and again. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
