// The one-line reason shown next to an area when it has nothing worse than notes to report.
import { redactSecrets } from '../findings/redact.ts';
import { type Lang, say } from '../i18n/lang.ts';
import type { Facts } from './facts.ts';
import { messages } from './messages.ts';
import { formatSize, type TreeSize } from './tree-size.ts';
import type { Area } from './types.ts';

export async function areaSummary(area: Area, facts: Facts, lang: Lang): Promise<string> {
  switch (area) {
    case 'toolchain': {
      const go = (await facts.go()).found;
      if (!go) return say(messages.goMissing, lang);
      const env = await facts.goenv();
      const version = go.version ?? env?.values.GOVERSION ?? 'go';
      return say(messages.goFound, lang, { version, path: go.bin });
    }
    case 'settings': {
      const env = await facts.goenv();
      if (!env) return say(messages.settingsUnknown, lang);
      const proxy = env.setting('GOPROXY').value || 'https://proxy.golang.org,direct';
      const sumdb = env.setting('GOSUMDB').value || 'sum.golang.org';
      return redactSecrets(say(messages.settingsLine, lang, { proxy, sumdb }));
    }
    case 'project': {
      const project = await facts.project();
      if (project.workspace)
        return say(messages.workspaceLine, lang, { uses: project.workspace.uses.length });
      if (!project.main) return say(messages.noProject, lang);
      const file = project.main.parsed.file;
      return say(messages.projectLine, lang, {
        module: file.module?.path ?? '?',
        requires: file.require.length,
      });
    }
    case 'caches': {
      const env = await facts.goenv();
      const modcache = env?.values.GOMODCACHE || '?';
      const sizes = await facts.cacheSizes();
      if (!sizes.GOMODCACHE) return say(messages.cachesLine, lang, { modcache });
      const size = (tree: TreeSize) =>
        tree.missing || (tree.complete && tree.files === 0)
          ? say(messages.cacheEmpty, lang)
          : formatSize(tree);
      return say(messages.cachesSizedLine, lang, {
        modcache,
        modSize: size(sizes.GOMODCACHE),
        buildSize: sizes.GOCACHE ? size(sizes.GOCACHE) : '',
      });
    }
    case 'git': {
      const git = await facts.git();
      return git.installed
        ? say(messages.gitLine, lang, { version: git.version ?? '?' })
        : say(messages.gitMissing, lang);
    }
    case 'network':
      // The runner takes the network area's line from the network run itself.
      return say(messages.networkNotRun, lang);
  }
}
