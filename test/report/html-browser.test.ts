// The HTML reports in a real browser (Debian's Chromium, driven by playwright-core through
// executablePath): each report kind is made from a real run against lab servers on loopback, written
// to disk, opened from file:// with every other request blocked and recorded, and checked in the DOM:
// no request left the page, the areas, findings, waterfall rows, graph nodes and the highlighted edge
// are there, a filter click changes the list, no secret canary is anywhere in the file. A screenshot
// of each is kept in test-artifacts/html/ (the README's pictures come from there).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/doctor/run.ts';
import { explainText } from '../../src/explain/index.ts';
import { type HtmlInput, renderHtml } from '../../src/report/html.ts';
import { doctorHtmlInput, whyHtmlInput } from '../../src/report/html-input.ts';
import { loadModuleGraph, versionReason } from '../../src/tidy/why.ts';
import { VERSION } from '../../src/version.ts';
import { runCli } from '../helpers/cli.ts';
import { goToolchains, repoRoot } from '../helpers/go-matrix.ts';
import type { ProxyServer } from '../lab/kit/proxy-server.ts';
import { startProxyServer } from '../lab/kit/proxy-server.ts';
import { createSandbox, type Sandbox } from '../lab/kit/sandbox.ts';
import { createUniverse, type ModuleDecl } from '../lab/kit/universe.ts';
import { FAST_PHASES, startPublicProxy } from '../network/helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const toolchain = goToolchains().at(-1);
const ARTIFACTS = join(repoRoot, 'test-artifacts', 'html');
const CANARY = 'ghp_CanaryCanaryCanaryCanary1234567890';

let browser: Browser | undefined;
let outDir: string;

beforeAll(async () => {
  if (!haveChromium) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  outDir = mkdtempSync(join(tmpdir(), 'gomod-html-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens a report from disk with every request but the file itself refused; returns what was asked. */
async function open(
  name: string,
  html: string,
): Promise<{ page: Page; requests: string[]; renderMs: number }> {
  const file = join(outDir, `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const context = await browser!.newContext({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const asked = route.request().url();
    requests.push(asked);
    return asked === url ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  const renderMs = performance.now() - started;
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  expect(errors).toEqual([]);
  return { page, requests: requests.filter((r) => r !== url), renderMs };
}

function expectSelfContained(html: string): void {
  // Nothing loads from elsewhere: no src/href to another address, no CSS url(), no @import.
  expect(html).not.toMatch(
    /\s(?:src|href)="(?!#)(?!https?:\/\/go\.dev|https?:\/\/[^"]*golang|https?:\/\/pkg\.go\.dev)[a-z]+:/i,
  );
  expect(html).not.toMatch(
    /<script[^>]+src=|<link[^>]+rel="?stylesheet|@import|url\(\s*['"]?(?:https?:)?\/\//i,
  );
  expect(html).not.toContain(CANARY);
}

const UNIVERSE: ModuleDecl[] = [
  {
    path: 'example.com/a',
    versions: {
      'v1.0.0': {
        files: {
          'go.mod': 'module example.com/a\n\ngo 1.21\n\nrequire example.com/c v1.1.0\n',
          'a.go': 'package a\n',
        },
      },
    },
  },
  {
    path: 'example.com/b',
    versions: {
      'v1.0.0': {
        files: {
          'go.mod': 'module example.com/b\n\ngo 1.21\n\nrequire example.com/c v1.3.0\n',
          'b.go': 'package b\n',
        },
      },
    },
  },
  {
    path: 'example.com/c',
    versions: {
      'v1.1.0': { files: { 'go.mod': 'module example.com/c\n\ngo 1.21\n', 'c.go': 'package c\n' } },
      'v1.3.0': { files: { 'go.mod': 'module example.com/c\n\ngo 1.21\n', 'c.go': 'package c\n' } },
    },
  },
];

describe.skipIf(!haveChromium || !toolchain)(
  `HTML reports in headless Chromium${haveChromium ? '' : ` (no Chromium at ${CHROMIUM}: apt-get install chromium)`}`,
  () => {
    let sandbox: Sandbox;
    let proxy: ProxyServer;

    beforeAll(async () => {
      proxy = await startProxyServer({ universe: createUniverse(UNIVERSE) });
      sandbox = await createSandbox({ go: toolchain!, goproxy: proxy.url });
      symlinkSync(toolchain!.goroot, join(sandbox.root, 'sdk'));
    });
    /** The toolchain through a link in the sandbox: the screenshots show no path of the test machine. */
    const sdkEnv = () => ({
      GOROOT: join(sandbox.root, 'sdk'),
      PATH: `${join(sandbox.root, 'sdk', 'bin')}:/usr/bin:/bin`,
    });
    afterAll(async () => {
      await sandbox?.dispose();
      await proxy?.close();
    });

    it('doctor: areas, findings with code frames, fixes with copy buttons, filters that work', async () => {
      await sandbox.writeFiles({
        'go.mod': `module example.com/app\n\ngo 1.21\n\nrequire example.com/a v1.0.0\n\nreplace example.com/a => ../a-local\n`,
        'main.go': 'package main\n\nimport _ "example.com/a"\n\nfunc main() {}\n',
      });
      const result = await runDoctor({
        cwd: sandbox.workDir,
        env: { ...sandbox.env, ...sdkEnv(), GOPROXY: `https://${CANARY}@proxy.example.com` },
        lang: 'en',
        release: true,
      });
      const html = renderHtml(await doctorHtmlInput(result, 'en'), 'en');
      expectSelfContained(html);
      const { page, requests } = await open('doctor', html);
      expect(requests).toEqual([]);
      const areas = await page.locator('li.area').count();
      expect(areas).toBe(result.areas.length);
      const findings = page.locator('article.finding');
      const total = await findings.count();
      expect(total).toBe(result.report.findings.length);
      expect(total).toBeGreaterThan(1);
      // The replace line is framed, and marked, in the code frame of its finding.
      const replace = page
        .locator(
          'article.finding[data-cause="replace-target-missing"], article.finding[data-cause="local-replace"]',
        )
        .first();
      await expect
        .poll(() => replace.locator('table.frame tr.here').textContent())
        .toContain('replace example.com/a => ../a-local');
      expect(await page.locator('button.copy').count()).toBeGreaterThan(0);
      // Unticking "error" hides exactly the error findings.
      const errors = result.report.findings.filter((f) => f.severity === 'error').length;
      expect(errors).toBeGreaterThan(0);
      await page.locator('input.f-sev[value="error"]').uncheck();
      expect(await page.locator('article.finding:visible').count()).toBe(total - errors);
      await page.locator('input.f-sev[value="error"]').check();
      expect(await page.locator('article.finding:visible').count()).toBe(total);
    });

    it('doctor in Chinese: the page speaks zh-CN', async () => {
      await sandbox.writeFiles({ 'go.mod': 'module example.com/app\n\ngo 1.21\n' });
      const result = await runDoctor({ cwd: sandbox.workDir, env: sandbox.env, lang: 'zh-CN' });
      const html = renderHtml(await doctorHtmlInput(result, 'zh-CN'), 'zh-CN');
      const { page } = await open('doctor-zh', html);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await page.locator('h1').textContent()).toContain('诊断报告');
    });

    it('doctor --network: the routing table and a waterfall of probes with the failure marked', async () => {
      const publicProxy = await startPublicProxy();
      const fault = publicProxy.addFault({
        match: { endpoint: 'list' },
        action: { type: 'status', status: 500 },
      });
      try {
        await sandbox.writeFiles({
          'go.mod': 'module example.com/app\n\ngo 1.21\n\nrequire golang.org/x/text v0.14.0\n',
        });
        const result = await runDoctor({
          cwd: sandbox.workDir,
          env: { ...sandbox.env, ...sdkEnv(), GOPROXY: publicProxy.url, GOSUMDB: 'off', GOFLAGS: '' },
          lang: 'en',
          network: { budgetMs: 5_000, phaseTimeouts: FAST_PHASES },
        });
        expect(result.network).toBeDefined();
        const html = renderHtml(await doctorHtmlInput(result, 'en'), 'en');
        expectSelfContained(html);
        const { page, requests } = await open('doctor-network', html);
        expect(requests).toEqual([]);
        expect(await page.locator('table.routes tbody tr').count()).toBe(
          result.network!.routes.modules.length,
        );
        expect(await page.locator('table.routes').textContent()).toContain('golang.org/x/text');
        const rows = page.locator('#probes table.waterfall tr.row');
        expect(await rows.count()).toBe(result.network!.probes.length);
        // Every probe row shows its duration; the failed HTTP probe is marked failed.
        for (const probe of result.network!.probes) expect(probe.startMs).toBeGreaterThanOrEqual(0);
        expect(await page.locator('#probes tr.row.fail').count()).toBeGreaterThan(0);
        expect(await page.locator('#probes tr.row.fail').first().textContent()).toMatch(/http/);
        // The route through the failing proxy is marked where it breaks.
        expect(await page.locator('table.routes tr.problem').textContent()).toMatch(
          /golang\.org\/x\/text.*http: http-error/s,
        );
      } finally {
        fault.remove();
        await publicProxy.close();
      }
    });

    it('trace: the timeline waterfall with the stall marked, and per-host totals', async () => {
      const fault = proxy.addFault({ match: { endpoint: 'zip' }, action: { type: 'stall' } });
      try {
        await sandbox.writeFiles({ 'go.mod': 'module example.com/app\n\ngo 1.21\n' });
        const traced = await runCli(
          [
            'trace',
            '--json',
            '--stall',
            '1',
            '--timeout',
            '4',
            '--',
            'go',
            'mod',
            'download',
            'example.com/a@v1.0.0',
          ],
          { cwd: sandbox.workDir, env: { ...sandbox.env, NO_COLOR: '1' } },
        );
        const report = JSON.parse(traced.stdout) as HtmlInput['report'] & { events: never[] };
        const input: HtmlInput = {
          kind: 'trace',
          report,
          events: report.events,
          command: 'go mod download example.com/a@v1.0.0',
          durationSeconds: 4,
        };
        const html = renderHtml(input, 'en');
        expectSelfContained(html);
        const { page, requests } = await open('trace', html);
        expect(requests).toEqual([]);
        const rows = page.locator('#timeline tr.row');
        expect(await rows.count()).toBe(report.events.length);
        expect(await page.locator('#timeline tr.row.stall').count()).toBeGreaterThan(0);
        expect(await page.locator('#timeline').textContent()).toMatch(/\.zip/);
        expect(await page.locator('#hosts tbody tr').count()).toBeGreaterThan(0);
        expect(await page.locator('article.finding').first().getAttribute('data-cause')).toBe('proxy-stall');
      } finally {
        fault.remove();
      }
    });

    it('tidy-check --why: the requirement graph with the edge that set the version highlighted', async () => {
      await sandbox.writeFiles({
        'go.mod':
          'module example.com/app\n\ngo 1.21\n\nrequire (\n\texample.com/a v1.0.0\n\texample.com/b v1.0.0\n)\n\nrequire example.com/c v1.3.0 // indirect\n',
        'main.go':
          'package main\n\nimport (\n\t_ "example.com/a"\n\t_ "example.com/b"\n)\n\nfunc main() {}\n',
      });
      const dl = await sandbox.go(['mod', 'download', 'all']);
      expect(dl.exitCode, dl.stderr).toBe(0);
      const loaded = loadModuleGraph({ dir: sandbox.workDir, env: sandbox.env });
      const reason = versionReason(loaded, 'example.com/c');
      expect(reason.selected).toBe('v1.3.0');
      const report = { tool: 'gomod-doctor' as const, version: VERSION, command: 'tidy-check', findings: [] };
      const html = renderHtml(whyHtmlInput(loaded, reason, report), 'en');
      expectSelfContained(html);
      const { page, requests } = await open('why', html);
      expect(requests).toEqual([]);
      const nodes = await page
        .locator('svg.graph g.node')
        .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-node')));
      expect(nodes).toEqual(
        expect.arrayContaining([
          'example.com/app@',
          'example.com/a@v1.0.0',
          'example.com/b@v1.0.0',
          'example.com/c@v1.1.0',
          'example.com/c@v1.3.0',
        ]),
      );
      const hot = page.locator('svg.graph path.edge.decisive');
      expect(await hot.count()).toBe(1);
      // The main module requires c v1.3.0 itself (// indirect), and b asks for v1.3.0 too: the first
      // edge at the selected version is the decisive one, and it points at the selected version.
      expect(await hot.getAttribute('data-to')).toBe('example.com/c@v1.3.0');
      expect(await page.locator('svg.graph g.node.selected').getAttribute('data-node')).toBe(
        'example.com/c@v1.3.0',
      );
    });

    it('explain: findings of a real transcript, with a secret in it masked', async () => {
      const transcript = readFileSync(
        join(repoRoot, 'examples', 'transcripts', 'private-module-410.txt'),
        'utf8',
      );
      const { findings } = explainText(
        `${transcript}\ngo: using GOPROXY=https://${CANARY}@proxy.example.com\n`,
      );
      const report = { tool: 'gomod-doctor' as const, version: VERSION, command: 'explain', findings };
      const html = renderHtml({ kind: 'explain', report }, 'en');
      expectSelfContained(html);
      const { page, requests } = await open('explain', html);
      expect(requests).toEqual([]);
      expect(await page.locator('article.finding').first().getAttribute('data-cause')).toBe(
        'private-module-via-proxy',
      );
      expect(await page.locator('article.finding pre code').first().textContent()).toContain(
        'go env -w GOPRIVATE=',
      );
    });

    it('escapes what came from files: no markup or terminal escape from go.mod reaches the page raw', async () => {
      const report = {
        tool: 'gomod-doctor' as const,
        version: VERSION,
        command: 'doctor',
        findings: [
          {
            cause: 'go-mod-syntax' as const,
            severity: 'error' as const,
            title: '<img src=x onerror=alert(1)>',
            message: 'bad \u001b]52;c;ZXZpbA==\u0007 line',
            location: { file: 'go.mod', line: 1 },
          },
        ],
      };
      const html = renderHtml(
        { kind: 'doctor', report, areas: [], sources: { 'go.mod': 'module <script>alert(1)</script>\n' } },
        'en',
      );
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<script>alert(1)');
      expect(html).not.toContain('\u001b');
      const { page, requests } = await open('escaping', html);
      expect(requests).toEqual([]);
      expect(await page.locator('article.finding h3').textContent()).toContain(
        '<img src=x onerror=alert(1)>',
      );
      expect(await page.locator('table.frame').textContent()).toContain('module <script>alert(1)</script>');
    });
  },
);
