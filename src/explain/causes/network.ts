// Network and proxy causes: DNS, TCP, TLS, HTTP proxies, GOPROXY/GOSUMDB settings, and the proxy's
// not-found answers for private modules.
import type { CauseId } from '../../causes/catalog.ts';
import type { PatternIssueKind } from '../../goenv/patterns.ts';
import { matchPrefixPatterns, patternIssues } from '../../goenv/patterns.ts';
import { resolvePrivacy } from '../../goenv/private.ts';
import { isPublicCodeHost, isPublicForge } from '../../module/hosts.ts';
import { docs, goprivateFixes, mirrorFixes, setGoVariable } from '../fixes.ts';
import type { CauseRule, Facts, RemoteSignal } from '../types.ts';
import { at, host, mod, pat, quoted } from './helpers.ts';

/** Causes that are the network path itself failing: symptoms in the same statement yield to them. */
export const NETWORK_ROOTS: readonly CauseId[] = [
  'dns-failure',
  'dns-poisoned',
  'http-proxy-misconfigured',
  'tls-untrusted-certificate',
  'tls-handshake-timeout',
  'connect-timeout',
  'connection-refused',
  'connection-reset',
  'egress-policy-forbidden',
];

/** Lines inside a `server response:` block that tell what the remote side failed at. */
export const REMOTE_SIGNALS: ReadonlyArray<{ signal: RemoteSignal; needles: readonly string[] }> = [
  {
    signal: 'auth',
    needles: [
      'terminal prompts disabled',
      'could not read Username',
      'Authentication failed',
      'HTTP Basic: Access denied',
      'Permission denied (publickey',
      '鉴权失败',
    ],
  },
  {
    signal: 'dns',
    needles: [
      'no such host',
      'Could not resolve host',
      'server misbehaving',
      'Temporary failure in name resolution',
    ],
  },
  {
    signal: 'repo-not-found',
    needles: [
      'Repository not found',
      'repository not found',
      ' not found\n',
      "don't have permission to view it",
      '未找到',
    ],
  },
  {
    signal: 'connect',
    needles: [
      'connection refused',
      'Connection refused',
      'i/o timeout',
      'Connection timed out',
      'unable to connect',
      // proxy.golang.org and sum.golang.org when their own fetch from the origin ran out of time.
      'fetch timed out',
    ],
  },
  { signal: 'unknown-revision', needles: ['unknown revision'] },
  // The proxy looked the module up and found no version (or an empty repository): an answer, not a
  // fetch it could not make.
  { signal: 'no-versions', needles: ['no matching versions', ': no commits'] },
];

const OFFICIAL_PROXIES = new Set(['proxy.golang.org', 'proxy.golang.google.cn']);
const OFFICIAL_SUMDBS = new Set(['sum.golang.org', 'sum.golang.google.cn']);

function urlHost(url: string): string {
  return (
    url
      .replace(/^https?:\/\//, '')
      .split(/[/:]/)[0]
      ?.toLowerCase() ?? ''
  );
}

function isOfficialProxy(url: string): boolean {
  return OFFICIAL_PROXIES.has(urlHost(url));
}

function isOfficialSumdb(url: string): boolean {
  return OFFICIAL_SUMDBS.has(urlHost(url));
}

/** `https://proxy/sumdb/sum.golang.org/...` or a proxy path that forwards to a checksum database. */
export function isProxiedSumdb(url: string): boolean {
  if (isOfficialSumdb(url)) return false;
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  return path.startsWith('/sumdb/') || /\/sum\.golang\.(?:org|google\.cn)\//.test(path);
}

/**
 * What is wrong with a pseudo-version's form, if anything: the go command writes the commit
 * hash as exactly 12 hex digits (coderepo.go: "revision is shorter/longer than canonical").
 */
const PSEUDO = /^v\d+\.\d+\.\d+-(?:[\w.]*\.)?\d{14}-(?<hash>[0-9A-Za-z]+)(?:\+incompatible)?$/;

/** A proxy answers 400 for a version it will not look up: for a pseudo-version, one that does not fit the commit. */
function isPseudoVersion(version: string | undefined): boolean {
  return version !== undefined && PSEUDO.test(version);
}

export function malformedPseudoVersion(version: string | undefined): string | undefined {
  if (!version) return undefined;
  const m = PSEUDO.exec(version);
  const hash = m?.groups?.hash;
  if (!hash || hash.length === 12) return undefined;
  return `revision ${hash} is ${hash.length < 12 ? 'shorter' : 'longer'} than the 12 characters of a canonical pseudo-version`;
}

const notLoopback = (g: Record<string, string | undefined>) =>
  !/^(?:localhost|127\.|\[::1\]|0\.0\.0\.0)/.test(g.host ?? g.url?.replace(/^https?:\/\//, '') ?? '');

export const networkRules: CauseRule[] = [
  {
    cause: 'dns-failure',
    severity: 'error',
    rank: 9,
    patterns: [
      pat(
        'go-lookup',
        'lookup ',
        /\blookup (?<host>[A-Za-z0-9_][-A-Za-z0-9_.]*)(?: on [^\s]+)?: (?<detail>no such host|server misbehaving|Temporary failure in name resolution|no answer from DNS server|(?:read|dial|write) udp [^\s]+: (?:i\/o timeout|connect: connection refused|connection refused|read: connection refused)|[^\n]{1,200})/,
        'all (net package; pure Go and cgo resolvers)',
      ),
      pat(
        'curl-resolve',
        ['Could not resolve host', 'Could not resolve hostname'],
        /Could not resolve host(?:name)?:? (?<host>[A-Za-z0-9_][-A-Za-z0-9_.]*)/,
        'git/curl and ssh, any locale (curl and ssh texts are not translated)',
      ),
      pat(
        'ssh-resolve',
        'Name or service not known',
        /(?<host>[A-Za-z0-9_][-A-Za-z0-9_.]*): Name or service not known/,
        'ssh / getaddrinfo',
      ),
    ],
    title: { en: 'A host name cannot be resolved (DNS)', 'zh-CN': '主机名无法解析（DNS）' },
    message: {
      en: (s) =>
        `The DNS lookup of ${host.en(s)} failed${quoted(s)}. This happened on this machine: no connection was attempted. Typical reasons: no network or no resolver (sandboxed builds, containers without DNS), a VPN or corporate DNS that does not know the name, or a typo in the host.`,
      'zh-CN': (s) =>
        `对 ${host.zh(s)} 的 DNS 解析失败${quoted(s)}。问题发生在本机：连接根本没有开始。常见原因：没有网络或没有可用的 DNS 服务器（沙箱构建、没有 DNS 的容器）、VPN 或公司 DNS 不认识该域名、主机名拼写错误。`,
    },
    fixes: (s) => [
      {
        description: {
          en: `Check that this machine can resolve ${host.en(s)}`,
          'zh-CN': `检查本机能否解析 ${host.zh(s)}`,
        },
        command: s.windows
          ? `nslookup ${s.host ?? 'proxy.golang.org'}`
          : `getent hosts ${s.host ?? 'proxy.golang.org'} || nslookup ${s.host ?? 'proxy.golang.org'}`,
      },
      ...(s.host === 'proxy.golang.org' || s.host === 'sum.golang.org' || s.host === 'golang.org'
        ? mirrorFixes(s)
        : []),
    ],
    docs: docs('module-proxy', 'https://pkg.go.dev/net#hdr-Name_Resolution'),
  },
  {
    cause: 'dns-poisoned',
    severity: 'error',
    rank: 8,
    patterns: [
      pat(
        'loopback-answer',
        ['dial tcp 127.0.0.1:443', 'dial tcp 0.0.0.0:443', 'dial tcp [::1]:443', 'dial tcp [::]:443'],
        /Get "?https:\/\/(?<host>[^/"\s:]+)[^\s"]*"?: dial tcp (?<ip>127\.0\.0\.1|0\.0\.0\.0|\[::1?\]):443: /,
        'all (net/http), when a resolver answers a public name with a loopback or null address',
        { accept: (g) => notLoopback(g) },
      ),
    ],
    title: { en: 'DNS answers with a blocking address', 'zh-CN': 'DNS 返回了拦截地址' },
    message: {
      en: (s) =>
        `${host.en(s)} resolved to ${String(s.ip ?? 'a loopback address')}, which is not where it lives: a filtering resolver, a hosts-file entry or a DNS hijack redirects it. Nothing listens there, so every fetch fails.`,
      'zh-CN': (s) =>
        `${host.zh(s)} 被解析到 ${String(s.ip ?? '回环地址')}，这不是它真实的地址：过滤型 DNS、hosts 文件条目或 DNS 劫持把它重定向了。那里没有服务，所以每次获取都会失败。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Look for a hosts-file entry for the name',
          'zh-CN': '检查 hosts 文件中是否有该域名的条目',
        },
        command: s.windows
          ? `findstr ${s.host ?? 'golang'} %SystemRoot%\\System32\\drivers\\etc\\hosts`
          : `grep -n '${s.host ?? 'golang'}' /etc/hosts`,
      },
      {
        description: { en: 'Compare with a public resolver', 'zh-CN': '与公共 DNS 的解析结果对比' },
        command: `nslookup ${s.host ?? 'proxy.golang.org'} 1.1.1.1`,
      },
      ...mirrorFixes(s),
    ],
    docs: docs('module-proxy'),
  },
  {
    cause: 'connect-timeout',
    severity: 'error',
    rank: 11,
    yieldsTo: ['dns-failure', 'http-proxy-misconfigured', 'sumdb-unreachable'],
    patterns: [
      pat(
        'dial-timeout',
        'dial tcp ',
        /dial tcp (?<ip>[0-9a-fA-F.:[\]]+):(?<port>\d+|\$PORT): (?<detail>i\/o timeout|connect: connection timed out|connect: operation timed out|connectex: A connection attempt failed|connect: network is unreachable|connect: no route to host)/,
        'all (net: Go 30 s dial timeout; Linux, macOS and Windows kernels)',
      ),
      pat(
        'dial-timeout-zh',
        ['connectex: 由于连接方', 'connectex: 连接尝试失败'],
        /dial tcp (?<ip>[0-9a-fA-F.:[\]]+):(?<port>\d+): connectex: (?:由于连接方|连接尝试失败)/,
        'all, Windows with a Chinese display language',
        { locale: 'zh-CN' },
      ),
      pat(
        'curl-timeout',
        ['Failed to connect to', 'Connection timed out after', 'Operation timed out after'],
        /(?:Failed to connect to (?<host>[^\s]+) port (?<port>\d+)(?: after \d+ ms)?: (?:Connection timed out|Operation timed out|Timed out|连接超时|网络不可达|没有到主机的路由)|Failed to connect to (?<host2>[^\s]+) port (?<port2>\d+) after \d{4,} ms: Couldn't connect to server|(?:Connection|Operation) timed out after \d+ milli)/,
        'git/curl, any locale (the reason is strerror, translated under zh_CN)',
      ),
    ],
    title: { en: 'The connection attempt timed out', 'zh-CN': '建立连接超时' },
    message: {
      en: (s) =>
        `Connecting to ${s.host ?? s.ip ?? 'the server'}${s.port ? ` port ${String(s.port)}` : ''} never completed: packets are dropped on the way (a firewall, a blocked network, a broken IPv6 route, or a proxy that must be used but is not configured).`,
      'zh-CN': (s) =>
        `连接 ${s.host ?? s.ip ?? '服务器'}${s.port ? ` 的 ${String(s.port)} 端口` : ''}一直没有完成：数据包在途中被丢弃（防火墙、被屏蔽的网络、不通的 IPv6 路由，或需要使用代理但没有配置）。`,
    },
    fixes: (s) => [
      ...mirrorFixes(s),
      {
        description: {
          en: 'If your network requires an HTTP proxy, give it to the go command',
          'zh-CN': '如果你的网络必须通过 HTTP 代理访问外网，请把代理告诉 go 命令',
        },
        command: s.windows
          ? '$env:HTTPS_PROXY = "http://<proxy-host>:<port>"'
          : 'export HTTPS_PROXY=http://<proxy-host>:<port>',
      },
    ],
    docs: docs('goproxy-protocol', 'module-proxy'),
  },
  {
    cause: 'connection-refused',
    severity: 'error',
    rank: 11,
    yieldsTo: ['dns-failure', 'dns-poisoned', 'http-proxy-misconfigured', 'sumdb-unreachable'],
    patterns: [
      pat(
        'dial-refused',
        'dial tcp ',
        /dial tcp (?<ip>[^\s]+?):(?<port>\$?[A-Z0-9]+): (?:connect: connection refused|getsockopt: connection refused|connectex: No connection could be made because the target machine actively refused it)/,
        'all (net), Unix and Windows',
      ),
      pat(
        'dial-refused-zh',
        'connectex: 由于目标计算机积极拒绝',
        /dial tcp (?<ip>[^\s]+?):(?<port>\d+): connectex: 由于目标计算机积极拒绝/,
        'all, Windows with a Chinese display language',
        { locale: 'zh-CN' },
      ),
      pat(
        'curl-refused',
        'Failed to connect to',
        /Failed to connect to (?<host>[^\s]+) port (?<port>\d+)(?: after \d+ ms: Connection refused|: Connection refused| after \d{1,3} ms: Couldn't connect to server|(?: after \d+ ms)?: 拒绝连接)/,
        'git/curl, any locale',
      ),
    ],
    title: { en: 'The connection was refused', 'zh-CN': '连接被拒绝' },
    message: {
      en: (s) =>
        `${s.host ?? s.ip ?? 'The server'}${s.port ? ` port ${String(s.port)}` : ''} actively refused the connection: nothing listens there (a stopped local proxy or mirror, a wrong GOPROXY port), or a firewall rejects it.`,
      'zh-CN': (s) =>
        `${s.host ?? s.ip ?? '服务器'}${s.port ? ` 的 ${String(s.port)} 端口` : ''}主动拒绝了连接：那里没有服务在监听（本地代理或镜像没有运行、GOPROXY 端口写错），或被防火墙拒绝。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Check which proxy settings the go command uses',
          'zh-CN': '检查 go 命令使用的代理设置',
        },
        command: 'go env GOPROXY GONOPROXY GOPRIVATE',
      },
      ...mirrorFixes(s, { sumdb: false }),
    ],
    docs: docs('goproxy-protocol'),
  },
  {
    cause: 'connection-reset',
    severity: 'error',
    rank: 12,
    yieldsTo: [
      'dns-failure',
      'http-proxy-misconfigured',
      'git-auth-required',
      'git-ssh-auth',
      'sumdb-unreachable',
    ],
    patterns: [
      pat(
        'reset-by-peer',
        ['connection reset by peer', 'Connection reset by peer'],
        /[Cc]onnection reset by peer/,
        'all (net), git/curl',
      ),
      pat(
        'wsarecv',
        ['wsarecv: An existing connection was forcibly closed', 'wsarecv: 远程主机强迫关闭了一个现有的连接'],
        /wsarecv: (?:An existing connection was forcibly closed|远程主机强迫关闭了一个现有的连接)/,
        'all, Windows (English and Chinese)',
      ),
      pat(
        'curl-reset',
        ['Connection was reset', 'SSL_read: Connection was reset'],
        /(?:OpenSSL SSL_read|Recv failure|Send failure): Connection was reset/,
        'git/curl on Windows (schannel and OpenSSL builds: errno 10054)',
      ),
      pat('get-eof', '": EOF', /(?:Get|read) "?(?<url>https?:\/\/[^\s"]+)"?: EOF$/, 'all (net/http)'),
      pat(
        'download-unexpected-eof',
        'unexpected EOF',
        /(?:Get|read) "?(?<url>https?:\/\/[^\s"]+)"?: (?:[^\n]{0,200}: )?unexpected EOF/,
        'all (net/http, body cut short)',
      ),
      pat(
        'git-rpc',
        ['RPC failed', 'RPC 失败'],
        /(?:error: |错误：)?RPC (?:failed; |失败。)(?<detail>curl (?:18|56|92)[^\n]{0,200}|HTTP 5\d\d[^\n]{0,100})/,
        'git (English and zh_CN)',
      ),
      pat(
        'git-early-eof',
        ['early EOF', '过早的文件结束符'],
        /(?:fatal: |致命错误：)?(?:early EOF|过早的文件结束符（EOF）)/,
        'git index-pack',
        { supporting: true },
      ),
      pat(
        'gnutls-recv',
        ['GnuTLS recv error', 'non-properly terminated'],
        /GnuTLS recv error \(-\d+\)|TLS connection was non-properly terminated/,
        'git built with GnuTLS (Debian, Ubuntu)',
      ),
      pat(
        'http2-stream',
        'stream error: stream ID',
        /stream error: stream ID \d+; (?:INTERNAL_ERROR|PROTOCOL_ERROR|CANCEL)/,
        'all (net/http HTTP/2)',
      ),
    ],
    title: { en: 'The connection was cut mid-way', 'zh-CN': '连接中途被切断' },
    message: {
      en: (s) =>
        `A connection${s.url ? ` for ${s.url}` : ''} was closed before the answer was complete${quoted(s)}. Middleboxes (firewalls, the GFW, corporate TLS inspection), an overloaded mirror or a flaky link do this; retrying sometimes works, a different route works reliably.`,
      'zh-CN': (s) =>
        `连接${s.url ? `（${s.url}）` : ''}在响应完成前被关闭${quoted(s)}。中间设备（防火墙、GFW、公司的 TLS 检查）、过载的镜像或不稳定的线路都会这样；重试有时有效，换一条线路更可靠。`,
    },
    fixes: (s) => [
      ...mirrorFixes(s),
      {
        description: {
          en: 'Let a failing proxy fall through to the next entry on any error ("|" instead of ",")',
          'zh-CN': '让失败的代理在任何错误时都回退到下一项（用 "|" 代替 ","）',
        },
        command: 'go env -w GOPROXY="https://proxy.golang.org|https://goproxy.cn|direct"',
      },
    ],
    docs: docs('goproxy-protocol', 'environment-variables'),
  },
  {
    cause: 'tls-untrusted-certificate',
    severity: 'error',
    rank: 10,
    yieldsTo: ['http-proxy-misconfigured'],
    patterns: [
      pat(
        'x509',
        'x509: ',
        /\bx509: (?<detail>certificate is valid for [^\n]{1,300}?, not (?<host>[^\s,]+)|[^\n]{1,300})/,
        'all (crypto/x509; wrapped in "tls: failed to verify certificate:" since 1.20)',
      ),
      pat(
        'curl-ssl',
        [
          'SSL certificate problem',
          'server certificate verification failed',
          'self signed certificate',
          'self-signed certificate',
        ],
        /(?<detail>SSL certificate problem: [^\n]{1,200}|server certificate verification failed[^\n]{0,200}|self[- ]signed certificate[^\n]{0,100})/,
        'git/curl (OpenSSL, GnuTLS), any locale',
      ),
    ],
    title: { en: 'A TLS certificate is not trusted', 'zh-CN': 'TLS 证书不受信任' },
    message: {
      en: (s) =>
        `The certificate presented${s.host ? ` for ${s.host}` : ''} was rejected${quoted(s)}. Usually a TLS-inspecting proxy or antivirus replaces certificates with its own (its root CA is not installed here), a slim container lacks CA certificates, or the system clock is wrong. git has its own CA settings, so git and the go command can disagree.`,
      'zh-CN': (s) =>
        `${s.host ? `${s.host} 提供的` : ''}证书被拒绝${quoted(s)}。通常是做 TLS 检查的代理或杀毒软件用自己的证书替换了原证书（其根证书未安装在本机），或精简容器缺少 CA 证书，或系统时间不对。git 有自己的 CA 设置，因此 git 与 go 命令的结果可能不同。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Install the CA certificates (Debian/Ubuntu images; Alpine: apk add ca-certificates)',
          'zh-CN': '安装 CA 证书（Debian/Ubuntu 镜像；Alpine 用 apk add ca-certificates）',
        },
        command: 'apt-get update && apt-get install -y ca-certificates',
      },
      {
        description: {
          en: "If your company inspects TLS, add its root CA to the system store (the go command uses the system's roots)",
          'zh-CN': '如果公司做 TLS 检查，把公司的根证书加入系统证书库（go 命令使用系统根证书）',
        },
        command: s.windows
          ? 'certutil -addstore -f Root <company-root-ca>.crt'
          : 'sudo cp <company-root-ca>.crt /usr/local/share/ca-certificates/ && sudo update-ca-certificates',
      },
    ],
    docs: docs('module-proxy'),
  },
  {
    cause: 'tls-handshake-timeout',
    severity: 'error',
    rank: 11,
    yieldsTo: ['http-proxy-misconfigured', 'sumdb-unreachable'],
    patterns: [
      pat(
        'go-tls-timeout',
        'TLS handshake timeout',
        /net\/http: TLS handshake timeout/,
        'all (net/http: 10 s)',
      ),
      pat(
        'git-tls',
        ['gnutls_handshake() failed', 'SSL_ERROR_SYSCALL'],
        /gnutls_handshake\(\) failed[^\n]{0,200}|SSL_connect: SSL_ERROR_SYSCALL[^\n]{0,200}|SSL_ERROR_SYSCALL in connection to (?<host>[^\s:]+)/,
        'git/curl (GnuTLS, OpenSSL)',
      ),
    ],
    title: { en: 'The TLS handshake never completed', 'zh-CN': 'TLS 握手未能完成' },
    message: {
      en: (s) =>
        `The TCP connection${s.host ? ` to ${s.host}` : ''} opened but the TLS handshake got no answer: typical of networks that filter by server name (SNI), of an overloaded proxy, or of a link that drops large packets (MTU).`,
      'zh-CN': (s) =>
        `到${s.host ? ` ${s.host} ` : ''}的 TCP 连接已建立，但 TLS 握手没有得到响应：常见于按服务器名称（SNI）过滤的网络、过载的代理，或丢弃大包的线路（MTU）。`,
    },
    fixes: (s) => mirrorFixes(s),
    docs: docs('module-proxy'),
  },
  {
    cause: 'proxy-server-error',
    severity: 'error',
    rank: 15,
    refine: ({ situation: s }) =>
      s.status?.startsWith('400') && isPseudoVersion(s.version)
        ? {
            cause: 'pseudo-version-invalid',
            facts: {
              detail: malformedPseudoVersion(s.version) ?? `the proxy refused ${s.version} as a request`,
            },
          }
        : undefined,
    patterns: [
      pat(
        'bad-answer',
        [
          'proxy returned info for version',
          'invalid response from proxy',
          'missing top-level directory prefix',
          'more than one top-level directory',
          'has unexpected file',
          'downloaded zip file too large',
          'is larger than declared size',
          'is both a file and a directory',
          'multiple entries for file',
        ],
        /proxy returned info for version [^\s]+ instead of requested version|invalid response from proxy "(?<url>[^"]+)"|missing top-level directory prefix|zip file contains more than one top-level directory|zip for [^\s]+ has unexpected file|downloaded zip file too large|is larger than declared size|is both a file and a directory|multiple entries for file/,
        'all (modfetch, x/mod zip): the proxy answered with data that is not a valid module (a broken or hand-made mirror)',
      ),
      pat(
        'status-5xx',
        ['reading http', 'unexpected status ('],
        /(?:reading |unexpected status \()(?<url>https?:\/\/[^\s)]+?)\)?: (?<status>5\d\d [^\n]{0,60})/,
        'all (web.HTTPError; "unexpected status" up to 1.12)',
        { unless: ['?go-get=1'], accept: (g) => !isSumdbish(g.url) },
      ),
      pat(
        'status-400',
        ['reading http', 'unexpected status ('],
        /(?:reading |unexpected status \()(?<url>https?:\/\/[^\s)]+?\/@v\/[^\s)]+?)\)?: (?<status>400 Bad Request)/,
        'all (GOPROXY protocol: a proxy answers 404/410 for what it lacks; 400 is its own refusal)',
        { unless: ['?go-get=1'] },
      ),
      pat(
        'redirect-refused',
        ['redirected from secure URL', 'stopped after 10 redirects'],
        /Get "?(?<url>https?:\/\/[^\s"]+)"?: (?<detail>redirected from secure URL [^\s]+ to insecure URL [^\s]+|stopped after 10 redirects)/,
        'all (web: a redirect from https to plain http, or a redirect loop)',
        // Discovery (?go-get=1) redirects are go-get-discovery-failed's, named by its wrapper.
        { unless: ['?go-get=1'], facts: { redirect: true } },
      ),
      pat(
        'remote-disk-full',
        'no space left on device',
        /no space left on device/,
        'the proxy’s own error text',
        { scope: 'remote' },
      ),
    ],
    title: { en: 'The module proxy itself failed', 'zh-CN': '模块代理服务器自身出错' },
    message: {
      en: (s) =>
        s.brokenZip
          ? `The module zip${s.module ? ` of ${at.en(s)}` : ''} that this run just downloaded${s.host ? ` from ${s.host}` : ''} is not a zip file: the proxy (or a middlebox rewriting its answers) serves a broken or truncated file. The go command deleted it, so it is not your module cache: every retry downloads the same broken file until the proxy is fixed or bypassed.`
          : s.sumdbProxy
            ? `The checksum lookup went to ${s.url ? hostText(s.url) : 'a server'} (a module proxy's endpoint for the checksum database, or a third-party database), which answered ${s.status ?? `with an error${quoted(s)}`}. The module was already downloaded, so the version exists: the proxy's checksum endpoint is failing, not sum.golang.org and not your module. Retry later, or ask sum.golang.org (or its mirror sum.golang.google.cn) directly.`
            : s.redirect
              ? `${s.url ? `The server at ${s.url}` : 'The server'} answered with a redirect the go command will not follow${quoted(s)}: from https to plain http, or round in a loop. A proxy or mirror behind a TLS front end that redirects to http, a sign-in or captive-portal gateway on the network, or a base URL missing its trailing path does this; the server's configuration (or the network's) must change, or GOPROXY must name a URL that answers directly.`
              : s.remoteOutage
                ? `${s.url ? `${s.url} answered ${s.status ?? 'not found'}` : 'The server answered not found'}, but the text under "server response:" shows that the server itself could not reach the public repository of ${s.module ?? 'the module'}: an outage on the proxy's or checksum database's side, not a private module and not your network. Retry later, or use another proxy meanwhile.`
                : `${s.url ? `The proxy answered ${s.status ?? 'with an error'} for ${s.url}` : 'The proxy reported a failure of its own'}${s.status ? '' : quoted(s)}. This is the server's problem (overload, outage, full disk, incomplete mirror), not your configuration. With GOPROXY entries separated by "," a server error is final; "|" falls through to the next entry.`,
      'zh-CN': (s) =>
        s.brokenZip
          ? `本次运行刚刚${s.host ? `从 ${s.host} ` : ''}下载的模块 zip${s.module ? `（${at.zh(s)}）` : ''}不是有效的 zip 文件：代理（或改写其响应的中间设备）提供的是损坏或被截断的文件。go 命令已删除它，所以问题不在你的模块缓存：在代理修复或被绕过之前，每次重试都会再次下载同一个损坏的文件。`
          : s.sumdbProxy
            ? `校验和查询发往了 ${s.url ? hostText(s.url) : '某个服务器'}（模块代理为校验和数据库提供的端点，或第三方校验和数据库），它返回了 ${s.status ?? `错误${quoted(s)}`}。模块已经下载成功，说明该版本存在：出问题的是代理的校验和端点，而不是 sum.golang.org，也不是你的模块。请稍后重试，或直接使用 sum.golang.org（或其镜像 sum.golang.google.cn）。`
            : s.redirect
              ? `${s.url ? `${s.url} 处的服务器` : '服务器'}返回了 go 命令不会跟随的重定向${quoted(s)}：从 https 重定向到明文 http，或者循环重定向。位于 TLS 前端之后却重定向到 http 的代理或镜像、网络中的登录或认证网关，或缺少末尾路径的基础 URL 都会这样；需要修改服务器（或网络）的配置，或让 GOPROXY 指向一个直接应答的 URL。`
              : s.remoteOutage
                ? `${s.url ? `${s.url} 返回了 ${s.status ?? '未找到'}` : '服务器返回了未找到'}，但 "server response:" 之后的内容表明，是服务器自己无法连接 ${s.module ?? '该模块'} 的公开仓库：这是代理或校验和数据库一侧的故障，不是私有模块，也不是你的网络问题。请稍后重试，或暂时改用其他代理。`
                : `${s.url ? `代理对 ${s.url} 返回了 ${s.status ?? '错误'}` : '代理报告了自身的故障'}${s.status ? '' : quoted(s)}。这是服务器的问题（过载、故障、磁盘已满、镜像不完整），不是你的配置问题。GOPROXY 各项用 "," 分隔时服务器错误不会回退；用 "|" 才会尝试下一项。`,
    },
    fixes: (s) => [
      ...(s.redirect && s.url
        ? [
            {
              description: {
                en: 'See where the server sends the request',
                'zh-CN': '查看服务器把请求重定向到了哪里',
              },
              command: `curl -sI '${s.url}'`,
            },
          ]
        : []),
      {
        description: {
          en: 'Retry later, or fall through to another proxy on any error',
          'zh-CN': '稍后重试，或在任何错误时回退到其他代理',
        },
        command: 'go env -w GOPROXY="https://proxy.golang.org|https://goproxy.cn|direct"',
      },
      ...mirrorFixes(s, { sumdb: false }),
    ],
    docs: docs('goproxy-protocol', 'module-proxy'),
  },
  {
    cause: 'egress-policy-forbidden',
    severity: 'error',
    rank: 10,
    patterns: [
      pat(
        'proxy-403',
        ['403 Forbidden'],
        /reading (?<url>https?:\/\/[^\s]+?): (?<status>403 Forbidden)/,
        'all (web.HTTPError)',
        { unless: ['?go-get=1'] },
      ),
      pat(
        'connect-forbidden',
        '": Forbidden',
        /Get "?(?<url>https?:\/\/[^\s"]+)"?: Forbidden$/,
        'all (net/http: CONNECT refused by an HTTP proxy; only the reason phrase is printed)',
      ),
      pat(
        'curl-connect-403',
        'from proxy after CONNECT',
        /Received HTTP code 403 from proxy after CONNECT/,
        'git/curl',
      ),
    ],
    title: { en: 'A network policy forbids the request', 'zh-CN': '网络策略禁止了该请求' },
    message: {
      en: (s) =>
        `${s.url ? `The request for ${s.url}` : 'The request'} was answered "Forbidden". A corporate filtering proxy (Zscaler and similar), a cloud egress policy (e.g. VPC Service Controls) or the proxy's access rules block it; the module itself may be fine.`,
      'zh-CN': (s) =>
        `${s.url ? `对 ${s.url} 的请求` : '该请求'}被回答 "Forbidden"。公司的过滤代理（Zscaler 等）、云上的出站策略（如 VPC Service Controls）或代理的访问规则阻止了它；模块本身可能没有问题。`,
    },
    fixes: () => [
      {
        description: {
          en: "Ask your network administrators to allow the Go module hosts, or use your company's internal Go proxy",
          'zh-CN': '请网络管理员放行 Go 模块相关主机，或使用公司内部的 Go 代理',
        },
        command: 'go env -w GOPROXY=https://<internal-go-proxy>,direct',
      },
    ],
    docs: docs('module-proxy', 'goproxy-protocol'),
  },
  {
    cause: 'http-proxy-misconfigured',
    severity: 'error',
    rank: 7,
    patterns: [
      pat('proxyconnect', 'proxyconnect tcp', /proxyconnect tcp: (?<detail>[^\n]{1,300})/, 'all (net/http)'),
      pat(
        'proxy-auth',
        'Proxy Authentication Required',
        /(?:Get "?(?<url>https?:\/\/[^\s"]+)"?: )?Proxy Authentication Required/,
        'all (net/http prints the reason phrase of a refused CONNECT)',
      ),
      pat(
        'curl-407',
        'from proxy after CONNECT',
        /Received HTTP code 407 from proxy after CONNECT/,
        'git/curl',
      ),
      pat(
        'curl-proxy',
        ['Could not resolve proxy', 'Unsupported proxy syntax', 'Failed to connect to proxy'],
        /Could not resolve proxy: (?<host>[^\s]+)|Unsupported proxy syntax|Failed to connect to proxy/,
        'git/curl',
      ),
    ],
    title: { en: 'The HTTP(S) proxy setting is wrong', 'zh-CN': 'HTTP(S) 代理设置有误' },
    message: {
      en: (s) =>
        `The go command (or git) goes through the proxy named by HTTPS_PROXY/HTTP_PROXY (or git's http.proxy), and that proxy failed${quoted(s)}: the proxy program is not running, the port or scheme is wrong (https:// for a plain HTTP proxy, a SOCKS port given as HTTP), or it wants credentials.`,
      'zh-CN': (s) =>
        `go 命令（或 git）通过 HTTPS_PROXY/HTTP_PROXY（或 git 的 http.proxy）指定的代理访问网络，而该代理失败了${quoted(s)}：代理程序没有运行、端口或协议写错（普通 HTTP 代理写成了 https://、把 SOCKS 端口当作 HTTP 代理），或代理需要认证。`,
    },
    fixes: (s) => [
      {
        description: { en: 'See which proxy is set', 'zh-CN': '查看设置了哪个代理' },
        command: s.windows
          ? 'Get-ChildItem env:*proxy*; git config --get-regexp proxy'
          : 'env | grep -i _proxy; git config --get-regexp proxy',
      },
      {
        description: {
          en: 'Start the proxy program, or correct the variable (scheme http:// for most local proxies)',
          'zh-CN': '启动代理程序，或改正该变量（大多数本地代理应使用 http://）',
        },
        command: s.windows
          ? '$env:HTTPS_PROXY = "http://127.0.0.1:<port>"'
          : 'export HTTPS_PROXY=http://127.0.0.1:<port>',
      },
      {
        description: {
          en: 'Or remove the proxy setting if this network does not need one',
          'zh-CN': '如果当前网络不需要代理，就删除代理设置',
        },
        command: s.windows
          ? 'Remove-Item env:HTTPS_PROXY, env:HTTP_PROXY'
          : 'unset HTTPS_PROXY HTTP_PROXY https_proxy http_proxy',
      },
    ],
    docs: docs('https://pkg.go.dev/net/http#ProxyFromEnvironment'),
  },
  {
    cause: 'goproxy-off',
    severity: 'error',
    rank: 4,
    // A go.mod version that needs resolving is the root when the refused lookup was for it.
    yieldsTo: ['invalid-version-syntax'],
    patterns: [pat('off', 'GOPROXY=off', /disabled by GOPROXY=off/, 'all (modfetch)')],
    title: { en: 'GOPROXY=off forbids downloading', 'zh-CN': 'GOPROXY=off 禁止了下载' },
    message: {
      en: (s) =>
        `The go command needed ${at.en(s)}, which is not in the module cache, and GOPROXY=off forbids any download. Editors (gopls) and packaging sandboxes set this on purpose; elsewhere it is usually a leftover setting.`,
      'zh-CN': (s) =>
        `go 命令需要 ${at.zh(s)}，它不在模块缓存中，而 GOPROXY=off 禁止任何下载。编辑器（gopls）和打包沙箱会有意这样设置；在其他场合这通常是遗留的设置。`,
    },
    fixes: (s) => [
      ...setGoVariable(s, 'GOPROXY', 'https://proxy.golang.org,direct', {
        en: 'Allow downloads again',
        'zh-CN': '重新允许下载',
      }),
      {
        description: {
          en: 'Or, where the network is off on purpose, download first while online',
          'zh-CN': '如果有意断网，请先在联网时下载依赖',
        },
        command: 'go mod download',
      },
    ],
    docs: docs('environment-variables', 'module-proxy'),
  },
  {
    cause: 'goproxy-invalid',
    severity: 'error',
    rank: 3,
    patterns: [
      pat(
        'file-url',
        ['file URL specifies non-local host', 'file URL encodes volume', 'file URL missing'],
        /(?<detail>file URL (?:specifies non-local host|encodes volume in host field[^\n]{0,40}|missing drive letter|missing path))/,
        'all (web: a file:// GOPROXY entry that is not a local path)',
      ),
      pat(
        'credentials-over-http',
        'refusing to pass credentials to insecure URL',
        /refusing to pass credentials to insecure URL: (?<url>[^\s]+)/,
        'all (web: a user:password@ in an http:// GOPROXY entry)',
        { facts: { credentialsOverHttp: true } },
      ),
      pat(
        'no-entries',
        'GOPROXY list is not the empty string',
        /GOPROXY list is not the empty string, but contains no entries/,
        'all (modfetch)',
      ),
      pat(
        'bad-url',
        ['invalid proxy URL', 'invalid file:// proxy URL'],
        /invalid (?:proxy URL (?:missing scheme|scheme \(must be https, http, file\))|file:\/\/ proxy URL with non-path elements): (?<detail>[^\n]*)/,
        'all (modfetch)',
      ),
    ],
    title: { en: 'GOPROXY cannot be used', 'zh-CN': 'GOPROXY 无法使用' },
    message: {
      en: (s) =>
        s.credentialsOverHttp
          ? `A GOPROXY entry carries a user name and password in a plain http:// URL${s.url ? ` (${s.url})` : ''}, and the go command refuses to send credentials unencrypted. Use https:// for the proxy, or move the credentials to ~/.netrc (or GOAUTH) and leave them out of GOPROXY.`
          : `The GOPROXY value is unusable${quoted(s)}. An empty GOPROXY on Go 1.21+ usually means $GOROOT/go.env is missing (some distribution or self-built Go installs), which is where the default lives.`,
      'zh-CN': (s) =>
        s.credentialsOverHttp
          ? `GOPROXY 中的某一项在明文 http:// URL 中带有用户名和密码${s.url ? `（${s.url}）` : ''}，go 命令拒绝以不加密的方式发送凭据。请为该代理使用 https://，或把凭据移到 ~/.netrc（或 GOAUTH）中，不要写在 GOPROXY 里。`
          : `GOPROXY 的值无法使用${quoted(s)}。在 Go 1.21 及以上版本中 GOPROXY 为空，通常是因为缺少 $GOROOT/go.env（某些发行版或自行编译的 Go），默认值就写在那里。`,
    },
    fixes: (s) => [
      { description: { en: 'See the value', 'zh-CN': '查看当前值' }, command: 'go env GOPROXY' },
      ...(s.credentialsOverHttp
        ? [
            {
              description: {
                en: 'Name the proxy with https:// and without credentials, and give them in ~/.netrc (machine <host> login <user> password <token>)',
                'zh-CN':
                  '用 https:// 且不带凭据的地址指定代理，把凭据写进 ~/.netrc（machine <主机> login <用户> password <令牌>）',
              },
              command: 'go env -w GOPROXY=https://<proxy-host>/,direct',
            },
          ]
        : []),
      ...setGoVariable(s, 'GOPROXY', 'https://proxy.golang.org,direct', {
        en: 'Set a valid value',
        'zh-CN': '设置一个有效值',
      }),
    ],
    docs: docs('environment-variables', 'goproxy-protocol'),
  },
  {
    cause: 'private-module-via-proxy',
    severity: 'error',
    rank: 13,
    yieldsTo: [
      'unknown-revision',
      'module-zip-invalid',
      'major-version-suffix',
      'module-path-mismatch',
      'pseudo-version-invalid',
      'proxy-server-error',
      'invalid-version-syntax',
      'malformed-module-path',
    ],
    patterns: [
      pat(
        'proxy-not-found',
        [': 404 Not Found', ': 410 Gone'],
        /(?:reading |unexpected status \()(?<url>https?:\/\/[^\s)]+?)\)?: (?<status>404 Not Found|410 Gone)/,
        'all (web.HTTPError; proxy.golang.org answers 410 until 2022, 404 since)',
        { unless: ['?go-get=1'], accept: (g) => !isSumdbish(g.url) },
      ),
      pat(
        'pasted-answer',
        'not found: ',
        /^not found: (?<module>[^\s@]+)@(?<version>[^\s:]+): /,
        "proxy.golang.org's and sum.golang.org's not-found answer, pasted without the go command's line",
        { scope: 'body' },
      ),
    ],
    refine: ({ situation: s, signals, context, proxyKnewModule }) => {
      if (!s.module) return undefined;
      const env = context?.goEnv;
      if (env) {
        const privacy = resolvePrivacy(env, s.module);
        if (privacy.noProxy)
          return { cause: 'env-not-inherited', facts: { certainty: 'certain', variable: 'GOPRIVATE' } };
        if (privacy.private)
          return { cause: 'goprivate-misconfigured', facts: { certainty: 'certain', variable: 'GONOPROXY' } };
        const broken = brokenPattern(env, s.module, 'GONOPROXY');
        if (broken) return { cause: 'goprivate-misconfigured', facts: broken };
      }
      if (proxyKnewModule && (signals.has('repo-not-found') || signals.has('auth')))
        return { cause: 'module-source-gone' };
      const strongRemote = signals.has('auth') || signals.has('dns') || signals.has('repo-not-found');
      if (signals.has('no-versions') && !strongRemote) return { cause: 'no-matching-versions' };
      // A +incompatible version exists only while the repository has no go.mod at that major
      // version (modfetch's coderepo); once it has one, every proxy answers not found for it.
      if (s.version?.endsWith('+incompatible') && !strongRemote && !signals.has('connect'))
        return {
          cause: 'major-version-suffix',
          facts: { certainty: 'likely', incompatibleGone: true },
        };
      const pseudo = malformedPseudoVersion(s.version);
      if (pseudo) return { cause: 'pseudo-version-invalid', facts: { detail: pseudo } };
      const moduleHost = s.module.split('/')[0] ?? '';
      const publicHost = isPublicCodeHost(moduleHost);
      if (publicHost && signals.has('connect') && !signals.has('auth') && !signals.has('repo-not-found')) {
        return { cause: 'proxy-server-error', facts: { remoteOutage: true } };
      }
      if (publicHost && !strongRemote && s.url) {
        // The go command asks for a zip only after the proxy listed the version and served its
        // go.mod: a missing zip is the proxy's own failure (an incomplete mirror, a CDN node).
        if (/\/@v\/[^/]+\.zip$/.test(s.url))
          return { cause: 'proxy-server-error', facts: { certainty: 'likely' } };
        // Mirrors other than the official one answer "not found" when their own fetch fails.
        if (!isOfficialProxy(s.url))
          return {
            cause: 'proxy-server-error',
            facts: { certainty: 'likely', alternatives: ['unknown-revision', 'module-source-gone'] },
            also: 'private-module-via-proxy',
          };
      }
      if (publicHost && !strongRemote)
        return {
          cause: 'private-module-via-proxy',
          facts: { certainty: 'likely', alternatives: ['module-source-gone', 'unknown-revision'] },
        };
      // The forge told the proxy what it tells anyone for a repository that is gone or hidden: a
      // private repository (the usual reason when GOPRIVATE is missing) or a deleted one, offered next.
      return {
        cause: 'private-module-via-proxy',
        facts: {
          certainty: !publicHost || env !== undefined ? 'certain' : 'likely',
          ...(publicHost ? { alternatives: ['module-source-gone'] } : {}),
        },
        ...(publicHost && !env && isPublicForge(moduleHost) ? { also: 'module-source-gone' as const } : {}),
      };
    },
    title: { en: 'Private module requested from a public proxy', 'zh-CN': '向公共代理请求了私有模块' },
    message: {
      en: (s) =>
        `${mod.en(s)} is not covered by GOPRIVATE${s.goprivate !== undefined ? ` (here GOPRIVATE=${s.goprivate || '""'})` : ''}, so the go command asked the module proxy${s.url ? ` (${hostText(s.url)})` : ''}, which answered ${s.status ?? 'not found'}: the proxy cannot see private code. Anything under "server response:" happened on the proxy, not here.${s.alternatives?.includes('module-source-gone') ? ' If the repository is public, it was deleted, renamed or made private (module-source-gone).' : ''}${s.alternatives?.includes('unknown-revision') ? ' If the module is public, the version may simply not exist (unknown-revision).' : ''}`,
      'zh-CN': (s) =>
        `${mod.zh(s)} 不在 GOPRIVATE 范围内${s.goprivate !== undefined ? `（此处 GOPRIVATE=${s.goprivate || '""'}）` : ''}，所以 go 命令向模块代理${s.url ? `（${hostText(s.url)}）` : ''}请求它，代理回答 ${s.status ?? '未找到'}：代理看不到私有代码。"server response:" 之后的内容发生在代理服务器上，而不是本机。${s.alternatives?.includes('module-source-gone') ? '如果该仓库是公开的，那么它已被删除、改名或设为私有（module-source-gone）。' : ''}${s.alternatives?.includes('unknown-revision') ? '如果模块是公开的，也可能只是该版本不存在（unknown-revision）。' : ''}`,
    },
    fixes: (s) => goprivateFixes(s),
    docs: docs('private-modules', 'environment-variables'),
  },
  {
    cause: 'module-source-gone',
    severity: 'error',
    rank: 13,
    patterns: [],
    title: { en: "The module's repository is gone", 'zh-CN': '模块的代码仓库已不存在' },
    message: {
      en: (s) =>
        s.direct
          ? `${s.host ?? 'The forge'} answered the request for ${mod.en(s)} the way it answers for a repository that does not exist or that you may not see${s.unseen === 'prompt' ? ': by asking for credentials, which git may not ask for under the go command' : ' ("Repository not found")'}. For a public path this usually means the repository was deleted, renamed or made private: check it in a browser. Versions a module proxy cached before may still be available; otherwise move to a fork or a release that no longer needs it. If it is a private repository you should see, git lacks credentials (git-auth-required).`
          : s.viaProxy || s.alsoOf === 'private-module-via-proxy'
            ? `The proxy${s.url ? ` (${hostText(s.url)})` : ''} answered ${s.status ?? 'not found'} for ${at.en(s)}, and its "server response:" shows that the public forge refused it the way it refuses a repository that does not exist or is private: the repository was deleted, renamed or made private. Versions cached earlier by a proxy may still be available.`
            : `The proxy knows ${mod.en(s)} (it served it earlier), but fetching ${s.version ?? 'this version'} from the origin failed with "repository not found" or an authentication error: the repository was deleted, renamed or made private. Versions the proxy cached before keep working; new ones cannot be fetched.`,
      'zh-CN': (s) =>
        s.direct
          ? `${s.host ?? '代码托管平台'}对 ${mod.zh(s)} 的请求给出的回答，与对不存在或你无权查看的仓库的回答相同${s.unseen === 'prompt' ? '：要求提供凭据，而在 go 命令下 git 不能询问凭据' : '（"Repository not found"）'}。对于公开路径，这通常意味着仓库已被删除、改名或设为私有：请在浏览器中确认。模块代理之前缓存的版本可能仍然可用；否则请改用分叉仓库，或换用不再依赖它的版本。如果这是你应当能访问的私有仓库，则是 git 缺少凭据（git-auth-required）。`
          : s.viaProxy || s.alsoOf === 'private-module-via-proxy'
            ? `代理${s.url ? `（${hostText(s.url)}）` : ''}对 ${at.zh(s)} 返回了 ${s.status ?? '未找到'}，其 "server response:" 表明公共代码托管平台拒绝了它，方式与对不存在或私有仓库的拒绝相同：仓库已被删除、改名或设为私有。代理之前缓存的版本可能仍然可用。`
            : `代理认识 ${mod.zh(s)}（之前成功提供过），但从源仓库获取 ${s.version ?? '该版本'} 时出现 "repository not found" 或认证错误：仓库已被删除、改名或设为私有。代理之前缓存的版本仍可使用，新版本无法获取。`,
    },
    fixes: (s) => [
      {
        description: { en: 'Use a version the proxy still has', 'zh-CN': '使用代理中仍存在的版本' },
        command: `${s.direct ? 'GOPROXY=https://proxy.golang.org ' : ''}go list -m -versions ${s.module ?? '<module>'}`,
      },
      {
        description: { en: 'Or point to a fork that still exists', 'zh-CN': '或者改用仍然存在的分叉仓库' },
        command: `go mod edit -replace ${s.module ?? '<module>'}=<fork-module-path>@<version>`,
      },
    ],
    docs: docs('go-mod-file-replace', 'module-proxy'),
  },
  {
    cause: 'goprivate-misconfigured',
    severity: 'error',
    rank: 3,
    patterns: [
      pat(
        'noproxy-disabled',
        ['disabled by GOPRIVATE/GONOPROXY', 'does not match GOPRIVATE/GONOPROXY'],
        /(?:module lookup )?disabled by GOPRIVATE\/GONOPROXY|path does not match GOPRIVATE\/GONOPROXY/,
        'all (modfetch: GONOPROXY covers the path but GOPROXY has no "direct")',
      ),
    ],
    title: {
      en: 'GOPRIVATE/GONOPROXY settings do not work as intended',
      'zh-CN': 'GOPRIVATE/GONOPROXY 设置没有按预期生效',
    },
    message: {
      en: (s) =>
        s.pattern !== undefined
          ? `${s.variable}="${s.value}" was meant to cover ${mod.en(s)}, but its entry "${s.pattern}" never matches a module path: ${PATTERN_REASON[s.patternIssue as PatternIssueKind]?.en ?? 'it is not a path prefix'}. The go command skips such an entry without a word, so the module was treated as public${s.url ? ` and sent to ${hostText(s.url)}, which answered ${s.status ?? 'not found'}` : ''}.`
          : s.variable === 'GONOPROXY'
            ? `${mod.en(s)} matches GOPRIVATE, but GONOPROXY is set explicitly and does not cover it, so the proxy was still asked.`
            : `${mod.en(s)} is excluded from the proxy (GOPRIVATE/GONOPROXY), but GOPROXY has no "direct" entry, so nothing may fetch it.`,
      'zh-CN': (s) =>
        s.pattern !== undefined
          ? `${s.variable}="${s.value}" 本意是覆盖 ${mod.zh(s)}，但其中的 "${s.pattern}" 永远匹配不到模块路径：${PATTERN_REASON[s.patternIssue as PatternIssueKind]?.['zh-CN'] ?? '它不是路径前缀'}。go 命令会默默跳过这样的条目，所以该模块被当作公开模块${s.url ? `，请求发往 ${hostText(s.url)}，对方回答 ${s.status ?? '未找到'}` : ''}。`
          : s.variable === 'GONOPROXY'
            ? `${mod.zh(s)} 匹配 GOPRIVATE，但 GONOPROXY 被单独设置且不包含它，所以仍然请求了代理。`
            : `${mod.zh(s)} 被排除在代理之外（GOPRIVATE/GONOPROXY），但 GOPROXY 中没有 "direct"，因此没有任何途径可以获取它。`,
    },
    fixes: (s) =>
      s.pattern !== undefined && typeof s.variable === 'string' && typeof s.repaired === 'string'
        ? setGoVariable(
            s,
            s.variable,
            s.repaired,
            {
              en: `Write each entry of ${s.variable} as a bare module path prefix (no scheme, no spaces, at most one trailing slash)`,
              'zh-CN': `把 ${s.variable} 的每个条目写成纯模块路径前缀（不带协议、不带空格、末尾最多一个斜杠）`,
            },
            { fromEnv: s.variable === 'GOPRIVATE' && s.goprivateFromEnv === true },
          )
        : s.variable === 'GONOPROXY'
          ? [
              {
                description: {
                  en: 'Let GONOPROXY default to GOPRIVATE',
                  'zh-CN': '让 GONOPROXY 使用 GOPRIVATE 的默认值',
                },
                command: 'go env -u GONOPROXY',
              },
            ]
          : setGoVariable(s, 'GOPROXY', 'https://proxy.golang.org,direct', {
              en: 'Add "direct" to GOPROXY so excluded paths are fetched from their repositories',
              'zh-CN': '在 GOPROXY 中加入 "direct"，让被排除的路径直接从代码仓库获取',
            }),
    docs: docs('private-modules', 'environment-variables'),
  },
  {
    cause: 'sumdb-private-module',
    severity: 'error',
    rank: 14,
    yieldsTo: ['module-zip-invalid'],
    patterns: [
      pat(
        'lookup-not-found',
        [': 404 Not Found', ': 410 Gone'],
        /reading (?<url>https?:\/\/[^\s]+?\/lookup\/[^\s]+?): (?<status>404 Not Found|410 Gone)/,
        'all (checksum database lookups, direct or through a proxy /sumdb/ endpoint)',
      ),
    ],
    refine: ({ situation: s, signals, context }) => {
      if (!s.module) return undefined;
      // A public module the checksum server could not fetch (it could not connect to the forge):
      // the server side is failing, the module is not private.
      const publicHost = isPublicCodeHost(s.module.split('/')[0] ?? '');
      if (publicHost && signals.has('connect') && !signals.has('auth') && !signals.has('repo-not-found')) {
        return { cause: 'proxy-server-error', facts: { remoteOutage: true } };
      }
      const env = context?.goEnv;
      // The go command asks the checksum database only after it downloaded the module, so the
      // version exists. For a public module a "not found" is the database's stale or failing view:
      // its cached miss from before the tag was pushed (sum.golang.org), or a third-party database
      // or proxy endpoint failing.
      if (publicHost && !env && !signals.has('auth') && !signals.has('repo-not-found') && s.url) {
        if (isOfficialSumdb(s.url))
          return {
            cause: 'proxy-cached-not-found',
            facts: { certainty: 'likely' },
            also: 'sumdb-private-module',
          };
        return { cause: 'proxy-server-error', facts: { sumdbProxy: true, certainty: 'likely' } };
      }
      if (!env) return undefined;
      const privacy = resolvePrivacy(env, s.module);
      if (privacy.noSumDb)
        return { cause: 'env-not-inherited', facts: { certainty: 'certain', variable: 'GONOSUMDB' } };
      const broken = brokenPattern(env, s.module, 'GONOSUMDB');
      if (broken) return { cause: 'goprivate-misconfigured', facts: broken };
      return { cause: 'sumdb-private-module', facts: { certainty: 'certain' } };
    },
    title: {
      en: 'Private module checked against the public checksum database',
      'zh-CN': '私有模块被拿去公共校验和数据库核对',
    },
    message: {
      en: (s) =>
        `${mod.en(s)} is not covered by GONOSUMDB/GOPRIVATE, so the go command asked the checksum database${s.url ? ` (${hostText(s.url)})` : ''} for its hash, and it answered ${s.status ?? 'not found'}: it cannot see private code. Text under "server response:" is the checksum server's own failure.`,
      'zh-CN': (s) =>
        `${mod.zh(s)} 不在 GONOSUMDB/GOPRIVATE 范围内，所以 go 命令向校验和数据库${s.url ? `（${hostText(s.url)}）` : ''}查询它的哈希，数据库回答 ${s.status ?? '未找到'}：它看不到私有代码。"server response:" 之后是校验和服务器自己的失败信息。`,
    },
    fixes: (s) => goprivateFixes(s),
    docs: docs('private-module-privacy', 'checksum-database', 'environment-variables'),
  },
  {
    cause: 'proxy-cached-not-found',
    severity: 'error',
    rank: 14,
    patterns: [],
    title: {
      en: 'A proxy or checksum database still serves its cached "not found"',
      'zh-CN': '代理或校验和数据库仍在返回缓存的"未找到"',
    },
    message: {
      en: (s) =>
        `${s.url ? `${hostText(s.url)} answered ${s.status ?? 'not found'}` : 'The server answered not found'} for ${at.en(s)}, although this run had just downloaded it, so the version exists. A module proxy or checksum database remembers a "not found" for a while (proxy.golang.org and sum.golang.org up to about 30 minutes): a version published after the first request for it stays unknown there until that cached answer expires. If the module is private, the checksum database cannot see it at all (sumdb-private-module).`,
      'zh-CN': (s) =>
        `${s.url ? `${hostText(s.url)} 对 ${at.zh(s)} 返回了 ${s.status ?? '未找到'}` : `服务器对 ${at.zh(s)} 返回了未找到`}，但本次运行刚刚下载过它，说明该版本是存在的。模块代理或校验和数据库会把"未找到"缓存一段时间（proxy.golang.org 和 sum.golang.org 最长约 30 分钟）：在第一次请求之后才发布的版本，在缓存过期之前仍会被当作不存在。如果该模块是私有的，校验和数据库根本看不到它（sumdb-private-module）。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'Wait for the cached answer to expire (up to about 30 minutes), then retry',
          'zh-CN': '等待缓存的回答过期（最长约 30 分钟）后重试',
        },
      },
      {
        description: {
          en: 'Or fetch this version from its repository, bypassing the proxy',
          'zh-CN': '或者绕过代理，直接从代码仓库获取该版本',
        },
        command: `GOPROXY=direct go get ${at.en(s)}`,
      },
      {
        description: {
          en: 'Or skip the checksum database for this module only, this once',
          'zh-CN': '或者仅此一次对该模块跳过校验和数据库',
        },
        command: `GONOSUMDB=${s.module ?? '<module>'} go get ${at.en(s)}`,
      },
    ],
    docs: docs('module-proxy', 'checksum-database'),
  },
  {
    cause: 'sumdb-unreachable',
    severity: 'error',
    rank: 12,
    yieldsTo: ['dns-failure', 'http-proxy-misconfigured', 'dns-poisoned'],
    // A checksum lookup sent to a module proxy's endpoint for the database (GOSUMDB reached
    // through GOPROXY's /sumdb/ path, or a company proxy forwarding sum.golang.org): the proxy
    // answered, so its failure is the proxy's, not the database's.
    refine: ({ situation: s }) =>
      s.url && isProxiedSumdb(s.url)
        ? { cause: 'proxy-server-error', facts: { sumdbProxy: true } }
        : undefined,
    patterns: [
      pat(
        'sumdb-get',
        ['/lookup/', '/tile/'],
        /Get "?(?<url>https?:\/\/(?<host>[^/"\s]+)\/[^\s"]*?(?:lookup|tile)\/[^\s"]*)"?: (?<detail>[^\n]{1,300})/,
        'all (sumdb client)',
      ),
      pat(
        'sumdb-tile-not-found',
        '/tile/',
        /reading (?<url>https?:\/\/[^\s]+?\/tile\/[^\s]+?): (?<status>\d{3} [^\n]{0,40})/,
        'all (a mirror that does not proxy the checksum database)',
      ),
      pat(
        'sumdb-5xx',
        'reading http',
        /reading (?<url>https?:\/\/[^\s]+?\/(?:lookup|supported)[^\s]*?): (?<status>5\d\d [^\n]{0,40})/,
        'all',
      ),
      pat(
        'gosumdb-invalid',
        ['invalid GOSUMDB', 'missing GOSUMDB'],
        /(?<detail>invalid GOSUMDB(?: URL)?: [^\n]{0,200}|missing GOSUMDB)/,
        'all',
      ),
      pat(
        'gosumdb-off',
        'disabled by GOSUMDB=off',
        /checksum database disabled by GOSUMDB=off/,
        '1.21+ (toolchain downloads are always verified)',
      ),
    ],
    title: { en: 'The checksum database cannot be reached', 'zh-CN': '无法访问校验和数据库' },
    message: {
      en: (s) =>
        `The go command verifies new modules against the checksum database${s.host ? ` (${s.host})` : ''}, and that failed${quoted(s)}. On networks that block sum.golang.org use a mirror of it; a toolchain download needs it even with GONOSUMDB.`,
      'zh-CN': (s) =>
        `go 命令会用校验和数据库${s.host ? `（${s.host}）` : ''}核对新下载的模块，而这一步失败了${quoted(s)}。在屏蔽 sum.golang.org 的网络中请使用它的镜像；下载工具链时即使设置了 GONOSUMDB 也需要它。`,
    },
    fixes: (s) => [
      ...setGoVariable(s, 'GOSUMDB', 'sum.golang.google.cn', {
        en: 'Use the checksum database mirror (same data and key)',
        'zh-CN': '使用校验和数据库的镜像（数据和公钥相同）',
      }),
      {
        description: { en: 'See the current value', 'zh-CN': '查看当前值' },
        command: 'go env GOSUMDB GONOSUMDB GOPRIVATE',
      },
    ],
    docs: docs('checksum-database', 'environment-variables'),
  },
  {
    cause: 'sumdb-misbehaving',
    severity: 'error',
    rank: 12,
    yieldsTo: ['dns-failure', 'http-proxy-misconfigured', 'dns-poisoned'],
    patterns: [
      pat(
        'tree-fork',
        'server misbehavior detected',
        /go\.sum database server misbehavior detected/,
        'all (x/mod sumdb: two signed tree heads that cannot both be true)',
      ),
      pat(
        'tree-note',
        ['reading tree note: ', 'reading tree: '],
        /reading tree(?: note)?: (?<detail>[^\n]{1,200})/,
        'all (x/mod sumdb: the latest tree head does not parse or verify with the GOSUMDB key)',
      ),
      pat(
        'record',
        ['cannot authenticate record data', 'cannot validate record', 'malformed record data'],
        /(?<detail>cannot authenticate record data in server response|cannot validate record \d+ in tree of size \d+|malformed record data)/,
        'all (x/mod sumdb and tlog: a lookup answer that is no record (a block page) or that the tree does not prove)',
      ),
      pat(
        'tile',
        'downloaded inconsistent tile',
        /(?<detail>downloaded inconsistent tile)/,
        'all (x/mod sumdb/tlog)',
      ),
      pat(
        'absent',
        'checksum missing from sumdb response',
        /verifying (?:module|go\.mod): checksum missing from sumdb response/,
        '1.25+ (modfetch: the lookup answer has no line for the module)',
      ),
    ],
    title: {
      en: 'The checksum database served data that does not verify',
      'zh-CN': '校验和数据库返回的数据无法通过验证',
    },
    message: {
      en: (s) =>
        `The go command reached the checksum database${s.module ? ` while verifying ${at.en(s)}` : ''}, but its answer does not check out${quoted(s)}. This is not your module or go.sum: a mirror or module proxy relaying the database (GOPROXY's /sumdb/ endpoint) serves a stale or inconsistent copy, something on the network replaces the answer (a login or block page), GOSUMDB names a key that is not this server's, or the tree head the go command remembers (GOPATH/pkg/sumdb) came from another server. Treat a "SECURITY ERROR" seriously: compare from another network before trusting anything.`,
      'zh-CN': (s) =>
        `go 命令连上了校验和数据库${s.module ? `（正在验证 ${at.zh(s)}）` : ''}，但它的回答无法通过验证${quoted(s)}。问题不在你的模块或 go.sum：转发该数据库的镜像或模块代理（GOPROXY 的 /sumdb/ 端点）提供了过期或不一致的副本、网络中有设备替换了回答（登录页或拦截页）、GOSUMDB 中的公钥不属于这个服务器，或者 go 命令记住的树头（GOPATH/pkg/sumdb）来自另一个服务器。请认真对待 "SECURITY ERROR"：先在另一个网络中比较，再决定信任什么。`,
    },
    fixes: (s) => [
      {
        description: {
          en: 'See which database, key and proxy are used',
          'zh-CN': '查看使用的数据库、公钥和代理',
        },
        command: 'go env GOSUMDB GOPROXY GONOSUMDB',
      },
      {
        description: {
          en: 'Ask the checksum database itself, not a proxy that relays it (a URL after the name bypasses GOPROXY)',
          'zh-CN': '直接访问校验和数据库，而不是经由转发它的代理（名称后面写上 URL 就会绕过 GOPROXY）',
        },
        command: s.windows
          ? '$env:GOSUMDB = "sum.golang.org https://sum.golang.org"'
          : 'go env -w GOSUMDB="sum.golang.org https://sum.golang.org"',
      },
      {
        description: {
          en: 'If the database is right and only the remembered tree head is from another server, move it aside',
          'zh-CN': '如果数据库没有问题，只是记住的树头来自另一个服务器，把它移走',
        },
        command: s.windows
          ? 'Rename-Item "$(go env GOPATH)\\pkg\\sumdb" sumdb.old'
          : 'mv "$(go env GOPATH)/pkg/sumdb" "$(go env GOPATH)/pkg/sumdb.old"',
      },
    ],
    docs: docs('checksum-database', 'environment-variables'),
  },
  {
    cause: 'go-get-discovery-failed',
    severity: 'error',
    rank: 15,
    yieldsTo: [...NETWORK_ROOTS, 'gopath-mode', 'git-auth-required'],
    patterns: [
      pat(
        'unrecognized',
        'unrecognized import path',
        // The detail starts after the colon, so that the quote is the reason alone.
        /unrecognized import path "(?<module>[^"]+)"(?:: )?(?<detail>[^\n]{0,300})/,
        'all (vcs.go)',
        { unless: ['GOPATH'] },
      ),
      pat(
        'no-meta',
        'no go-import meta tag',
        /(?:parse |fetching )?(?<url>https?:\/\/[^\s]+\?go-get=1)?[^\n]{0,50}no go-import meta tags?(?<detail>[^\n]{0,300})/,
        'all',
      ),
      pat(
        'go-get-status',
        '?go-get=1',
        /reading (?<url>https?:\/\/[^\s]+\?go-get=1): (?<status>\d{3} [^\n]{0,40})/,
        'all',
      ),
      pat(
        'multiple-meta',
        'multiple meta tags match',
        /multiple meta tags match import path "(?<module>[^"]+)"/,
        'all',
      ),
      pat('repo-root', 'invalid repo root', /invalid repo root "(?<detail>[^"]*)"/, 'all'),
    ],
    title: {
      en: 'The import path cannot be discovered (?go-get=1)',
      'zh-CN': '无法发现导入路径（?go-get=1）',
    },
    message: {
      en: (s) =>
        `To fetch ${mod.en(s)} directly, the go command asks https://${(s.module ?? 'HOST/PATH').split('/')[0]}/...?go-get=1 for a <meta name="go-import"> tag, and that failed${quoted(s)}. ${DISCOVERY_REASON[discoveryKind(s)].en}`,
      'zh-CN': (s) =>
        `为了直接获取 ${mod.zh(s)}，go 命令会请求 https://${(s.module ?? 'HOST/PATH').split('/')[0]}/...?go-get=1 以读取 <meta name="go-import"> 标签，这一步失败了${quoted(s)}。${DISCOVERY_REASON[discoveryKind(s)]['zh-CN']}`,
    },
    fixes: (s) => [
      {
        description: { en: 'See what the server answers', 'zh-CN': '查看服务器的回答' },
        command: `curl -sSL 'https://${s.module ?? 'HOST/PATH'}?go-get=1' | grep go-import`,
      },
      {
        description: {
          en: 'For a self-hosted Git server without go-get support, add ".git" to the module path where it is imported, or give credentials in ~/.netrc so the server answers with the right tag',
          'zh-CN':
            '对于不支持 go-get 的自建 Git 服务器，在导入路径中加上 ".git" 后缀，或在 ~/.netrc 中提供凭据以便服务器返回正确的标签',
        },
      },
    ],
    docs: docs('vcs-find', 'private-modules'),
  },
];

function isSumdbish(url: string | undefined): boolean {
  if (!url) return false;
  return (
    url.includes('/lookup/') ||
    url.includes('/tile/') ||
    url.includes('/sumdb/') ||
    /^https?:\/\/sum\.golang\./.test(url)
  );
}

function hostText(url: string): string {
  const m = /^https?:\/\/([^/]+)/.exec(url);
  return m?.[1] ?? url;
}

/** Why an entry of a GOPRIVATE-style list never matches, by patternIssues kind. */
const PATTERN_REASON: Partial<Record<PatternIssueKind, { en: string; 'zh-CN': string }>> = {
  'url-scheme': {
    en: 'entries are module path prefixes (host/path), not URLs',
    'zh-CN': '条目是模块路径前缀（主机/路径），不是 URL',
  },
  'surrounding-space': {
    en: 'a space next to a comma becomes part of the pattern',
    'zh-CN': '逗号旁边的空格会成为模式的一部分',
  },
  'extra-trailing-slash': {
    en: 'only one trailing slash is ignored',
    'zh-CN': '末尾只有一个斜杠会被忽略',
  },
};

/** An entry as its author meant it: no surrounding spaces, no URL scheme, no trailing slashes. */
function repairPattern(entry: string): string {
  return entry
    .trim()
    .replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '')
    .replace(/\/+$/, '');
}

/**
 * The list that decides `purpose` for `module` (GONOPROXY or GONOSUMDB when set, else GOPRIVATE)
 * holds an entry that was meant to cover the module but never matches because of how it is
 * written. The go command never reports such an entry, so only the settings can tell: facts for
 * goprivate-misconfigured (the variable, its value, the entry, and the list with entries repaired).
 */
function brokenPattern(
  env: Readonly<Record<string, string | undefined>>,
  module: string,
  purpose: 'GONOPROXY' | 'GONOSUMDB',
): Facts | undefined {
  const variable = (env[purpose] ?? '') !== '' ? purpose : 'GOPRIVATE';
  const value = env[variable] ?? '';
  for (const issue of patternIssues(value)) {
    const reason = PATTERN_REASON[issue.kind];
    if (!reason) continue;
    const repaired = repairPattern(issue.entry);
    if (repaired === '' || !matchPrefixPatterns(repaired, module)) continue;
    const fixed = value
      .split(',')
      .map((entry) =>
        patternIssues(entry).some((i) => PATTERN_REASON[i.kind]) ? repairPattern(entry) : entry,
      )
      .filter((entry) => entry !== '')
      .join(',');
    return {
      certainty: 'certain',
      variable,
      value,
      pattern: issue.entry,
      patternIssue: issue.kind,
      repaired: fixed,
    };
  }
  return undefined;
}

type DiscoveryKind = 'multiple' | 'mismatch' | 'no-meta' | 'not-found' | 'other';

/** Which way ?go-get=1 discovery failed, from the quoted reason (the same on 1.19 to 1.24). */
function discoveryKind(s: Facts): DiscoveryKind {
  const text = `${s.detail ?? ''} ${s.status ?? ''}`;
  if (text.includes('multiple meta tags')) return 'multiple';
  if (text.includes('did not match import path')) return 'mismatch';
  if (text.includes('no go-import meta tag')) return 'no-meta';
  if (/\b(?:404|410) /.test(text)) return 'not-found';
  return 'other';
}

const DISCOVERY_REASON: Record<DiscoveryKind, { en: string; 'zh-CN': string }> = {
  multiple: {
    en: 'The page has more than one go-import tag for this path and the go command will not choose: the server must emit exactly one.',
    'zh-CN': '该页面为这个路径给出了多个 go-import 标签，go 命令不会从中挑选：服务器必须只输出一个。',
  },
  mismatch: {
    en: 'The page has a go-import tag, but for another path prefix than the one imported: the import path is misspelt, or the server maps it to another repository (GitLab subgroups seen without credentials).',
    'zh-CN':
      '该页面有 go-import 标签，但对应的是另一个路径前缀：导入路径拼写有误，或者服务器把它映射到了别的仓库（未带凭据访问 GitLab 子组时常见）。',
  },
  'no-meta': {
    en: 'The page has no go-import tag: usually a sign-in page (an SSO gateway, a private forge seen without credentials) or a web server that does not support go get.',
    'zh-CN':
      '该页面没有 go-import 标签：通常是登录页面（SSO 网关，或未带凭据访问的私有代码托管平台），或者是不支持 go get 的普通网站。',
  },
  'not-found': {
    en: 'The server does not know this path, or hides a private repository from anonymous requests (GitLab, Gitea and Bitbucket answer 404 then).',
    'zh-CN':
      '服务器不认识这个路径，或者对匿名请求隐藏了私有仓库（GitLab、Gitea 和 Bitbucket 此时会回答 404）。',
  },
  other: {
    en: 'The server has no such tag, shows a login page, or (GitLab subgroups) points at the wrong repository without credentials.',
    'zh-CN': '服务器没有该标签、返回了登录页面，或者（GitLab 子组）在没有凭据时指向了错误的仓库。',
  },
};
