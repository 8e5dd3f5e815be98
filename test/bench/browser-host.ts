import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../../electron/core/app-core.ts';
import { startBrowserHost } from '../../electron/core/http/browser-host.ts';
import { clientHeader, tokenHeader } from '../../shared/security.ts';
import { benchKey } from './bench-key.ts';
import { type Figures, median, race } from './measure.ts';

const password = 'bench bench bench';
/** Calls per sample: one call takes a fraction of a millisecond, below what a single timing resolves well. */
const callsPerSample = 25;

interface Target {
  port: number;
  agent: http.Agent;
}

/** One POST on a kept-alive connection, read to the end; resolves with the status and the body. */
function post(to: Target, pathname: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: to.port,
        path: pathname,
        method: 'POST',
        agent: to.agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The floor: node:http answering every POST with its own body as JSON, nothing checked. */
async function echoServer(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const listening = (server: http.Server) => (server.address() as AddressInfo).port;
/** One socket per server, kept alive: every call after the first reuses it, as a browser tab does. */
const keptAlive = () => new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * A light call (auth.me of a logged-in tab) through the browser host, token, Host and body checks, dispatcher and
 * all, against a bare node:http echo of the same request; both served in this process, each with its own kept-alive
 * connection, called alternately in shuffled order.
 */
export async function browserHostCallBench(): Promise<Figures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-http-'));
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Schakel</title>');
  const core = await startCore(path.join(dir, 'data'), { key: benchKey });
  await core.dispatcher.dispatch(
    'auth.setup',
    { organisatieNaam: 'Bench', displayName: 'Bench', username: 'bench', password, role: 'projectleider' },
    'bench',
  );
  const host = await startBrowserHost({ dispatcher: core.dispatcher, staticDir });
  const echo = await echoServer();
  const app: Target = { port: host.port, agent: keptAlive() };
  const bare: Target = { port: listening(echo), agent: keptAlive() };
  const headers = {
    'content-type': 'application/json',
    [tokenHeader]: host.token,
    [clientHeader]: randomUUID(),
  };

  const login = await post(app, '/api/auth.login', headers, JSON.stringify({ username: 'bench', password }));
  const me = await post(app, '/api/auth.me', headers, '{}');
  if (login.status !== 200 || me.status !== 200 || !me.body.includes('"username":"bench"'))
    throw new Error(`browser host bench: ${login.body} ${me.body}`);

  const calls = (to: Target) => async () => {
    for (let i = 0; i < callsPerSample; i++) {
      const reply = await post(to, '/api/auth.me', headers, '{}');
      if (reply.status !== 200) throw new Error(`browser host bench: ${reply.status} ${reply.body}`);
    }
  };
  const medians = await race({ host: calls(app), echo: calls(bare) }, 400, 40);

  app.agent.destroy();
  bare.agent.destroy();
  await new Promise((resolve) => echo.close(resolve));
  await host.close();
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    browserHostCall: {
      subjectMs: (medians.host ?? 0) / callsPerSample,
      floorMs: (medians.echo ?? 0) / callsPerSample,
      about: { call: 'auth.me', keepAlive: true, callsPerSample },
    },
  };
}

/** The first page's URL as a starting host prints it. */
function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)#token=/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', () => reject(new Error(`host stopped before it served: ${out}`)));
  });
}

/** Spawns a host, fetches its first page, stops it; the milliseconds from spawning to the page read. */
async function firstPage(start: () => ChildProcess): Promise<number> {
  const started = performance.now();
  const child = start();
  try {
    const page = await fetch(await printedUrl(child));
    const html = await page.text();
    if (page.status !== 200 || !html.includes('<div id="root">'))
      throw new Error(`first page: ${page.status} ${html.slice(0, 80)}`);
    return performance.now() - started;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

const starts = 5;
/** The floor of a start: a bare node process that serves the same built page with node:http. */
const bareHost = `
import fs from 'node:fs';
import http from 'node:http';
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  fs.createReadStream(process.argv[1]).pipe(res);
});
server.listen(0, '127.0.0.1', () => console.log(\`http://127.0.0.1:\${server.address().port}/#token=-\`));
`;

/**
 * From starting `node electron/start.ts --browser` on a new data folder (passphrase typed at once) to the first page
 * served, against a bare node process serving the same page: five starts of each, alternately in random order.
 */
export async function browserHostStartBench(): Promise<Figures> {
  const index = path.resolve('dist/renderer/index.html');
  if (!fs.existsSync(index)) throw new Error('dist/renderer is missing: run `npm run build` first');
  const folders: string[] = [];
  const app = () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-bench-host-'));
    folders.push(dataDir);
    const child = spawn(process.execPath, ['electron/start.ts', '--browser', '--data-dir', dataDir], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child.stdin?.write(`${benchKey}-host\n${benchKey}-host\n`);
    return child;
  };
  const bare = () =>
    spawn(process.execPath, ['--input-type=module', '-e', bareHost, index], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  const samples = { app: [] as number[], bare: [] as number[] };
  await firstPage(app); // the first start of all also fills the operating system's file cache
  for (let i = 0; i < starts; i++) {
    for (const name of Math.random() < 0.5 ? (['app', 'bare'] as const) : (['bare', 'app'] as const)) {
      samples[name].push(await firstPage(name === 'app' ? app : bare));
    }
  }
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  return {
    browserHostStart: { subjectMs: median(samples.app), floorMs: median(samples.bare), about: { starts } },
  };
}
