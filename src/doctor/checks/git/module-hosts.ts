// Credentials for the hosts this project's private modules are fetched from with git. A private
// module (GOPRIVATE/GONOPROXY, or a host that looks private, which the proxy cannot serve and so
// falls back to git) needs git to log in; the go command runs git with GIT_TERMINAL_PROMPT=0, so
// without a ~/.netrc entry, a credential helper or an insteadOf rule that sends the host over ssh,
// the fetch fails with "terminal prompts disabled". Over ssh, a ~/.netrc entry is not what git
// uses (the ssh key is; git/ssh-hosts checks key, agent and known_hosts for those hosts).
// Only host names are ever shown: never a login's password, never a URL's user info.
import type { Finding } from '../../../findings/finding.ts';
import { resolvePrivacy } from '../../../goenv/private.ts';
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { privateLooking } from '../../../module/private-looking.ts';
import {
  applyInsteadOf,
  hostOfRemote,
  insteadOfRules,
  staticRepo,
  transportOf,
} from '../../../network/routes.ts';
import type { GitConfigFacts, HomeFacts } from '../../facts.ts';
import { networkRequirements } from '../../network.ts';
import { defineCheck } from '../../types.ts';

const m = {
  noCredentialsTitle: {
    en: ({ host }) => `No credentials for ${host}, where private modules are fetched with git`,
    'zh-CN': ({ host }) => `没有 ${host} 的凭据，而私有模块要用 git 从这里获取`,
  } satisfies Message<{ host: string }>,
  noCredentials: {
    en: ({ host, modules }) =>
      `${modules} ${modules.includes(',') ? 'are' : 'is'} fetched from ${host} with git over https. There is no ~/.netrc entry for ${host}, no git credential helper and no insteadOf rule to ssh, and the go command does not let git ask (GIT_TERMINAL_PROMPT=0): the fetch fails with "fatal: could not read Username for 'https://${host}': terminal prompts disabled".`,
    'zh-CN': ({ host, modules }) =>
      `${modules} 要用 git 通过 https 从 ${host} 获取。~/.netrc 中没有 ${host} 的条目，没有 git 凭据助手，也没有改用 ssh 的 insteadOf 规则，而 go 命令不允许 git 询问（GIT_TERMINAL_PROMPT=0）：获取会报错 "fatal: could not read Username for 'https://${host}': terminal prompts disabled"。`,
  } satisfies Message<{ host: string; modules: string }>,
  netrcFix: {
    en: ({ host }) =>
      `Add a ~/.netrc entry for ${host} (a personal access token as the password), then chmod 600 ~/.netrc`,
    'zh-CN': ({ host }) =>
      `在 ~/.netrc 中添加 ${host} 的条目（密码处填个人访问令牌），然后 chmod 600 ~/.netrc`,
  } satisfies Message<{ host: string }>,
  sshFix: {
    en: ({ host }) => `Or let git reach ${host} over ssh with your key`,
    'zh-CN': ({ host }) => `或者让 git 用你的 ssh 密钥访问 ${host}`,
  } satisfies Message<{ host: string }>,
  netrcUnusedTitle: {
    en: ({ host }) => `~/.netrc has an entry for ${host}, but git reaches it over ssh`,
    'zh-CN': ({ host }) => `~/.netrc 中有 ${host} 的条目，但 git 通过 ssh 访问它`,
  } satisfies Message<{ host: string }>,
  netrcUnused: {
    en: ({ host }) =>
      `An insteadOf rule sends git to ${host} over ssh, where the ssh key counts and the ~/.netrc entry is not used by git (the go command still uses it for its own HTTPS requests to ${host}, such as ?go-get=1 discovery).`,
    'zh-CN': ({ host }) =>
      `insteadOf 规则让 git 通过 ssh 访问 ${host}，此时起作用的是 ssh 密钥，git 不会使用 ~/.netrc 中的条目（go 命令自己对 ${host} 的 HTTPS 请求，例如 ?go-get=1 发现，仍会使用它）。`,
  } satisfies Message<{ host: string }>,
};

interface HostRoute {
  host: string;
  transport: ReturnType<typeof transportOf>;
  /** The rewritten URL carries user info (a token): git has credentials in the URL itself. */
  credentialsInUrl: boolean;
  modules: string[];
}

function hasNetrcCredentials(home: HomeFacts, host: string): boolean {
  return (home.netrc?.entries ?? []).some(
    (e) => e.hasPassword && (e.machine === undefined || e.machine.toLowerCase() === host.toLowerCase()),
  );
}

function hasNetrcMachine(home: HomeFacts, host: string): boolean {
  return (home.netrc?.entries ?? []).some((e) => e.machine?.toLowerCase() === host.toLowerCase());
}

/** `credential.helper`, or `credential.<url>.helper` whose URL names this host; an empty value resets. */
function hasCredentialHelper(config: GitConfigFacts, host: string): boolean {
  let helper = false;
  for (const entry of config.entries) {
    const scoped = /^credential\.(.+)\.helper$/.exec(entry.key);
    if (entry.key !== 'credential.helper' && !(scoped && hostOfRemote(scoped[1]!)?.host === host)) continue;
    helper = entry.value.trim() !== '';
  }
  return helper;
}

export default defineCheck({
  id: 'git/module-hosts',
  area: 'git',
  needs: ['goenv', 'project', 'gitconfig', 'home'],
  causes: ['git-auth-required', 'git-ssh-auth'],
  async run({ facts, lang }) {
    const [env, project, config, home] = await Promise.all([
      facts.goenv(),
      facts.project(),
      facts.gitconfig(),
      facts.home(),
    ]);
    if (!env) return [];
    const privacySettings = {
      GOPRIVATE: env.setting('GOPRIVATE').value,
      GONOPROXY: env.setting('GONOPROXY').value,
      GONOSUMDB: env.setting('GONOSUMDB').value,
      GOINSECURE: env.setting('GOINSECURE').value,
    };
    const rules = insteadOfRules(config.entries);
    const context = {
      gitConfig: config.entries,
      netrcMachines: (home.netrc?.entries ?? []).flatMap((e) => (e.machine ? [e.machine] : [])),
    };
    const hosts = new Map<string, HostRoute>();
    for (const req of networkRequirements(project)) {
      const privacy = resolvePrivacy(privacySettings, req.path);
      const looksPrivate = privateLooking(req.path, context) !== undefined;
      if (!privacy.noProxy && !looksPrivate) continue;
      // The URL git is given: the known forge's repository, else (after ?go-get=1 discovery) most
      // often https://<path>; then git's own insteadOf rewrite.
      const repo = staticRepo(req.path);
      const url = `https://${repo?.repo ?? req.path}`;
      const fetchUrl = applyInsteadOf(url, rules).url;
      const remote = hostOfRemote(fetchUrl);
      if (!remote) continue;
      const transport = transportOf(fetchUrl);
      const key = `${transport}:${remote.host}`;
      const route = hosts.get(key) ?? {
        host: remote.host,
        transport,
        credentialsInUrl: /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i.test(fetchUrl),
        modules: [],
      };
      route.modules.push(req.path);
      hosts.set(key, route);
    }
    const findings: Finding[] = [];
    const docs = ['https://go.dev/doc/faq#git_https'];
    for (const route of hosts.values()) {
      const { host } = route;
      if (route.transport === 'https' || route.transport === 'http') {
        if (route.credentialsInUrl || hasNetrcCredentials(home, host) || hasCredentialHelper(config, host))
          continue;
        const modules = route.modules.slice(0, 3).join(', ') + (route.modules.length > 3 ? ', …' : '');
        findings.push({
          cause: 'git-auth-required',
          severity: 'warning',
          module: route.modules[0]!,
          title: say(m.noCredentialsTitle, lang, { host }),
          message: say(m.noCredentials, lang, { host, modules }),
          fixes: [
            {
              description: say(m.netrcFix, lang, { host }),
              command: `printf 'machine ${host} login USER password TOKEN\\n' >> ~/.netrc`,
            },
            {
              description: say(m.sshFix, lang, { host }),
              command: `git config --global url."git@${host}:".insteadOf "https://${host}/"`,
            },
          ],
          docs,
        });
      } else if (route.transport === 'ssh' && hasNetrcMachine(home, host)) {
        findings.push({
          cause: 'git-ssh-auth',
          severity: 'info',
          module: route.modules[0]!,
          title: say(m.netrcUnusedTitle, lang, { host }),
          message: say(m.netrcUnused, lang, { host }),
          ...(home.netrc ? { evidence: [{ source: home.netrc.path, text: `machine ${host}` }] } : {}),
        });
      }
    }
    return findings;
  },
});
