// `node --import tsx bench/html.ts`: the HTML report of a kubernetes-sized project — the doctor's
// findings and, with --network, the routing table of all its requirements and every probe (the
// proxy is a loopback port where nothing listens, so each probe fails at once, offline) — its size,
// and how long headless Chromium takes to load and render it from disk (median of the runs).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { runDoctor } from '../src/doctor/run.ts';
import { renderHtml } from '../src/report/html.ts';
import { doctorHtmlInput } from '../src/report/html-input.ts';
import { goToolchains } from '../test/helpers/go-matrix.ts';
import { buildKubernetesProject } from './kubernetes-project.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const go = goToolchains().at(-1);
if (!go) {
  process.stderr.write('bench/html: no Go toolchain in .cache/go (run scripts/install-go.sh)\n');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'gomod-html-bench-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const project = join(work, 'kubernetes');
  mkdirSync(project);
  const shape = buildKubernetesProject(project);
  const home = join(work, 'home');
  mkdirSync(home);
  const port = await closedPort();
  const env = {
    PATH: `${dirname(go.goBin)}:/usr/bin:/bin`,
    HOME: home,
    GOPATH: join(work, 'gopath'),
    GOCACHE: join(work, 'gocache'),
    GOENV: join(work, 'goenv'),
    GOPROXY: `http://127.0.0.1:${port}`,
    GOSUMDB: 'off',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    LANG: 'C',
  };
  const lines: string[] = [];
  for (const network of [false, true]) {
    const result = await runDoctor({
      cwd: project,
      env,
      lang: 'en',
      ...(network ? { network: { budgetMs: 10_000 } } : {}),
    });
    const html = renderHtml(await doctorHtmlInput(result, 'en'), 'en');
    const file = join(work, `report-${network}.html`);
    writeFileSync(file, html);
    const times: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const page = await browser.newPage();
      const started = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // The first frame after load: layout and paint of the whole page are done.
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
      const elapsed = performance.now() - started;
      await page.close();
      if (i > 0) times.push(elapsed);
    }
    const modules = result.network?.routes.modules.length ?? 0;
    const probes = result.network?.probes.length ?? 0;
    lines.push(
      `| doctor${network ? ' --network' : ''} | ${result.report.findings.length} | ${network ? `${modules} routes, ${probes} probes` : '-'} | ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB | ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}) |`,
    );
  }
  process.stdout.write(
    `Project: kubernetes' go.mod (${shape.requires} requirements), go.work (${shape.uses} modules), go.sum (${shape.sumLines} lines); go ${go.version}; Chromium loading the file from disk, median of ${RUNS} runs after one warm-up.\n\n` +
      `| report | findings | network | size | load and first paint |\n|---|---|---|---|---|\n${lines.join('\n')}\n`,
  );
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
