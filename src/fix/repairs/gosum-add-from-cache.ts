// Missing go.sum lines, added offline from the module cache: the h1: hash of the cached go.mod
// (`M V/go.mod h1:...`) and of the cached zip (`M V h1:...`), computed here as the go command
// computes them. A line is added only for content that is in the cache, and a zip whose hash
// differs from the one the go command recorded beside it (.ziphash) is not trusted.
import { dirname, join } from 'node:path';
import { readProjectFile } from '../../files/read.ts';
import { hashGoMod, hashZip, isWellFormedH1, parseGoSum } from '../../gosum/index.ts';
import { say } from '../../i18n/lang.ts';
import { parseGoMod } from '../../modfile/index.ts';
import { escapePath, escapeVersion } from '../../module/escape.ts';
import { byFile } from '../locate.ts';
import { messages } from '../messages.ts';
import { insertSorted, sumLines } from '../sumlines.ts';
import { defineRepair, type RepairContext, type RepairStep } from '../types.ts';

/** The go command refuses module zips over 500 MB; a cache file past that is no module's. */
const MAX_ZIP_BYTES = 500 << 20;

/** A file of the module cache, through the one reader: regular, inside the cache, bounded. */
function readOptional(modcache: string, path: string, maxBytes?: number): Buffer | undefined {
  const read = readProjectFile(path, {
    kind: 'go.mod',
    roots: [modcache],
    ...(maxBytes !== undefined ? { maxBytes } : {}),
  });
  return read.ok ? read.bytes : undefined;
}

/** The go.sum lines the cache can prove for M@V: go.mod and zip; and a reason when the zip is suspect. */
function cachedSumLines(
  modcache: string,
  module: string,
  version: string,
): { lines: string[]; suspect?: string } {
  const path = escapePath(module);
  const v = escapeVersion(version);
  if (!modcache || !path.ok || !v.ok) return { lines: [] };
  const base = join(modcache, 'cache', 'download', path.value, '@v', v.value);
  const lines: string[] = [];
  const mod = readOptional(modcache, `${base}.mod`);
  if (mod) lines.push(`${module} ${version}/go.mod ${hashGoMod(mod)}`);
  const zip = readOptional(modcache, `${base}.zip`, MAX_ZIP_BYTES);
  if (!zip) return { lines };
  const hash = hashZip(zip);
  if (!hash.ok) return { lines, suspect: `${base}.zip` };
  const recorded = readOptional(modcache, `${base}.ziphash`)?.toString('utf8').trim();
  if (recorded !== undefined && isWellFormedH1(recorded) && recorded !== hash.value)
    return { lines, suspect: `${base}.zip` };
  lines.push(`${module} ${version} ${hash.value}`);
  return { lines };
}

function requiredVersions(ctx: RepairContext, gomodPath: string): Array<{ path: string; version: string }> {
  const bytes = ctx.files.read(gomodPath);
  if (!bytes) return [];
  const file = parseGoMod(bytes, { lax: true, goRelease: ctx.project.release }).file;
  const local = new Set(
    (ctx.project.workspace?.uses ?? []).flatMap((u) =>
      u.module?.parsed.file.module?.path ? [u.module.parsed.file.module.path] : [],
    ),
  );
  const replaces = [...file.replace, ...(ctx.project.workspace?.parsed.file.replace ?? [])];
  const out: Array<{ path: string; version: string }> = [];
  for (const r of file.require) {
    if (local.has(r.path)) continue;
    const to =
      replaces.find((x) => x.old.path === r.path && x.old.version === r.version) ??
      replaces.find((x) => x.old.path === r.path && x.old.version === '');
    if (to && to.new.version === '') continue; // a directory: no checksum
    out.push(to ? { path: to.new.path, version: to.new.version } : { path: r.path, version: r.version });
  }
  return out;
}

export default defineRepair({
  id: 'gosum-add-from-cache',
  kind: 'gosum',
  causes: ['missing-go-sum-entry'],
  summary: {
    en: 'add missing go.sum lines offline, from the hashes of what the module cache holds',
    'zh-CN': '离线补全 go.sum 缺少的行：用模块缓存中内容的哈希',
  },
  plan(ctx) {
    const steps: RepairStep[] = [];
    const modcache = ctx.goenv.GOMODCACHE ?? '';
    for (const [gomod, [finding, ...also]] of byFile(ctx, (f) =>
      (f.location?.file ?? '').endsWith('go.mod'),
    )) {
      const sumPath = join(dirname(gomod), 'go.sum');
      const current = ctx.files.read(sumPath);
      const have = new Set(
        (current ? parseGoSum(current).lines : []).map(
          (l) => `${l.module} ${l.version}${l.isGoMod ? '/go.mod' : ''}`,
        ),
      );
      const added: string[] = [];
      const missing: string[] = [];
      for (const { path, version } of requiredVersions(ctx, gomod)) {
        const wantMod = !have.has(`${path} ${version}/go.mod`);
        const wantZip = !have.has(`${path} ${version}`);
        if (!wantMod && !wantZip) continue;
        const cached = cachedSumLines(modcache, path, version);
        for (const line of cached.lines) {
          const isMod = line.split(' ')[1]!.endsWith('/go.mod');
          if (isMod ? wantMod : wantZip) added.push(line);
        }
        if (wantMod && !cached.lines.some((l) => l.includes('/go.mod '))) missing.push(`${path}@${version}`);
      }
      const note =
        missing.length > 0
          ? say(messages.notInCache, ctx.lang, { list: missing.join(', '), command: 'go mod download' })
          : undefined;
      // Nothing to add and nothing missing: an earlier repair (a merged requirement) settled it.
      if (added.length === 0) {
        steps.push({ finding: finding!, also, files: [], ...(note ? { note } : {}) });
        continue;
      }
      const next = insertSorted(current ? sumLines(current) : [], added).join('');
      steps.push({
        finding: finding!,
        also,
        files: [ctx.files.write(sumPath, Buffer.from(next, 'utf8'))],
        ...(note ? { note } : {}),
      });
    }
    return steps;
  },
});
