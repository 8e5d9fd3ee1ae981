// One module version in the module cache that is damaged (a download cut short, a copy whose hash
// disagrees with go.sum) is removed the way the go command removes it, so that the next go
// command downloads it again: the extracted tree made writable first (the cache is read-only by
// design), then the tree, and the version's zip, ziphash, info, mod, lock and partial marker.
// Never the whole cache, unless --only modcache-corrupt --all.
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { readProjectFile } from '../../files/read.ts';
import type { Finding } from '../../findings/finding.ts';
import { parseGoSum } from '../../gosum/index.ts';
import { escapePath, escapeVersion, unescapePath, unescapeVersion } from '../../module/escape.ts';
import { defineRepair, type RepairStep } from '../types.ts';

const SUFFIXES = ['.partial', '.zip', '.ziphash', '.info', '.mod', '.lock'];

/** Every cache path of M@V that exists, extracted tree first. */
function versionEntries(modcache: string, module: string, version: string): string[] {
  const path = escapePath(module);
  const v = escapeVersion(version);
  if (!path.ok || !v.ok) return [];
  const base = join(modcache, 'cache', 'download', path.value, '@v', v.value);
  return [join(modcache, `${path.value}@${v.value}`), ...SUFFIXES.map((s) => `${base}${s}`)].filter((p) =>
    existsSync(p),
  );
}

/** The module version a leftover belongs to, from its place in the cache. */
export function leftoverVersion(
  modcache: string,
  leftover: string,
): { module: string; version: string } | undefined {
  const rel = relative(modcache, leftover);
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  const parts = rel.split(sep);
  if (parts[0] === 'cache' && parts[1] === 'download') {
    const at = parts.indexOf('@v');
    if (at < 0 || at !== parts.length - 2) return undefined;
    const module = unescapePath(parts.slice(2, at).join('/'));
    // v1.0.0.zip.partial, v1.0.0.zip123.tmp, v1.0.0.mod: the version is before the first known suffix.
    const name = parts[at + 1]!;
    const m = /^(.*?)\.(?:partial|zip|ziphash|info|mod|lock|tmp)/.exec(name);
    const version = m ? unescapeVersion(m[1]!) : undefined;
    return module.ok && version?.ok ? { module: module.value, version: version.value } : undefined;
  }
  // An extraction directory: escaped/path@v1.0.0.tmp-123 (or the tree itself).
  const joined = parts.join('/');
  const at = joined.lastIndexOf('@');
  if (at < 0) return undefined;
  const module = unescapePath(joined.slice(0, at));
  const version = unescapeVersion(
    joined
      .slice(at + 1)
      .replace(/\.tmp-\d+$/, '')
      .split('/')[0]!,
  );
  return module.ok && version.ok ? { module: module.value, version: version.value } : undefined;
}

function cachedZipHash(modcache: string, module: string, version: string): string | undefined {
  const path = escapePath(module);
  const v = escapeVersion(version);
  if (!path.ok || !v.ok) return undefined;
  const read = readProjectFile(join(modcache, 'cache', 'download', path.value, '@v', `${v.value}.ziphash`), {
    kind: 'go.mod',
    roots: [modcache],
  });
  return read.ok ? read.bytes.toString('utf8').trim() : undefined;
}

/**
 * The cache paths a finding names: the doctor's leftovers (evidence from GOMODCACHE) and, from a
 * transcript, the files the go command failed on (`unzip .../@v/v1.1.0.zip: zip: not a valid zip file`).
 */
function cachePaths(modcache: string, finding: Finding): string[] {
  const prefix = modcache.endsWith(sep) ? modcache : `${modcache}${sep}`;
  const texts = [...(finding.evidence ?? []).map((e) => e.text), finding.message];
  const out: string[] = [];
  for (const text of texts) {
    let from = text.indexOf(prefix);
    while (from >= 0) {
      const end = text.slice(from).search(/[\s:"']|$/);
      out.push(text.slice(from, from + end));
      from = text.indexOf(prefix, from + end);
    }
  }
  return out;
}

export default defineRepair({
  id: 'modcache-evict',
  kind: 'modcache',
  causes: ['modcache-corrupt', 'checksum-mismatch'],
  summary: {
    en: 'remove one damaged module version from the module cache, as the go command does (the whole cache only with --only modcache-corrupt --all)',
    'zh-CN':
      '按 go 命令的方式从模块缓存中删除一个损坏的模块版本（仅在 --only modcache-corrupt --all 时删除整个缓存）',
  },
  plan(ctx) {
    const steps: RepairStep[] = [];
    const modcache = ctx.goenv.GOMODCACHE;
    if (!modcache || !isAbsolute(modcache) || !existsSync(modcache)) return steps;
    for (const finding of ctx.findings) {
      if (finding.cause === 'modcache-corrupt') {
        if (ctx.all) {
          steps.push({ finding, files: [], evict: [modcache] });
          continue;
        }
        const evict = new Set<string>();
        for (const path of cachePaths(modcache, finding)) {
          const at = leftoverVersion(modcache, path);
          if (at) for (const p of versionEntries(modcache, at.module, at.version)) evict.add(p);
          // A leftover of its own (a .tmp file or directory) goes too.
          if (/\.tmp(-\d+)?$/.test(path) && existsSync(path)) evict.add(path);
        }
        if (evict.size > 0) steps.push({ finding, files: [], evict: [...evict] });
        continue;
      }
      // checksum-mismatch: only a cached copy that disagrees with go.sum is worth removing; when
      // the cache agrees with go.sum, the download itself changed and a new one would too.
      const { module, version } = finding;
      const gosum = ctx.project.main?.gosum;
      if (!module || !version || !gosum) continue;
      const recorded = parseGoSum(gosum.file.bytes).lines.find(
        (l) => l.module === module && l.version === version && !l.isGoMod,
      )?.hash;
      const cached = cachedZipHash(modcache, module, version);
      if (!recorded || !cached || cached === recorded) continue;
      const evict = versionEntries(modcache, module, version);
      if (evict.length > 0) steps.push({ finding, files: [], evict });
    }
    return steps;
  },
});
