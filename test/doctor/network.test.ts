// `doctor --network` end to end, through the bundled CLI, against servers on loopback only: a lab
// module proxy (healthy, or stalling), a lab checksum database and a lab DNS server the probes are
// pointed at with --resolver. Also: the requirements handed to the network engine (after
// replacements), the usage errors, Ctrl-C, and the live view leaving nothing but the summary.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFacts } from '../../src/doctor/facts.ts';
import { LiveView } from '../../src/doctor/live.ts';
import { networkRequirements } from '../../src/doctor/network.ts';
import { run } from '../../src/exec/run.ts';
import type { ProbeResult } from '../../src/network/types.ts';
import { cliPath, runCli } from '../helpers/cli.ts';
import { NO_GO_REASON } from '../helpers/go-matrix.ts';
import type { DnsServer } from '../lab/kit/dns-server.ts';
import { startDnsServer } from '../lab/kit/dns-server.ts';
import type { ProxyServer } from '../lab/kit/proxy-server.ts';
import type { Sandbox } from '../lab/kit/sandbox.ts';
import { createSandbox } from '../lab/kit/sandbox.ts';
import type { ChecksumDatabase } from '../lab/kit/sumdb.ts';
import { startChecksumDatabase } from '../lab/kit/sumdb.ts';
import { labUniverse, startPublicProxy } from '../network/helpers.ts';
import { HEALTHY_GOMOD, HEALTHY_GOSUM, toolchain } from './helpers.ts';

interface JsonReport {
  findings: Array<{ cause: string; severity: string; check: string; title: string }>;
  network?: {
    routes: { groups: Array<{ kind: string; modules: string[] }>; modules: Array<{ module: string }> };
    probes: ProbeResult[];
    stopped?: string;
  };
}

// ---------------------------------------------------------------------------------------------
// A tiny terminal: enough of ANSI (cursor to previous lines, erase line / below, cursor on/off) to
// see what a live view leaves on the screen.

function emulate(output: string): { screen: string[]; cursorVisible: boolean } {
  const screen: string[] = [''];
  let row = 0;
  let cursorVisible = true;
  const token = /\x1b\[(\??)(\d*)([A-Za-z])|\r?\n|\r|[^\x1b\r\n]+/g;
  for (const match of output.matchAll(token)) {
    const text = match[0];
    if (text === '\n' || text === '\r\n') {
      row++;
      screen[row] ??= '';
    } else if (text === '\r') {
      // Column 0: the next text overwrites the line (the emulator keeps it simple: erase it).
      screen[row] = '';
    } else if (match[3] !== undefined) {
      const n = match[2] === '' ? 1 : Number(match[2]);
      const private_ = match[1] === '?';
      switch (match[3]) {
        case 'F':
          row = Math.max(0, row - n);
          break;
        case 'K':
          screen[row] = '';
          break;
        case 'J':
          screen[row] = '';
          screen.length = row + 1;
          break;
        case 'h':
          if (private_ && n === 25) cursorVisible = true;
          break;
        case 'l':
          if (private_ && n === 25) cursorVisible = false;
          break;
        default:
        // Colours (m) and anything else: no effect on the text.
      }
    } else {
      screen[row] = (screen[row] ?? '') + text;
    }
  }
  while (screen.length > 0 && screen.at(-1) === '') screen.pop();
  return { screen, cursorVisible };
}

function probe(id: string, ok: boolean): ProbeResult {
  return {
    id,
    phase: 'http',
    target: `http://127.0.0.1:1/${id}`,
    services: ['goproxy'],
    status: ok ? 'ok' : 'timeout',
    ok,
    durationMs: 12,
    http: { url: `http://127.0.0.1:1/${id}`, method: 'GET', ...(ok ? { status: 200, ttfbMs: 3 } : {}) },
  };
}

describe('live view', () => {
  it('draws a spinner line per running probe, settles it, and leaves nothing on screen', async () => {
    let written = '';
    const stream = {
      columns: 60,
      rows: 20,
      write(chunk: string) {
        written += chunk;
        return true;
      },
    } as unknown as NodeJS.WritableStream & { columns: number; rows: number };
    const view = new LiveView({ stream, color: false, frameMs: 5 });
    view.start();
    for (let i = 0; i < 30; i++) {
      view.onProgress({
        type: 'start',
        id: `p${i}`,
        phase: 'http',
        target: `http://127.0.0.1:1/p${i}`,
        services: ['goproxy'],
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    const midway = emulate(written);
    // Bounded by the terminal: never more lines than it has rows, none wider than it.
    expect(midway.screen.length).toBeLessThanOrEqual(18);
    expect(midway.screen.length).toBeGreaterThan(1);
    for (const line of midway.screen) expect(line.length).toBeLessThan(60);
    expect(midway.screen.join('\n')).toContain('GET http://127.0.0.1:1/p0');
    expect(midway.cursorVisible).toBe(false);
    for (let i = 0; i < 30; i++) view.onProgress({ type: 'end', result: probe(`p${i}`, i % 2 === 0) });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(emulate(written).screen.join('\n')).toMatch(/✓ GET http:\/\/127\.0\.0\.1:1\/p\d+ {2}ok/);
    view.onProgress({ type: 'done', durationMs: 40 });
    const end = emulate(written);
    expect(end.screen).toEqual([]);
    expect(end.cursorVisible).toBe(true);
    // Stopping twice (Ctrl-C, then the end of the run) writes nothing more.
    const before = written.length;
    view.stop();
    expect(written.length).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------

describe('requirements handed to the network checks', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gomod-doctor-netreq-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('apply replacements: a directory is left out, a module is fetched as its replacement', async () => {
    await writeFile(
      join(dir, 'go.mod'),
      [
        'module example.com/app',
        '',
        'go 1.21',
        '',
        'require (',
        '\texample.com/plain v1.0.0',
        '\texample.com/local v1.0.0',
        '\texample.com/forked v1.2.0',
        '\texample.com/pinned v1.3.0 // indirect',
        ')',
        '',
        'replace example.com/local => ../local',
        'replace example.com/forked => github.com/me/forked v1.2.1-fix',
        'replace example.com/pinned v1.0.0 => example.com/other v9.9.9',
        '',
      ].join('\n'),
    );
    const facts = createFacts({ cwd: dir, env: { PATH: '/nonexistent', HOME: dir }, lang: 'en' });
    expect(networkRequirements(await facts.project())).toEqual([
      { path: 'example.com/plain', version: 'v1.0.0' },
      { path: 'github.com/me/forked', version: 'v1.2.1-fix' },
      // The replacement names another version: it does not apply.
      { path: 'example.com/pinned', version: 'v1.3.0' },
    ]);
  });

  it('in a workspace: every module, the workspace modules themselves left out, go.work replaces first', async () => {
    const ws = join(dir, 'ws');
    await rm(ws, { recursive: true, force: true });
    await mkdir(join(ws, 'a'), { recursive: true });
    await mkdir(join(ws, 'b'), { recursive: true });
    await writeFile(
      join(ws, 'go.work'),
      'go 1.21\n\nuse (\n\t./a\n\t./b\n)\n\nreplace example.com/x => example.com/y v1.0.0\n',
    );
    await writeFile(
      join(ws, 'a', 'go.mod'),
      'module example.com/a\n\ngo 1.21\n\nrequire (\n\texample.com/b v0.0.0\n\texample.com/x v1.0.0\n\texample.com/z v1.1.0\n)\n\nreplace example.com/x => ../x\n',
    );
    await writeFile(
      join(ws, 'b', 'go.mod'),
      'module example.com/b\n\ngo 1.21\n\nrequire example.com/z v1.2.0\n',
    );
    const facts = createFacts({ cwd: join(ws, 'a'), env: { PATH: '/nonexistent', HOME: dir }, lang: 'en' });
    const reqs = networkRequirements(await facts.project());
    expect(reqs).toEqual([
      { path: 'example.com/y', version: 'v1.0.0' },
      { path: 'example.com/z', version: 'v1.2.0' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe.skipIf(!toolchain)(
  `doctor --network through the CLI${toolchain ? '' : ` (${NO_GO_REASON})`}`,
  () => {
    let proxy: ProxyServer;
    let sumdb: ChecksumDatabase;
    let dns: DnsServer;
    let sandbox: Sandbox;

    beforeAll(async () => {
      proxy = await startPublicProxy();
      sumdb = await startChecksumDatabase({ universe: labUniverse() });
      dns = await startDnsServer({
        rules: { names: { 'proxy.lab.test': { addresses: ['127.0.0.1'] } }, otherwise: 'nxdomain' },
      });
      sandbox = await createSandbox({ go: toolchain! });
      await sandbox.writeFiles({ 'go.mod': HEALTHY_GOMOD, 'go.sum': HEALTHY_GOSUM });
    });
    afterAll(async () => {
      await proxy?.close();
      await sumdb?.close();
      await dns?.close();
      await sandbox?.dispose();
    });

    function cli(args: string[], env: Record<string, string | undefined> = {}) {
      return runCli(args, { cwd: sandbox.workDir, env: { ...sandbox.env, NO_COLOR: '1', ...env } });
    }

    it('without --network: no network area, and no request reaches any server', async () => {
      proxy.clearLog();
      const before = dns.log.length;
      const result = await cli(['doctor', '--json'], { GOPROXY: proxy.url, GOSUMDB: sumdb.gosumdb });
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.network).toBeUndefined();
      expect(report.findings.filter((f) => f.check === 'network')).toEqual([]);
      const text = await cli(['doctor'], { GOPROXY: proxy.url });
      expect(text.stdout).not.toMatch(/Network|Routes/);
      expect(proxy.log).toEqual([]);
      expect(sumdb.log).toEqual([]);
      expect(dns.log.length).toBe(before);
    });

    it('a stalling proxy: proxy-stall within the --budget, exit 1', async () => {
      proxy.clearLog();
      const fault = proxy.addFault({ match: { endpoint: 'list' }, action: { type: 'stall' } });
      try {
        const started = performance.now();
        const result = await cli(['doctor', '--network', '--json', '--budget', '3'], { GOPROXY: proxy.url });
        const elapsed = performance.now() - started;
        expect(result.exitCode, result.stderr).toBe(1);
        // The budget, plus the start of node and of the other checks.
        expect(elapsed).toBeLessThan(8_000);
        const report = JSON.parse(result.stdout) as JsonReport;
        const stall = report.findings.find((f) => f.cause === 'proxy-stall');
        expect(stall).toMatchObject({ check: 'network', severity: 'error' });
        const http = report.network?.probes.find((p) => p.phase === 'http');
        expect(http).toMatchObject({ ok: false, target: `${proxy.url}/golang.org/x/text/@v/list` });
        expect(http!.durationMs).toBeLessThan(3_500);
        // Only the public probe module was asked for, never one of the project's own paths.
        expect(proxy.log.map((r) => r.path)).toEqual(['/golang.org/x/text/@v/list']);
      } finally {
        fault.remove();
      }
    });

    it('a healthy network: the routes block in text, network.routes in JSON, DNS through --resolver', async () => {
      proxy.clearLog();
      const goproxy = `http://proxy.lab.test:${proxy.port}`;
      const env = { GOPROXY: goproxy, GOSUMDB: sumdb.gosumdb };
      const resolver = `127.0.0.1:${dns.port}`;
      const json = await cli(['doctor', '--network', '--resolver', resolver, '--json'], env);
      const report = JSON.parse(json.stdout) as JsonReport;
      expect(report.findings.filter((f) => f.check === 'network')).toEqual([]);
      expect(report.network?.routes.groups).toEqual([
        expect.objectContaining({ kind: 'proxies', modules: ['example.com/a', 'example.com/b'] }),
      ]);
      const probes = report.network!.probes;
      expect(probes.find((p) => p.phase === 'dns')).toMatchObject({
        ok: true,
        target: 'proxy.lab.test',
        dns: { resolver },
      });
      expect(probes.filter((p) => p.phase === 'http').every((p) => p.ok)).toBe(true);
      expect(probes.some((p) => p.target === `${sumdb.url}/latest`)).toBe(true);
      expect(dns.log.some((q) => q.name === 'proxy.lab.test')).toBe(true);

      const text = await cli(['doctor', '--network', '--resolver', resolver], env);
      expect(text.stdout).toMatch(/\[✓\] Network \(\d+ endpoints answered/);
      expect(text.stdout).toContain('• Network\n  Routes:\n');
      expect(text.stdout).toContain(`sent to proxy.lab.test:${proxy.port}: 2 modules`);
      expect(text.stdout).toContain(`checksums of 2 modules verified with ${sumdb.name} at ${sumdb.url}`);
      // Not a terminal: no live view, nothing on standard error.
      expect(text.stderr).toBe('');
      // -v lists every probe.
      const verbose = await cli(['doctor', '--network', '--resolver', resolver, '-v'], env);
      expect(verbose.stdout).toMatch(/Probes:\n {4}DNS proxy\.lab\.test {2}ok/);
      const zh = await cli(['doctor', '--network', '--resolver', resolver, '--lang', 'zh-CN'], env);
      expect(zh.stdout).toContain('• 网络\n  获取路径：\n');
      // The project's own module paths never went to the proxy.
      expect(proxy.log.every((r) => r.path === '/golang.org/x/text/@v/list')).toBe(true);
    });

    it('no output format holds a secret of a proxy URL; SARIF and Markdown carry the findings', async () => {
      const canary = 'CANARYnetPASS9';
      const env = { GOPROXY: `http://me:${canary}@127.0.0.1:${proxy.port}`, GOSUMDB: 'off' };
      const fault = proxy.addFault({ match: { endpoint: 'list' }, action: { type: 'status', status: 500 } });
      try {
        for (const format of [[], ['-v'], ['--json'], ['--format=sarif'], ['--format=markdown']]) {
          const result = await cli(['doctor', '--network', '--budget', '3', ...format], env);
          expect(result.stdout.length, format.join(' ')).toBeGreaterThan(0);
          expect(result.stdout + result.stderr, format.join(' ')).not.toContain(canary);
        }
        const markdown = await cli(['doctor', '--network', '--format=markdown'], env);
        expect(markdown.stdout).toContain(`### Routes\n\n- sent to 127.0.0.1:${proxy.port}: 2 modules`);
        const sarif = JSON.parse((await cli(['doctor', '--network', '--format=sarif'], env)).stdout) as {
          runs: Array<{ results: unknown[] }>;
        };
        expect(JSON.stringify(sarif.runs[0]!.results)).toContain('127.0.0.1');
      } finally {
        fault.remove();
      }
    });

    it('usage errors: --budget 0, a resolver that is no address, --resolver without --network', async () => {
      for (const args of [
        ['--budget', '0'],
        ['--budget', '-1'],
        ['--budget', 'soon'],
        ['--resolver', 'dns.example.com'],
        ['--resolver', '300.1.1.1'],
        ['--resolver', '127.0.0.1:70000'],
      ]) {
        const result = await cli(['doctor', '--network', ...args]);
        expect(result.exitCode, args.join(' ')).toBe(2);
        expect(result.stderr).toContain(args[0]);
        expect(result.stdout).toBe('');
      }
      const zh = await cli(['doctor', '--network', '--budget', '0', '--lang', 'zh-CN']);
      expect(zh.exitCode).toBe(2);
      expect(zh.stderr).toContain('大于 0 的秒数');
      const alone = await cli(['doctor', '--resolver', '127.0.0.1']);
      expect(alone.exitCode).toBe(2);
      expect(alone.stderr).toContain('--network');
    });

    it('Ctrl-C during the probes: they stop at once, what was found is printed, exit 130', async () => {
      proxy.clearLog();
      const fault = proxy.addFault({ match: { endpoint: 'list' }, action: { type: 'stall' } });
      try {
        const child = spawn(process.execPath, [cliPath, 'doctor', '--network', '--json', '--budget', '30'], {
          cwd: sandbox.workDir,
          env: { ...sandbox.env, NO_COLOR: '1', GOPROXY: proxy.url } as NodeJS.ProcessEnv,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
        });
        const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
        // Wait until the probe is stuck in the stalled request.
        const deadline = performance.now() + 10_000;
        while (proxy.log.length === 0 && performance.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        expect(proxy.log.length).toBe(1);
        const interrupted = performance.now();
        child.kill('SIGINT');
        const code = await exited;
        expect(code).toBe(130);
        expect(performance.now() - interrupted).toBeLessThan(3_000);
        const report = JSON.parse(stdout) as JsonReport;
        expect(report.network?.probes.find((p) => p.phase === 'http')).toMatchObject({ status: 'aborted' });
        expect(report.network?.stopped).toBe('aborted');
        // The probes that finished are there.
        expect(report.network?.probes.find((p) => p.phase === 'tcp')).toMatchObject({ ok: true });
      } finally {
        fault.remove();
      }
    });

    // `script` (util-linux) gives the CLI a pseudo-terminal; its output is what the screen received.
    it.skipIf(!existsSync('/usr/bin/script'))(
      'in a terminal: a live view on standard error that settles into the summary alone',
      async () => {
        const fault = proxy.addFault({
          match: { endpoint: 'list' },
          action: { type: 'delay', ms: 600 },
        });
        try {
          const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} doctor --network`;
          const tty = await run('/usr/bin/script', ['-qfec', command, '/dev/null'], {
            cwd: sandbox.workDir,
            env: {
              ...sandbox.env,
              GOPROXY: proxy.url,
              TERM: 'xterm',
              NO_COLOR: '1',
              CI: undefined,
            },
            timeoutMs: 30_000,
          });
          // The live view was drawn (a spinner line for the stalled-for-a-while request) ...
          expect(tty.stdout).toContain(`GET ${proxy.url}/golang.org/x/text/@v/list`);
          expect(tty.stdout).toContain('\x1b[?25l');
          // ... and nothing of it is left: the screen holds exactly the summary.
          const { screen, cursorVisible } = emulate(tty.stdout);
          expect(cursorVisible).toBe(true);
          expect(screen[0]).toMatch(/^\[.\] Go toolchain/);
          expect(screen.join('\n')).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
          expect(screen.join('\n')).toContain('• Network');
        } finally {
          fault.remove();
        }
      },
    );
  },
);
