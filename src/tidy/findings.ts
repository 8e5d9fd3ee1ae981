// Turns a tidy prediction into findings (cause ids from the "Project analysis" section of the
// catalog, plus import-cycle, ambiguous-import, workspace-mismatch and go-mod-needs-update) and
// into the short "would add / remove / re-mark / look up" summary. Every text in en and zh-CN.
import type { Evidence, Finding, Fix } from '../findings/finding.ts';
import { type Lang, type Message, say } from '../i18n/lang.ts';
import type { ImportEdge, MissingImport, TidyPrediction } from './analyze.ts';
import type { LookupRoute } from './resolve.ts';

const DOCS_TIDY = 'https://go.dev/ref/mod#go-mod-tidy';

const where = (e: ImportEdge) => `${e.file}:${e.line}:${e.column}`;

function edgeEvidence(edges: readonly ImportEdge[], limit = 20): Evidence[] {
  return edges.slice(0, limit).map((e) => ({
    source: e.file,
    line: e.line,
    text: `${e.from} imports "${e.to}"${e.test ? ' (test)' : ''}${e.guard ? ` [//go:build ${e.guard}]` : ''}`,
  }));
}

function chainText(chain: readonly ImportEdge[]): string {
  if (chain.length === 0) return '';
  const names = [chain[0]!.from, ...chain.map((e) => (e.test ? `${e.to} (test)` : e.to))];
  return names.join(' → ');
}

/** Where a lookup goes, in words: "proxy.golang.org", "direct (git)", "off". */
function routeText(route: LookupRoute, lang: Lang): string {
  if (route.proxyError) return say(m.badProxy, lang, { error: route.proxyError });
  return route.via
    .map((v) =>
      v.kind === 'proxy' ? hostOf(v.url) : v.kind === 'direct' ? say(m.direct, lang) : say(m.off, lang),
    )
    .join(' → ');
}

function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return u.host + (u.pathname === '/' ? '' : u.pathname);
  } catch {
    return url;
  }
}

const m = {
  tooDeepTitle: {
    en: ({ n }) =>
      n === 1
        ? 'A directory is more than 256 levels deep and was not read'
        : `${n} directories are more than 256 levels deep and were not read`,
    'zh-CN': ({ n }) => `${n} 个目录深度超过 256 层，未读取`,
  } satisfies Message<{ n: number }>,
  tooDeepBody: {
    en: ({ dir }) =>
      `Packages below ${dir} are left out of the prediction; a tree that deep is almost always generated or hostile.`,
    'zh-CN': ({ dir }) => `${dir} 之下的包未计入预测；这么深的目录几乎总是生成的或恶意构造的。`,
  } satisfies Message<{ dir: string }>,
  direct: { en: 'direct (VCS)', 'zh-CN': '直连（版本控制系统）' } satisfies Message,
  off: { en: 'off (lookup disabled: fails)', 'zh-CN': 'off（禁止查询：会失败）' } satisfies Message,
  badProxy: {
    en: ({ error }) => `nowhere: GOPROXY is invalid (${error})`,
    'zh-CN': ({ error }) => `无法查询：GOPROXY 无效（${error}）`,
  } satisfies Message<{ error: string }>,
  missingTitle: {
    en: ({ path }) => `No requirement provides ${path}`,
    'zh-CN': ({ path }) => `没有任何依赖提供 ${path}`,
  } satisfies Message<{ path: string }>,
  missingBody: {
    en: ({ path, at, lookups }) =>
      `${path} is imported (${at}) but no module in go.mod provides it, so tidy will look it up, asking for every path prefix:\n${lookups}`,
    'zh-CN': ({ path, at, lookups }) =>
      `${path} 被导入（${at}），但 go.mod 中没有模块提供它，因此 tidy 会按路径的每个前缀逐一查询：\n${lookups}`,
  } satisfies Message<{ path: string; at: string; lookups: string }>,
  missingGuess: {
    en: ({ module, version }) =>
      `The module cache already has ${module} ${version}, which holds the package: tidy will most likely add it (the proxy may know a newer version).`,
    'zh-CN': ({ module, version }) =>
      `模块缓存中已有 ${module} ${version} 且包含该包：tidy 很可能会添加它（代理上可能有更新的版本）。`,
  } satisfies Message<{ module: string; version: string }>,
  missingPrivate: {
    en: ({ host, proxy }) =>
      `${host} does not look like a public host, yet these queries go to ${proxy}, which cannot fetch private code: if ${host} is private, tidy will fail (404/410) or wait on it. Mark it private.`,
    'zh-CN': ({ host, proxy }) =>
      `${host} 看起来不是公共主机，但这些查询会发往 ${proxy}，而公共代理无法获取私有代码：如果 ${host} 是私有的，tidy 会失败（404/410）或一直等待。请将其标记为私有。`,
  } satisfies Message<{ host: string; proxy: string }>,
  missingOff: {
    en: 'GOPROXY=off: tidy will fail with "module lookup disabled by GOPROXY=off".',
    'zh-CN': 'GOPROXY=off：tidy 会失败，报错 "module lookup disabled by GOPROXY=off"。',
  } satisfies Message,
  mainMissingBody: {
    en: ({ path, module }) =>
      `${path} lies inside the main module ${module}, but no directory of it holds Go files (a typo, or a directory that is missing or ignored?).`,
    'zh-CN': ({ path, module }) =>
      `${path} 位于主模块 ${module} 的路径内，但没有对应的包含 Go 文件的目录（拼写错误，或者目录缺失、被忽略？）。`,
  } satisfies Message<{ path: string; module: string }>,
  viaGraphTitle: {
    en: ({ module }) => `go.mod does not list ${module}`,
    'zh-CN': ({ module }) => `go.mod 没有列出 ${module}`,
  } satisfies Message<{ module: string }>,
  viaGraphBody: {
    en: ({ module, version, chain, indirect }) =>
      `${module} ${version} provides a package the build needs (${chain}); it is found only through other modules' requirements. tidy will add it${indirect ? ' as // indirect' : ''}.`,
    'zh-CN': ({ module, version, chain, indirect }) =>
      `${module} ${version} 提供了构建所需的包（${chain}），目前只能通过其他模块的依赖找到。tidy 会添加它${indirect ? '（标记为 // indirect）' : ''}。`,
  } satisfies Message<{ module: string; version: string; chain: string; indirect: boolean }>,
  unusedTitle: {
    en: ({ module }) => `Unused requirement ${module}`,
    'zh-CN': ({ module }) => `未使用的依赖 ${module}`,
  } satisfies Message<{ module: string }>,
  unusedBody: {
    en: ({ module, version }) =>
      `No package of the build (main module packages, their tests, every build tag but "ignore", and what they import) needs ${module} ${version}: tidy will remove it.`,
    'zh-CN': ({ module, version }) =>
      `构建中没有任何包（主模块的包及其测试、除 "ignore" 外的所有构建标签，以及它们导入的包）需要 ${module} ${version}：tidy 会删除它。`,
  } satisfies Message<{ module: string; version: string }>,
  unusedOnlyIgnored: {
    en: ({ files }) =>
      `It is imported only by files that tidy never reads (//go:build ignore or an unusable header): ${files}.`,
    'zh-CN': ({ files }) => `只有 tidy 不会读取的文件导入了它（//go:build ignore 或文件头无效）：${files}。`,
  } satisfies Message<{ files: string }>,
  undecidedTitle: {
    en: ({ count }) =>
      `Cannot tell whether tidy keeps ${count} requirement${count === 1 ? '' : 's'} without the module cache`,
    'zh-CN': ({ count }) => `没有模块缓存，无法判断 tidy 是否保留 ${count} 个依赖`,
  } satisfies Message<{ count: number }>,
  undecidedBody: {
    en: ({ missing }) =>
      `No package this machine can read needs them, but ${missing} required module${missing === 1 ? ' is' : 's are'} not in the module cache (nor in vendor/): their packages, or their tests, may import them. tidy downloads those modules before it decides, so nothing here is claimed either way.`,
    'zh-CN': ({ missing }) =>
      `本机能读取的包都不需要它们，但有 ${missing} 个所需模块不在模块缓存中（vendor/ 中也没有）：这些模块的包或测试可能导入它们。tidy 会先下载这些模块再做决定，因此这里不下任何结论。`,
  } satisfies Message<{ missing: number }>,
  undecidedAmbiguous: {
    en: ({ module }) =>
      `${module}: ambiguous until downloaded — a longer required module path is credited with the package, but ${module} could hold it too.`,
    'zh-CN': ({ module }) =>
      `${module}：下载前无法确定——包被归于路径更长的所需模块，但 ${module} 也可能包含它。`,
  } satisfies Message<{ module: string }>,
  fixDownload: {
    en: 'Fill the module cache, then check again',
    'zh-CN': '先填充模块缓存，再检查一次',
  } satisfies Message,
  indirectTitle: {
    en: ({ module }) => `Wrong // indirect marker on ${module}`,
    'zh-CN': ({ module }) => `${module} 的 // indirect 标记不正确`,
  } satisfies Message<{ module: string }>,
  indirectToDirect: {
    en: ({ module, at }) =>
      `${module} is marked // indirect, but the main module imports it directly (${at}): tidy will drop the marker.`,
    'zh-CN': ({ module, at }) =>
      `${module} 被标记为 // indirect，但主模块直接导入了它（${at}）：tidy 会去掉该标记。`,
  } satisfies Message<{ module: string; at: string }>,
  directToIndirect: {
    en: ({ module }) =>
      `No package of the main module imports ${module} directly: tidy will mark it // indirect.`,
    'zh-CN': ({ module }) => `主模块中没有包直接导入 ${module}：tidy 会将其标记为 // indirect。`,
  } satisfies Message<{ module: string }>,
  upgradeTitle: {
    en: ({ module }) => `tidy will change the version of ${module}`,
    'zh-CN': ({ module }) => `tidy 会修改 ${module} 的版本`,
  } satisfies Message<{ module: string }>,
  upgradeBody: {
    en: ({ module, from, to }) =>
      `go.mod requires ${module} ${from}, but the module graph selects ${to} (another module requires it): tidy will write ${to}.`,
    'zh-CN': ({ module, from, to }) =>
      `go.mod 要求 ${module} ${from}，但模块图选中了 ${to}（另一个模块需要它）：tidy 会写入 ${to}。`,
  } satisfies Message<{ module: string; from: string; to: string }>,
  conditionalTitle: {
    en: ({ module }) => `${module} is needed only conditionally`,
    'zh-CN': ({ module }) => `${module} 仅在特定条件下需要`,
  } satisfies Message<{ module: string }>,
  conditionalBody: {
    en: ({ module, what, chain }) => `tidy keeps ${module} because ${what} need it: ${chain}.`,
    'zh-CN': ({ module, what, chain }) => `tidy 保留 ${module}，因为${what}需要它：${chain}。`,
  } satisfies Message<{ module: string; what: string; chain: string }>,
  onlyTests: { en: 'only tests', 'zh-CN': '只有测试' } satisfies Message,
  onlyTags: {
    en: ({ guards }) => `only files built under ${guards}`,
    'zh-CN': ({ guards }) => `只有在 ${guards} 条件下构建的文件`,
  } satisfies Message<{ guards: string }>,
  onlyTestsTags: {
    en: ({ guards }) => `only tests built under ${guards}`,
    'zh-CN': ({ guards }) => `只有在 ${guards} 条件下构建的测试`,
  } satisfies Message<{ guards: string }>,
  internalTitle: {
    en: ({ path }) => `Import of another module's internal package ${path}`,
    'zh-CN': ({ path }) => `导入了其他模块的 internal 包 ${path}`,
  } satisfies Message<{ path: string }>,
  internalBody: {
    en: ({ from, path }) =>
      `${from} imports ${path}; only packages under the internal directory's parent may import it, so the build fails with "use of internal package ${path} not allowed".`,
    'zh-CN': ({ from, path }) =>
      `${from} 导入了 ${path}；只有 internal 目录的父目录下的包才能导入它，因此构建会失败："use of internal package ${path} not allowed"。`,
  } satisfies Message<{ from: string; path: string }>,
  mixedTitle: {
    en: ({ dir }) => `Files of different packages in ${dir}`,
    'zh-CN': ({ dir }) => `${dir} 中混有不同包的文件`,
  } satisfies Message<{ dir: string }>,
  mixedBody: {
    en: ({ list }) => `found packages ${list}: the go command cannot build this directory.`,
    'zh-CN': ({ list }) => `发现多个包 ${list}：go 命令无法构建该目录。`,
  } satisfies Message<{ list: string }>,
  cycleTitle: { en: 'Import cycle', 'zh-CN': '循环导入' } satisfies Message,
  cycleBody: {
    en: ({ list }) =>
      `These packages import each other: ${list}. The build fails with "import cycle not allowed".`,
    'zh-CN': ({ list }) => `这些包相互导入：${list}。构建会失败："import cycle not allowed"。`,
  } satisfies Message<{ list: string }>,
  ambiguousTitle: {
    en: ({ path }) => `Ambiguous import ${path}`,
    'zh-CN': ({ path }) => `有歧义的导入 ${path}`,
  } satisfies Message<{ path: string }>,
  ambiguousBody: {
    en: ({ path, list }) =>
      `More than one module provides ${path}: ${list}. tidy fails with "ambiguous import".`,
    'zh-CN': ({ path, list }) => `有多个模块提供 ${path}：${list}。tidy 会失败："ambiguous import"。`,
  } satisfies Message<{ path: string; list: string }>,
  workspaceTitle: {
    en: ({ module }) => `${module} comes from go.work, which tidy ignores`,
    'zh-CN': ({ module }) => `${module} 来自 go.work，而 tidy 会忽略 go.work`,
  } satisfies Message<{ module: string }>,
  workspaceBody: {
    en: ({ path, module }) =>
      `${path} is provided by the workspace module ${module}, but go mod tidy does not use go.work: without a requirement (and a replace for an unpublished module) in go.mod, tidy will look it up on the network.`,
    'zh-CN': ({ path, module }) =>
      `${path} 由工作区模块 ${module} 提供，但 go mod tidy 不使用 go.work：如果 go.mod 中没有对应的 require（未发布的模块还需要 replace），tidy 会联网查询它。`,
  } satisfies Message<{ path: string; module: string }>,
  fixPrivate: {
    en: ({ host }) => `Mark ${host} private so that the go command fetches it directly`,
    'zh-CN': ({ host }) => `将 ${host} 标记为私有，使 go 命令直接获取`,
  } satisfies Message<{ host: string }>,
  layoutTitle: {
    en: ({ count }) =>
      `go mod tidy would merge the require blocks (go 1.27 layout): ${count} line${count === 1 ? ' moves' : 's move'}`,
    'zh-CN': ({ count }) => `go mod tidy 会合并 require 块（go 1.27 的布局）：${count} 行会移动`,
  } satisfies Message<{ count: number }>,
  layoutBody: {
    en: ({ go, list }) =>
      `go.mod says go ${go}: from go 1.27 on, go mod tidy keeps at most two require blocks, one of direct and one of indirect requirements, and moves every other require line into them (${list}). This layout is what tidy writes for go 1.26 and earlier go lines, where blocks stay as they are — so teammates see this diff only once the go line is 1.27.`,
    'zh-CN': ({ go, list }) =>
      `go.mod 中是 go ${go}：从 go 1.27 起，go mod tidy 最多保留两个 require 块（直接依赖一个、间接依赖一个），并把其余 require 行移入其中（${list}）。对 go 1.26 及更早的 go 行而言 go.mod 是整洁的，那时 tidy 不动这些块——所以只有 go 行为 1.27 时团队成员才会看到这个差异。`,
  } satisfies Message<{ go: string; list: string }>,
  layoutFutureTitle: {
    en: 'Tidy for this go line; with go 1.27 in go.mod, tidy would also merge the require blocks',
    'zh-CN': '对当前 go 行是整洁的；若 go.mod 改为 go 1.27，tidy 还会合并 require 块',
  } satisfies Message,
  layoutFutureBody: {
    en: ({ list }) =>
      `go mod tidy for a go line of 1.27 or later keeps one block of direct and one of indirect requirements; these lines would move: ${list}. Expect that diff when the go line is raised to 1.27.`,
    'zh-CN': ({ list }) =>
      `当 go 行为 1.27 或更高时，go mod tidy 只保留一个直接依赖块和一个间接依赖块；这些行会移动：${list}。把 go 行升到 1.27 时会出现这个差异。`,
  } satisfies Message<{ list: string }>,
  fixVendor: {
    en: 'Or keep the dependencies in vendor/, which answers offline',
    'zh-CN': '或者把依赖放进 vendor/，离线也能回答',
  } satisfies Message,
  fixTidy: {
    en: 'Let tidy update go.mod and go.sum',
    'zh-CN': '让 tidy 更新 go.mod 和 go.sum',
  } satisfies Message,
  fixGet: {
    en: ({ module }) => `Add the requirement on ${module} explicitly`,
    'zh-CN': ({ module }) => `显式添加依赖 ${module}`,
  } satisfies Message<{ module: string }>,
};

function lookupLines(missing: MissingImport, lang: Lang): string {
  return missing.lookups.map((r) => `  ${r.modulePath}: ${routeText(r, lang)}`).join('\n');
}

export function tidyFindings(p: TidyPrediction, lang: Lang): Finding[] {
  const out: Finding[] = [];
  if (p.tooDeep.length > 0) {
    const first = p.tooDeep[0]!;
    const shown = first.length > 200 ? `${first.slice(0, 100)}…${first.slice(-60)}` : first;
    out.push({
      cause: 'project-file-unsafe',
      severity: 'warning',
      title: say(m.tooDeepTitle, lang, { n: p.tooDeep.length }),
      message: say(m.tooDeepBody, lang, { dir: shown }),
      location: { file: shown },
    });
  }
  const goMod = 'go.mod';

  for (const w of p.workspaceOnly) {
    const first = w.importedBy[0];
    out.push({
      cause: 'workspace-mismatch',
      severity: 'warning',
      title: say(m.workspaceTitle, lang, { module: w.module }),
      message: say(m.workspaceBody, lang, { path: w.importPath, module: w.module }),
      module: w.module,
      ...(first ? { location: { file: first.file, line: first.line, column: first.column } } : {}),
      evidence: edgeEvidence(w.importedBy),
      docs: ['https://go.dev/ref/mod#workspaces'],
    });
  }

  for (const miss of p.missing) {
    const first = miss.importedBy[0];
    const at = first ? where(first) : '?';
    const fixes: Fix[] = [];
    let message: string;
    {
      const parts = [
        say(m.missingBody, lang, { path: miss.importPath, at, lookups: lookupLines(miss, lang) }),
      ];
      if (miss.mainModule) {
        parts.unshift(say(m.mainMissingBody, lang, { path: miss.importPath, module: miss.mainModule }));
      }
      if (miss.guess)
        parts.push(say(m.missingGuess, lang, { module: miss.guess.path, version: miss.guess.version }));
      const route = miss.lookups[0];
      if (route?.via[0]?.kind === 'off') parts.push(say(m.missingOff, lang));
      if (route?.looksPrivate && route.via[0]?.kind === 'proxy') {
        const host = route.modulePath.split('/')[0] ?? route.modulePath;
        parts.push(say(m.missingPrivate, lang, { host, proxy: hostOf(route.via[0].url) }));
        fixes.push({
          description: say(m.fixPrivate, lang, { host }),
          command: `go env -w GOPRIVATE=${host}`,
        });
      }
      message = parts.join('\n');
      if (miss.guess) {
        fixes.push({
          description: say(m.fixGet, lang, { module: miss.guess.path }),
          command: `go get ${miss.guess.path}@${miss.guess.version}`,
        });
      }
      fixes.push({ description: say(m.fixTidy, lang), command: 'go mod tidy' });
    }
    const finding: Finding = {
      cause: 'missing-requirement',
      severity: 'error',
      title: say(m.missingTitle, lang, { path: miss.importPath }),
      message,
      ...(first ? { location: { file: first.file, line: first.line, column: first.column } } : {}),
      evidence: edgeEvidence(miss.importedBy),
      fixes,
      docs: [DOCS_TIDY, 'https://go.dev/ref/mod#resolve-pkg-mod'],
    };
    if (miss.guess) {
      finding.module = miss.guess.path;
      finding.version = miss.guess.version;
    }
    out.push(finding);
  }

  for (const a of p.ambiguous) {
    const first = a.importedBy[0];
    out.push({
      cause: 'ambiguous-import',
      severity: 'error',
      title: say(m.ambiguousTitle, lang, { path: a.importPath }),
      message: say(m.ambiguousBody, lang, {
        path: a.importPath,
        list: a.candidates
          .map((c) => `${c.module.path}${c.module.version ? ` ${c.module.version}` : ''}`)
          .join(', '),
      }),
      ...(first ? { location: { file: first.file, line: first.line, column: first.column } } : {}),
      evidence: edgeEvidence(a.importedBy),
    });
  }

  // Additions not explained by a missing import: found through the graph only.
  const missingGuessed = new Set(p.missing.flatMap((x) => (x.guess ? [x.guess.path] : [])));
  for (const a of p.add) {
    if (missingGuessed.has(a.path)) continue;
    const chain = a.why ?? [];
    const first = chain[chain.length - 1];
    out.push({
      cause: a.indirect ? 'indirect-marker-mismatch' : 'missing-requirement',
      severity: 'error',
      title: say(m.viaGraphTitle, lang, { module: a.path }),
      message: say(m.viaGraphBody, lang, {
        module: a.path,
        version: a.version,
        chain: chainText(chain),
        indirect: a.indirect,
      }),
      module: a.path,
      version: a.version,
      ...(first ? { location: { file: first.file, line: first.line, column: first.column } } : {}),
      evidence: edgeEvidence(chain),
      fixes: [{ description: say(m.fixTidy, lang), command: 'go mod tidy' }],
      docs: [DOCS_TIDY, 'https://go.dev/ref/mod#graph-pruning'],
    });
  }

  for (const r of p.remove) {
    const ignoredUses = importsFromUnreadFiles(p, r.path);
    const message = [say(m.unusedBody, lang, { module: r.path, version: r.version })];
    if (ignoredUses.length > 0)
      message.push(say(m.unusedOnlyIgnored, lang, { files: ignoredUses.slice(0, 5).join(', ') }));
    out.push({
      cause: 'unused-requirement',
      severity: 'error',
      title: say(m.unusedTitle, lang, { module: r.path }),
      message: message.join('\n'),
      module: r.path,
      version: r.version,
      ...(r.line
        ? { location: { file: goMod, line: r.line, ...(r.column ? { column: r.column } : {}) } }
        : {}),
      fixes: [{ description: say(m.fixTidy, lang), command: 'go mod tidy' }],
      docs: [DOCS_TIDY],
    });
  }

  if (p.undecided.length > 0) {
    const first = p.undecided[0]!;
    const message = [say(m.undecidedBody, lang, { missing: p.notInCache.length })];
    for (const u of p.undecided.filter((x) => x.reason === 'ambiguous').slice(0, 5))
      message.push(say(m.undecidedAmbiguous, lang, { module: u.path }));
    out.push({
      cause: 'tidy-undecided',
      severity: 'warning',
      title: say(m.undecidedTitle, lang, { count: p.undecided.length }),
      message: message.join('\n'),
      location: { file: goMod, line: first.line, column: first.column },
      evidence: p.undecided.map((u) => ({
        source: goMod,
        line: u.line,
        text: `${u.path} ${u.version}${u.indirect ? ' // indirect' : ''}`,
      })),
      fixes: [
        { description: say(m.fixDownload, lang), command: 'go mod download' },
        ...(p.vendor ? [] : [{ description: say(m.fixVendor, lang), command: 'go mod vendor' }]),
      ],
      docs: [DOCS_TIDY, 'https://go.dev/ref/mod#go-mod-download'],
    });
  }

  const moveList = (moves: TidyPrediction['layout']) =>
    moves
      .slice(0, 5)
      .map((x) => `${x.path} (go.mod:${x.line})`)
      .join(', ') + (moves.length > 5 ? ', …' : '');
  if (p.layout.length > 0) {
    out.push({
      cause: 'require-layout',
      severity: 'error',
      title: say(m.layoutTitle, lang, { count: p.layout.length }),
      message: say(m.layoutBody, lang, { go: p.module.go ?? '', list: moveList(p.layout) }),
      location: { file: goMod, line: p.layout[0]!.line },
      fixes: [{ description: say(m.fixTidy, lang), command: 'go mod tidy' }],
      docs: [DOCS_TIDY],
    });
  }
  if (p.layoutAt127.length > 0 && p.pruned) {
    out.push({
      cause: 'require-layout',
      severity: 'info',
      title: say(m.layoutFutureTitle, lang),
      message: say(m.layoutFutureBody, lang, { list: moveList(p.layoutAt127) }),
      location: { file: goMod, line: p.layoutAt127[0]!.line },
      docs: [DOCS_TIDY],
    });
  }

  for (const c of p.indirect) {
    const chain = c.why ?? [];
    const first = chain[0];
    out.push({
      cause: 'indirect-marker-mismatch',
      severity: 'error',
      title: say(m.indirectTitle, lang, { module: c.path }),
      message: c.indirect
        ? say(m.directToIndirect, lang, { module: c.path })
        : say(m.indirectToDirect, lang, {
            module: c.path,
            at: first ? `${first.from}, ${where(first)}` : '?',
          }),
      module: c.path,
      version: c.version,
      ...(c.line
        ? { location: { file: goMod, line: c.line, ...(c.column ? { column: c.column } : {}) } }
        : {}),
      ...(first && !c.indirect ? { evidence: edgeEvidence([first]) } : {}),
      fixes: [{ description: say(m.fixTidy, lang), command: 'go mod tidy' }],
      docs: [DOCS_TIDY],
    });
  }

  for (const u of p.upgrade) {
    out.push({
      cause: 'go-mod-needs-update',
      severity: 'error',
      title: say(m.upgradeTitle, lang, { module: u.path }),
      message: say(m.upgradeBody, lang, { module: u.path, from: u.from, to: u.version }),
      module: u.path,
      version: u.version,
      ...(u.line
        ? { location: { file: goMod, line: u.line, ...(u.column ? { column: u.column } : {}) } }
        : {}),
      fixes: [{ description: say(m.fixTidy, lang), command: 'go mod tidy' }],
      docs: ['https://go.dev/ref/mod#minimal-version-selection'],
    });
  }

  for (const i of p.internalImports) {
    out.push({
      cause: 'internal-import',
      severity: 'warning',
      title: say(m.internalTitle, lang, { path: i.edge.to }),
      message: say(m.internalBody, lang, { from: i.edge.from, path: i.edge.to }),
      location: { file: i.edge.file, line: i.edge.line, column: i.edge.column },
      docs: ['https://go.dev/doc/go1.4#internalpackages'],
    });
  }

  for (const x of p.mixedPackages) {
    const list = x.names.map((n) => `${n.name} (${n.file})`).join(', ');
    out.push({
      cause: 'mixed-packages',
      severity: 'warning',
      title: say(m.mixedTitle, lang, { dir: x.dir }),
      message: say(m.mixedBody, lang, { list }),
      ...(x.names[0] ? { location: { file: x.names[0].file } } : {}),
    });
  }

  for (const c of p.importCycles) {
    const first = c.edges[0];
    out.push({
      cause: 'import-cycle',
      severity: 'warning',
      title: say(m.cycleTitle, lang),
      message: say(m.cycleBody, lang, { list: c.packages.join(', ') }),
      ...(first ? { location: { file: first.file, line: first.line, column: first.column } } : {}),
      evidence: edgeEvidence(c.edges),
    });
  }

  for (const c of p.conditional) {
    const guards = [...new Set(c.guards)].join(' && ');
    const what =
      c.condition === 'test'
        ? say(m.onlyTests, lang)
        : c.condition === 'build'
          ? say(m.onlyTags, lang, { guards })
          : say(m.onlyTestsTags, lang, { guards });
    const last = c.chain[c.chain.length - 1];
    const finding: Finding = {
      cause: 'conditional-dependency',
      severity: 'info',
      title: say(m.conditionalTitle, lang, { module: c.module.path }),
      message: say(m.conditionalBody, lang, { module: c.module.path, what, chain: chainText(c.chain) }),
      module: c.module.path,
      version: c.module.version,
      evidence: edgeEvidence(c.chain),
    };
    const firstGuarded = c.chain.find((e) => e.test || e.guard) ?? last;
    if (firstGuarded)
      finding.location = { file: firstGuarded.file, line: firstGuarded.line, column: firstGuarded.column };
    out.push(finding);
  }
  return out;
}

/** Files of main-module packages that tidy does not read but that import a package of `modulePath`. */
function importsFromUnreadFiles(p: TidyPrediction, modulePath: string): string[] {
  const out: string[] = [];
  for (const pkg of p.packages) {
    if (!pkg.main) continue;
    for (const f of pkg.files) {
      if (f.tidy) continue;
      const hit = f.imports.find((i) => i.path === modulePath || i.path.startsWith(`${modulePath}/`));
      if (hit) {
        const rel = f.path.startsWith(p.module.dir)
          ? f.path
              .slice(p.module.dir.length + 1)
              .split('\\')
              .join('/')
          : f.path;
        out.push(`${rel}:${hit.line}`);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The summary printed before the findings

const s = {
  tidy: {
    en: ({ module }) => `${module}: go.mod is tidy.`,
    'zh-CN': ({ module }) => `${module}：go.mod 已经是整洁的（tidy）。`,
  } satisfies Message<{ module: string }>,
  notTidy: {
    en: ({ module }) => `${module}: go mod tidy would change go.mod:`,
    'zh-CN': ({ module }) => `${module}：go mod tidy 会修改 go.mod：`,
  } satisfies Message<{ module: string }>,
  add: { en: 'would add', 'zh-CN': '会添加' } satisfies Message,
  remove: { en: 'would remove', 'zh-CN': '会删除' } satisfies Message,
  indirect: { en: 'would change // indirect', 'zh-CN': '会修改 // indirect 标记' } satisfies Message,
  upgrade: { en: 'would change version', 'zh-CN': '会修改版本' } satisfies Message,
  lookups: { en: 'network lookups', 'zh-CN': '网络查询' } satisfies Message,
  downloads: {
    en: 'downloads (not in the module cache)',
    'zh-CN': '下载（模块缓存中没有）',
  } satisfies Message,
  guessed: {
    en: 'version from the module cache; the proxy may have a newer one',
    'zh-CN': '版本取自模块缓存，代理上可能有更新的版本',
  } satisfies Message,
  unknownVersion: { en: 'version decided by the network', 'zh-CN': '版本由网络查询决定' } satisfies Message,
  nothingNeeds: {
    en: 'nothing in the build imports it',
    'zh-CN': '构建中没有任何代码导入它',
  } satisfies Message,
  incomplete: {
    en: 'Some modules are not in the module cache, so this prediction is incomplete (tidy will download them).',
    'zh-CN': '部分模块不在模块缓存中，因此预测不完整（tidy 会下载它们）。',
  } satisfies Message,
  cannotTell: {
    en: ({ module, count }) =>
      `${module}: cannot tell without the module cache; ${count} requirement${count === 1 ? ' needs' : 's need'} it — run \`go mod download\` (or use vendor/).`,
    'zh-CN': ({ module, count }) =>
      `${module}：没有模块缓存无法判断；有 ${count} 个依赖需要它——请运行 \`go mod download\`（或使用 vendor/）。`,
  } satisfies Message<{ module: string; count: number }>,
  undecided: {
    en: ({ count }) =>
      `cannot tell without the module cache whether tidy keeps ${count} more requirement${count === 1 ? '' : 's'} (\`go mod download\`, then check again)`,
    'zh-CN': ({ count }) =>
      `没有模块缓存，无法判断 tidy 是否还保留另外 ${count} 个依赖（先运行 \`go mod download\` 再检查）`,
  } satisfies Message<{ count: number }>,
  vendorUsed: {
    en: ({ modules, packages }) =>
      `vendor/ answered for ${modules} module${modules === 1 ? '' : 's'} (${packages} package${packages === 1 ? '' : 's'} in vendor/modules.txt).`,
    'zh-CN': ({ modules, packages }) =>
      `vendor/ 提供了 ${modules} 个模块的信息（vendor/modules.txt 中有 ${packages} 个包）。`,
  } satisfies Message<{ modules: number; packages: number }>,
  layout: {
    en: 'would move into one direct and one indirect require block (go 1.27 layout)',
    'zh-CN': '会移入一个直接依赖块和一个间接依赖块（go 1.27 的布局）',
  } satisfies Message,
  more: {
    en: ({ count }) => `… ${count} more (-v lists them all)`,
    'zh-CN': ({ count }) => `……另有 ${count} 项（加 -v 全部列出）`,
  } satisfies Message<{ count: number }>,
  scanned: {
    en: ({ packages, files }) =>
      `(${packages} package${packages === 1 ? '' : 's'}, ${files} file${files === 1 ? '' : 's'} read)`,
    'zh-CN': ({ packages, files }) => `（读取了 ${packages} 个包、${files} 个文件）`,
  } satisfies Message<{ packages: number; files: number }>,
};

/** Whether tidy certainly changes go.mod (a change found from files on this machine). */
function certainChange(p: TidyPrediction): boolean {
  return (
    p.add.length +
      p.remove.length +
      p.indirect.length +
      p.upgrade.length +
      p.missing.length +
      p.layout.length >
    0
  );
}

/**
 * true: tidy leaves go.mod alone; false: tidy certainly changes it; null: nothing certain, but
 * the answer needs modules that are not on this machine (requirements undecided, or go.mod files
 * of required modules missing, which can change versions).
 */
export function tidyVerdict(p: TidyPrediction): boolean | null {
  if (certainChange(p)) return false;
  if (p.undecided.length > 0 || p.notInCache.length > 0) return null;
  return true;
}

export interface SummaryOptions {
  /** List everything (else long lists stop after a few lines and say how to see the rest). */
  verbose?: boolean;
}

const SHORT_LIST = 12;

export function summaryText(p: TidyPrediction, lang: Lang, options: SummaryOptions = {}): string {
  const lines: string[] = [];
  const module = p.module.path;
  const verdict = tidyVerdict(p);
  if (verdict === true) lines.push(say(s.tidy, lang, { module }));
  else if (verdict === null)
    lines.push(say(s.cannotTell, lang, { module, count: p.notInCache.length || p.undecided.length }));
  else lines.push(say(s.notTidy, lang, { module }));
  const capped = (list: string[]): string[] =>
    options.verbose || list.length <= SHORT_LIST
      ? list
      : [...list.slice(0, SHORT_LIST), `    ${say(s.more, lang, { count: list.length - SHORT_LIST })}`];
  const addedPaths = new Set(p.add.map((a) => a.path));
  if (p.add.length > 0 || p.missing.some((x) => !x.guess)) {
    lines.push(`  ${say(s.add, lang)}:`);
    for (const a of p.add) {
      const first = a.why?.[a.why.length - 1];
      const note = a.guessed ? ` (${say(s.guessed, lang)})` : '';
      lines.push(
        `    + ${a.path} ${a.version}${a.indirect ? ' // indirect' : ''}${note}${first ? `  ← ${first.from} (${where(first)})` : ''}`,
      );
    }
    for (const miss of p.missing) {
      if (miss.guess && addedPaths.has(miss.guess.path)) continue;
      const first = miss.importedBy[0];
      lines.push(
        `    + ? ${miss.importPath} (${say(s.unknownVersion, lang)})${first ? `  ← ${first.from} (${where(first)})` : ''}`,
      );
    }
  }
  if (p.remove.length > 0) {
    lines.push(`  ${say(s.remove, lang)}:`);
    for (const r of p.remove)
      lines.push(`    - ${r.path} ${r.version}  (go.mod:${r.line ?? '?'}; ${say(s.nothingNeeds, lang)})`);
  }
  if (p.indirect.length > 0) {
    lines.push(`  ${say(s.indirect, lang)}:`);
    for (const c of p.indirect)
      lines.push(
        `    ~ ${c.path} ${c.version}: ${c.from ? '// indirect → direct' : 'direct → // indirect'}  (go.mod:${c.line ?? '?'})`,
      );
  }
  if (p.upgrade.length > 0) {
    lines.push(`  ${say(s.upgrade, lang)}:`);
    for (const u of p.upgrade)
      lines.push(`    ~ ${u.path} ${u.from} → ${u.version}  (go.mod:${u.line ?? '?'})`);
  }
  const lookups = p.missing.filter((x) => x.lookups.length > 0);
  if (lookups.length > 0) {
    lines.push(`  ${say(s.lookups, lang)}:`);
    for (const miss of lookups) {
      for (const r of miss.lookups) lines.push(`    ? ${r.modulePath}/@v/list → ${routeText(r, lang)}`);
    }
  }
  if (p.layout.length > 0) {
    lines.push(`  ${say(s.layout, lang)}:`);
    lines.push(...capped(p.layout.map((x) => `    ~ ${x.path}  (go.mod:${x.line})`)));
  }
  if (verdict === false && p.undecided.length > 0)
    lines.push(`  ${say(s.undecided, lang, { count: p.undecided.length })}`);
  if (p.vendor && p.packages.some((x) => x.vendored))
    lines.push(`  ${say(s.vendorUsed, lang, { modules: p.vendor.modules, packages: p.vendor.packages })}`);
  if (p.notDownloaded.length > 0) {
    // One line per module: its go.mod and its files are one download.
    const byModule = new Map<string, { text: string; what: string[] }>();
    for (const d of p.notDownloaded) {
      const key = `${d.module.path}@${d.module.version}`;
      const entry = byModule.get(key) ?? { text: `${key}`, what: [] };
      entry.what.push(d.what);
      if (!byModule.has(key)) {
        entry.text = `${key} → ${routeText(d.lookup, lang)}`;
        byModule.set(key, entry);
      }
    }
    lines.push(`  ${say(s.downloads, lang)}:`);
    lines.push(
      ...capped(
        [...byModule.entries()].map(
          ([key, e]) => `    ↓ ${key} (${e.what.join(', ')})${e.text.slice(key.length)}`,
        ),
      ),
    );
    lines.push(`  ${say(s.incomplete, lang)}`);
  }
  lines.push(say(s.scanned, lang, { packages: p.packages.filter((x) => x.main).length, files: p.filesRead }));
  return `${lines.join('\n')}\n`;
}
