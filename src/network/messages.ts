// Every text of the network checks, in English and Simplified Chinese.
import type { Message } from '../i18n/lang.ts';

interface Where {
  /** The service as a phrase: "the module proxy https://proxy.golang.org". */
  what: string;
  host: string;
  detail: string;
  /** goproxy: the module whose version list was asked for. */
  module?: string;
}

export const serviceLabel = {
  goproxy: {
    en: (p: { url: string }) => `the module proxy ${p.url}`,
    'zh-CN': (p: { url: string }) => `模块代理 ${p.url}`,
  },
  sumdb: {
    en: (p: { url: string }) => `the checksum database ${p.url}`,
    'zh-CN': (p: { url: string }) => `校验和数据库 ${p.url}`,
  },
  'go-get': {
    en: (p: { url: string }) => `go-get discovery ${p.url}`,
    'zh-CN': (p: { url: string }) => `go-get 发现请求 ${p.url}`,
  },
  git: {
    en: (p: { url: string }) => `the git repository ${p.url}`,
    'zh-CN': (p: { url: string }) => `git 仓库 ${p.url}`,
  },
  'http-proxy': {
    en: (p: { url: string }) => `the HTTP(S)_PROXY ${p.url}`,
    'zh-CN': (p: { url: string }) => `HTTP(S)_PROXY 代理 ${p.url}`,
  },
} satisfies Record<string, Message<{ url: string }>>;

export const m = {
  dnsTitle: {
    en: (p: Where) => `${p.host} cannot be resolved`,
    'zh-CN': (p: Where) => `无法解析 ${p.host}`,
  } satisfies Message<Where>,
  dns: {
    en: (p: Where) =>
      `DNS gives no address for ${p.host} (${p.detail}), so the go command cannot reach ${p.what}: it prints "lookup ${p.host}: no such host" or "i/o timeout".`,
    'zh-CN': (p: Where) =>
      `DNS 没有返回 ${p.host} 的地址（${p.detail}），go 命令无法访问${p.what}，会报 "lookup ${p.host}: no such host" 或 "i/o timeout"。`,
  } satisfies Message<Where>,
  poisonedTitle: {
    en: (p: Where) => `DNS answers ${p.host} with a wrong address`,
    'zh-CN': (p: Where) => `DNS 为 ${p.host} 返回了错误的地址`,
  } satisfies Message<Where>,
  poisoned: {
    en: (p: Where) =>
      `${p.host} is a public service, but the resolver answers ${p.detail}: a filtering DNS, a sinkhole or a hijack. The go command then connects to the wrong machine (refusals, name mismatches).`,
    'zh-CN': (p: Where) =>
      `${p.host} 是公共服务，但解析器返回 ${p.detail}：DNS 过滤、黑洞或劫持。go 命令会连到错误的机器（连接被拒、证书名称不符）。`,
  } satisfies Message<Where>,
  connectTimeoutTitle: {
    en: (p: Where) => `TCP connections to ${p.host} hang`,
    'zh-CN': (p: Where) => `到 ${p.host} 的 TCP 连接挂起`,
  } satisfies Message<Where>,
  connectTimeout: {
    en: (p: Where) =>
      `Connecting to ${p.what} never completes (${p.detail}): a firewall drops the packets or the network is blocked. The go command waits 30 s per address, then prints "dial tcp ...: i/o timeout".`,
    'zh-CN': (p: Where) =>
      `连接${p.what}一直无法完成（${p.detail}）：防火墙丢弃了数据包，或网络被封锁。go 命令每个地址等待 30 秒，然后报 "dial tcp ...: i/o timeout"。`,
  } satisfies Message<Where>,
  ipv6Title: {
    en: (p: Where) => `IPv6 to ${p.host} is a black hole`,
    'zh-CN': (p: Where) => `到 ${p.host} 的 IPv6 不通`,
  } satisfies Message<Where>,
  ipv6: {
    en: (p: Where) =>
      `IPv4 connects to ${p.host} but IPv6 does not (${p.detail}). The go command falls back to IPv4 after a short delay, but tools without that fallback hang.`,
    'zh-CN': (p: Where) =>
      `到 ${p.host} 的 IPv4 可以连接而 IPv6 不行（${p.detail}）。go 命令会在短暂延迟后改用 IPv4，但没有这种回退的工具会挂起。`,
  } satisfies Message<Where>,
  refusedTitle: {
    en: (p: Where) => `${p.host} refuses connections`,
    'zh-CN': (p: Where) => `${p.host} 拒绝连接`,
  } satisfies Message<Where>,
  refused: {
    en: (p: Where) =>
      `${p.what} actively refuses the connection (${p.detail}): nothing listens there, the port is wrong, or a firewall rejects it. The go command prints "connect: connection refused".`,
    'zh-CN': (p: Where) =>
      `${p.what}主动拒绝连接（${p.detail}）：该端口没有服务、端口错误或被防火墙拒绝。go 命令会报 "connect: connection refused"。`,
  } satisfies Message<Where>,
  resetTitle: {
    en: (p: Where) => `Connections to ${p.host} are cut`,
    'zh-CN': (p: Where) => `到 ${p.host} 的连接被中断`,
  } satisfies Message<Where>,
  reset: {
    en: (p: Where) =>
      `${p.what} closes or resets the connection (${p.detail}): a middlebox or an unstable link. The go command prints "connection reset by peer" or "EOF".`,
    'zh-CN': (p: Where) =>
      `${p.what}关闭或重置了连接（${p.detail}）：中间设备或不稳定的链路。go 命令会报 "connection reset by peer" 或 "EOF"。`,
  } satisfies Message<Where>,
  tlsUntrustedTitle: {
    en: (p: Where) => `The certificate of ${p.host} is not trusted`,
    'zh-CN': (p: Where) => `${p.host} 的证书不受信任`,
  } satisfies Message<Where>,
  tlsUntrusted: {
    en: (p: Where) =>
      `The go command rejects the certificate of ${p.what}: ${p.detail}. The go command prints "tls: failed to verify certificate: x509: ...".`,
    'zh-CN': (p: Where) =>
      `go 命令拒绝${p.what}的证书：${p.detail}。go 命令会报 "tls: failed to verify certificate: x509: ..."。`,
  } satisfies Message<Where>,
  interceptedTitle: {
    en: (p: Where) => `TLS to ${p.host} is intercepted`,
    'zh-CN': (p: Where) => `到 ${p.host} 的 TLS 被中间人解密`,
  } satisfies Message<Where>,
  intercepted: {
    en: (p: Where) =>
      `${p.host} presents a certificate issued by ${p.detail}, which is not a public CA: a proxy decrypts the traffic. The go command trusts it through the system roots, but tools with their own CA bundle (Node, some git builds, containers) will not.`,
    'zh-CN': (p: Where) =>
      `${p.host} 出示的证书由 ${p.detail} 签发，这不是公共 CA：有代理在解密流量。go 命令通过系统根证书信任它，但自带 CA 包的工具（Node、部分 git、容器）不会。`,
  } satisfies Message<Where>,
  tlsTimeoutTitle: {
    en: (p: Where) => `The TLS handshake with ${p.host} never completes`,
    'zh-CN': (p: Where) => `与 ${p.host} 的 TLS 握手无法完成`,
  } satisfies Message<Where>,
  tlsTimeout: {
    en: (p: Where) =>
      `TCP connects to ${p.what}, but no TLS answer comes back (${p.detail}): something between swallows the handshake. The go command prints "net/http: TLS handshake timeout" after 10 s.`,
    'zh-CN': (p: Where) =>
      `到${p.what}的 TCP 可以连接，但没有 TLS 响应（${p.detail}）：中间设备吞掉了握手。go 命令 10 秒后报 "net/http: TLS handshake timeout"。`,
  } satisfies Message<Where>,
  stallTitle: {
    en: (p: Where) => `${p.host} accepts requests and never answers`,
    'zh-CN': (p: Where) => `${p.host} 接受请求但从不响应`,
  } satisfies Message<Where>,
  stall: {
    en: (p: Where) =>
      `${p.what} took the request and sent nothing back (${p.detail}). The go command has no response timeout: it would wait forever, with no error.`,
    'zh-CN': (p: Where) =>
      `${p.what}接收了请求但什么也没返回（${p.detail}）。go 命令没有响应超时：它会一直等下去，不报任何错误。`,
  } satisfies Message<Where>,
  slowTitle: {
    en: (p: Where) => `${p.host} answers very slowly`,
    'zh-CN': (p: Where) => `${p.host} 响应非常慢`,
  } satisfies Message<Where>,
  slow: {
    en: (p: Where) => `${p.what} answered but the body trickles in (${p.detail}): downloads will look hung.`,
    'zh-CN': (p: Where) => `${p.what}有响应，但内容传输极慢（${p.detail}）：下载看起来会像挂住一样。`,
  } satisfies Message<Where>,
  serverErrorTitle: {
    en: (p: Where) => `${p.host} fails with a server error`,
    'zh-CN': (p: Where) => `${p.host} 返回服务器错误`,
  } satisfies Message<Where>,
  serverError: {
    en: (p: Where) => `${p.what} answers ${p.detail}: the service itself is broken or overloaded.`,
    'zh-CN': (p: Where) => `${p.what}返回 ${p.detail}：服务本身故障或过载。`,
  } satisfies Message<Where>,
  forbiddenTitle: {
    en: (p: Where) => `${p.host} is blocked by policy`,
    'zh-CN': (p: Where) => `${p.host} 被策略阻止`,
  } satisfies Message<Where>,
  forbidden: {
    en: (p: Where) =>
      `${p.what} answers ${p.detail}: an egress policy or a filtering proxy blocks it, or it wants credentials.`,
    'zh-CN': (p: Where) => `${p.what}返回 ${p.detail}：出口策略或过滤代理阻止了它，或者需要凭据。`,
  } satisfies Message<Where>,
  notFoundProjectTitle: {
    en: (p: Where) => `${p.host} does not have ${p.module}, which this project requires`,
    'zh-CN': (p: Where) => `${p.host} 没有本项目依赖的 ${p.module}`,
  } satisfies Message<Where>,
  notFoundProject: {
    en: (p: Where) =>
      `${p.what} answers ${p.detail} for ${p.module}, a public module this project requires and the go command fetches from it: the mirror is incomplete (or does not serve public modules). The go command moves on to the next GOPROXY entry, if there is one, for this and every module it lacks.`,
    'zh-CN': (p: Where) =>
      `${p.what}对 ${p.module}（本项目依赖、go 命令会从它获取的公共模块）返回 ${p.detail}：镜像不完整（或不提供公共模块）。如果 GOPROXY 还有下一项，go 命令会对它缺少的每个模块转到下一项。`,
  } satisfies Message<Where>,
  notFoundWellKnownTitle: {
    en: (p: Where) => `${p.host} does not have ${p.module} (for information)`,
    'zh-CN': (p: Where) => `${p.host} 没有 ${p.module}（仅供参考）`,
  } satisfies Message<Where>,
  notFoundWellKnown: {
    en: (p: Where) =>
      `${p.what} answers ${p.detail} for ${p.module}, a well-known public module (this project requires none from this proxy, so that one was asked). A mirror that keeps only what your organisation uses answers so, and that is fine; the proxy is reachable and speaks the protocol.`,
    'zh-CN': (p: Where) =>
      `${p.what}对知名公共模块 ${p.module} 返回 ${p.detail}（本项目没有从该代理获取的公共模块，所以询问了它）。只保存本组织所用模块的镜像就会这样回答，这没有问题；代理可以访问，协议也正常。`,
  } satisfies Message<Where>,
  tlsOldProtocolTitle: {
    en: (p: Where) => `${p.host} speaks only TLS 1.0/1.1, which the go command refuses`,
    'zh-CN': (p: Where) => `${p.host} 只支持 TLS 1.0/1.1，go 命令拒绝连接`,
  } satisfies Message<Where>,
  tlsOldProtocol: {
    en: (p: Where) =>
      `${p.what}: ${p.detail}. The go command requires TLS 1.2 or later (since Go 1.18, and no GODEBUG setting changes that): it stops with "remote error: tls: protocol version not supported". The server (or the middlebox in front of it) must be upgraded.`,
    'zh-CN': (p: Where) =>
      `${p.what}：${p.detail}。go 命令要求 TLS 1.2 或更高版本（自 Go 1.18 起，没有 GODEBUG 设置可以改变）：会报错 "remote error: tls: protocol version not supported"。必须升级服务器（或其前面的中间设备）。`,
  } satisfies Message<Where>,
  tlsCipherTitle: {
    en: (p: Where) => `${p.host}: ${p.module} refuses the cipher suite this server chose`,
    'zh-CN': (p: Where) => `${p.host}：${p.module} 拒绝该服务器选择的加密套件`,
  } satisfies Message<Where>,
  tlsCipherEscape: {
    en: (p: Where) =>
      `The server chose ${p.detail}. This tool's client connected, but ${p.module} does not offer it, so if the server supports nothing else the go command stops with "remote error: tls: handshake failure". A GODEBUG setting brings it back for now; newer releases remove that setting (Go 1.27 did).`,
    'zh-CN': (p: Where) =>
      `服务器选择了 ${p.detail}。本工具的客户端能连上，但 ${p.module} 不提供它；如果服务器不支持其他套件，go 命令会报错 "remote error: tls: handshake failure"。GODEBUG 设置暂时可以恢复它；更新的版本会删除该设置（Go 1.27 已删除）。`,
  } satisfies Message<Where>,
  tlsCipherNoEscape: {
    en: (p: Where) =>
      `The server chose ${p.detail}. This tool's client connected, but ${p.module} no longer supports it at all (its GODEBUG escape was removed in Go 1.27; setting it now stops the go command with "removed GODEBUG ... set to old value"): if the server supports nothing else, the go command stops with "remote error: tls: handshake failure". The server must offer an ECDHE cipher suite or TLS 1.3.`,
    'zh-CN': (p: Where) =>
      `服务器选择了 ${p.detail}。本工具的客户端能连上，但 ${p.module} 已完全不支持它（其 GODEBUG 开关已在 Go 1.27 删除；现在设置它会让 go 命令报错 "removed GODEBUG ... set to old value"）：如果服务器不支持其他套件，go 命令会报错 "remote error: tls: handshake failure"。服务器必须提供 ECDHE 加密套件或 TLS 1.3。`,
  } satisfies Message<Where>,
  tlsSha1Title: {
    en: (p: Where) => `${p.host} signs its TLS 1.2 handshake only with SHA-1, which ${p.module} refuses`,
    'zh-CN': (p: Where) => `${p.host} 的 TLS 1.2 握手只用 SHA-1 签名，${p.module} 拒绝它`,
  } satisfies Message<Where>,
  tlsSha1: {
    en: (p: Where) =>
      `${p.what} completes a handshake only when SHA-1 signatures are offered. Since Go 1.25 the go command offers none in TLS 1.2 and stops with "remote error: tls: handshake failure"; GODEBUG=tlssha1=1 brings them back for now.`,
    'zh-CN': (p: Where) =>
      `${p.what} 只有在提供 SHA-1 签名时才能完成握手。自 Go 1.25 起，go 命令在 TLS 1.2 中不再提供 SHA-1 签名，会报错 "remote error: tls: handshake failure"；GODEBUG=tlssha1=1 暂时可以恢复。`,
  } satisfies Message<Where>,
  notAProxyTitle: {
    en: (p: Where) => `${p.host} does not answer like a module proxy`,
    'zh-CN': (p: Where) => `${p.host} 的回答不像模块代理`,
  } satisfies Message<Where>,
  notAProxy: {
    en: (p: Where) =>
      `${p.what} answers 200 to ${p.module}/@v/list with something that is not a version list (a web page or a login form): the GOPROXY URL lacks the proxy's base path, so the go command cannot use it.`,
    'zh-CN': (p: Where) =>
      `${p.what}对 ${p.module}/@v/list 返回 200，但内容不是版本列表（网页或登录页）：GOPROXY 的 URL 缺少代理的基础路径，go 命令无法使用它。`,
  } satisfies Message<Where>,
  httpProxyTitle: {
    en: (p: Where) => `The HTTP(S)_PROXY ${p.host} does not work`,
    'zh-CN': (p: Where) => `HTTP(S)_PROXY ${p.host} 不可用`,
  } satisfies Message<Where>,
  httpProxy: {
    en: (p: Where) =>
      `The go command sends ${p.what} through the proxy ${p.host}, which fails: ${p.detail}. The go command prints "proxyconnect tcp: ..." or the proxy's reason phrase.`,
    'zh-CN': (p: Where) =>
      `go 命令通过代理 ${p.host} 访问${p.what}，但代理失败：${p.detail}。go 命令会报 "proxyconnect tcp: ..." 或代理返回的原因短语。`,
  } satisfies Message<Where>,
  sumdbTitle: {
    en: (p: Where) => `The checksum database ${p.host} is unreachable`,
    'zh-CN': (p: Where) => `无法访问校验和数据库 ${p.host}`,
  } satisfies Message<Where>,
  sumdb: {
    en: (p: Where) =>
      `${p.what} cannot be reached (${p.detail}). Every module missing from go.sum needs it: "verifying module: ... dial tcp ...".`,
    'zh-CN': (p: Where) =>
      `无法访问${p.what}（${p.detail}）。go.sum 中缺少的每个模块都需要它："verifying module: ... dial tcp ..."。`,
  } satisfies Message<Where>,
  goGetTitle: {
    en: (p: Where) => `go-get discovery fails on ${p.host}`,
    'zh-CN': (p: Where) => `${p.host} 上的 go-get 发现失败`,
  } satisfies Message<Where>,
  goGet: {
    en: (p: Where) =>
      `${p.what}: ${p.detail}. The go command cannot find the repository: "unrecognized import path".`,
    'zh-CN': (p: Where) => `${p.what}：${p.detail}。go 命令找不到仓库："unrecognized import path"。`,
  } satisfies Message<Where>,
  gitAuthTitle: {
    en: (p: Where) => `git needs credentials for ${p.host}`,
    'zh-CN': (p: Where) => `git 访问 ${p.host} 需要凭据`,
  } satisfies Message<Where>,
  gitAuth: {
    en: (p: Where) =>
      `git ls-remote for ${p.what} asks for credentials and cannot prompt (the go command disables prompts): ${p.detail}`,
    'zh-CN': (p: Where) =>
      `对${p.what}执行 git ls-remote 需要凭据，但无法提示输入（go 命令禁用了提示）：${p.detail}`,
  } satisfies Message<Where>,
  gitSshTitle: {
    en: (p: Where) => `git over ssh fails for ${p.host}`,
    'zh-CN': (p: Where) => `${p.host} 的 git ssh 访问失败`,
  } satisfies Message<Where>,
  gitSsh: {
    en: (p: Where) => `git ls-remote for ${p.what} fails in ssh: ${p.detail}`,
    'zh-CN': (p: Where) => `对${p.what}执行 git ls-remote 时 ssh 失败：${p.detail}`,
  } satisfies Message<Where>,
  gitMissingTitle: {
    en: (p: Where) => `The repository ${p.host} is not there`,
    'zh-CN': (p: Where) => `仓库 ${p.host} 不存在`,
  } satisfies Message<Where>,
  gitMissing: {
    en: (p: Where) =>
      `git says ${p.what} does not exist (${p.detail}): deleted, renamed, or private and these credentials do not see it.`,
    'zh-CN': (p: Where) =>
      `git 表示${p.what}不存在（${p.detail}）：已删除、改名，或是私有仓库而当前凭据看不到。`,
  } satisfies Message<Where>,
  gitMissingToolTitle: { en: 'git is not installed', 'zh-CN': '未安装 git' } satisfies Message,
  gitMissingTool: {
    en: (p: Where) => `Direct modules (${p.what}) need git, and no git was found on PATH.`,
    'zh-CN': (p: Where) => `直接获取的模块（${p.what}）需要 git，但 PATH 中找不到 git。`,
  } satisfies Message<Where>,
  gitUnknownTitle: {
    en: (p: Where) => `git ls-remote fails for ${p.host}`,
    'zh-CN': (p: Where) => `对 ${p.host} 执行 git ls-remote 失败`,
  } satisfies Message<Where>,
  gitUnknown: {
    en: (p: Where) => `git ls-remote for ${p.what} did not succeed: ${p.detail}`,
    'zh-CN': (p: Where) => `对${p.what}执行 git ls-remote 没有成功：${p.detail}`,
  } satisfies Message<Where>,
  unknownTitle: {
    en: (p: Where) => `${p.host} cannot be reached`,
    'zh-CN': (p: Where) => `无法访问 ${p.host}`,
  } satisfies Message<Where>,
  unknown: {
    en: (p: Where) => `${p.what} failed: ${p.detail}`,
    'zh-CN': (p: Where) => `${p.what}失败：${p.detail}`,
  } satisfies Message<Where>,
  noFallbackTitle: {
    en: (p: Where) => `GOPROXY stops at ${p.host} instead of falling back`,
    'zh-CN': (p: Where) => `GOPROXY 停在 ${p.host}，不会回退`,
  } satisfies Message<Where>,
  noFallback: {
    en: (p: Where) =>
      `${p.what} fails (${p.detail}) and is followed by "," in GOPROXY, so the go command gives up there and never tries the next entry. With "|" it would fall back on any error.`,
    'zh-CN': (p: Where) =>
      `${p.what}失败（${p.detail}），而它在 GOPROXY 中后接 ","，因此 go 命令在此放弃，不会尝试下一项。改用 "|" 则任何错误都会回退。`,
  } satisfies Message<Where>,
  vcsDisallowedTitle: {
    en: (p: Where) => `GOVCS forbids fetching ${p.host}`,
    'zh-CN': (p: Where) => `GOVCS 禁止获取 ${p.host}`,
  } satisfies Message<Where>,
  vcsDisallowed: {
    en: (p: Where) => `${p.what} goes direct, but: ${p.detail}`,
    'zh-CN': (p: Where) => `${p.what}需要直接获取，但：${p.detail}`,
  } satisfies Message<Where>,
};

/** Names of what crypto/tls refuses, for messages. */
export const tlsNames = {
  rsaKex: { en: 'RSA key exchange', 'zh-CN': 'RSA 密钥交换' },
  tripleDes: { en: '3DES', 'zh-CN': '3DES' },
} satisfies Record<string, Message>;

export const fixes = {
  postQuantum: {
    en: 'Go 1.24+ sends a post-quantum ClientHello (about 1.5 KB instead of 250 bytes) that some middleboxes drop: if this succeeds, the network in between is the problem',
    'zh-CN':
      'Go 1.24 起会发送后量子 ClientHello（约 1.5 KB，而不是 250 字节），有些中间设备会丢弃它：如果这样能成功，问题在于中间的网络设备',
  },
  godebugTls: {
    en: 'Check that this is it (a stopgap: the setting goes away in a later release)',
    'zh-CN': '确认是否为此原因（权宜之计：该设置会在之后的版本中删除）',
  },
  serverTls: {
    en: ({ host }: { host: string }) => `Have ${host} offer TLS 1.3 or an ECDHE cipher suite`,
    'zh-CN': ({ host }: { host: string }) => `让 ${host} 提供 TLS 1.3 或 ECDHE 加密套件`,
  },
  mirrorChoice: {
    en: (p: { url: string }) =>
      `Choice: use the public mirror ${p.url} (run by a third party; pick one you trust)`,
    'zh-CN': (p: { url: string }) => `可选：改用公共镜像 ${p.url}（由第三方运营，请选择你信任的）`,
  } satisfies Message<{ url: string }>,
  sumdbMirrorChoice: {
    en: 'Choice: verify through the sum.golang.org mirror reachable from mainland China',
    'zh-CN': '可选：通过在中国大陆可访问的 sum.golang.org 镜像校验',
  } satisfies Message,
  privateFirst: {
    en: 'Before switching to a public mirror, make sure private modules are listed in GOPRIVATE (they must never be sent there)',
    'zh-CN': '切换到公共镜像之前，先确认私有模块已列入 GOPRIVATE（它们绝不能被发送到公共镜像）',
  } satisfies Message,
  corporateProxy: {
    en: 'Or ask your network team for the company’s module proxy or HTTPS proxy, and set GOPROXY or HTTPS_PROXY to it',
    'zh-CN': '或向网络管理员索取公司的模块代理或 HTTPS 代理，并设置 GOPROXY 或 HTTPS_PROXY',
  } satisfies Message,
  resolver: {
    en: 'Check the DNS server in use (/etc/resolv.conf, VPN); compare with --resolver IP',
    'zh-CN': '检查正在使用的 DNS 服务器（/etc/resolv.conf、VPN）；可用 --resolver IP 对比',
  } satisfies Message,
  pipe: {
    en: 'Fall back on any error, not only on 404/410',
    'zh-CN': '任何错误都回退，而不只是 404/410',
  } satisfies Message,
  trustCa: {
    en: (p: { issuer: string }) =>
      `If ${p.issuer} is your company’s CA, add it to the system store (or point SSL_CERT_FILE at a bundle that has it)`,
    'zh-CN': (p: { issuer: string }) =>
      `如果 ${p.issuer} 是公司的 CA，把它加入系统证书库（或让 SSL_CERT_FILE 指向包含它的证书包）`,
  } satisfies Message<{ issuer: string }>,
  updateCa: {
    en: 'Install or update the CA bundle (e.g. the ca-certificates package)',
    'zh-CN': '安装或更新 CA 证书包（例如 ca-certificates 软件包）',
  } satisfies Message,
  fixProxyEnv: {
    en: 'Start the proxy program, correct HTTPS_PROXY/HTTP_PROXY, or add the host to NO_PROXY',
    'zh-CN': '启动代理程序、修正 HTTPS_PROXY/HTTP_PROXY，或将该主机加入 NO_PROXY',
  } satisfies Message,
  unsetProxyEnv: {
    en: 'Try without the proxy',
    'zh-CN': '尝试不使用代理',
  } satisfies Message,
  netrc: {
    en: (p: { host: string }) =>
      `Give git (and the go command) credentials for ${p.host}: a credential helper or ~/.netrc with a token`,
    'zh-CN': (p: { host: string }) =>
      `为 git（和 go 命令）配置 ${p.host} 的凭据：凭据助手或包含令牌的 ~/.netrc`,
  } satisfies Message<{ host: string }>,
  sshKey: {
    en: (p: { host: string }) => `Check the ssh key and known_hosts entry for ${p.host}`,
    'zh-CN': (p: { host: string }) => `检查 ${p.host} 的 ssh 密钥和 known_hosts 条目`,
  } satisfies Message<{ host: string }>,
  installGit: { en: 'Install git', 'zh-CN': '安装 git' } satisfies Message,
  govcs: {
    en: 'Allow this VCS for the path in GOVCS',
    'zh-CN': '在 GOVCS 中为该路径允许此版本控制工具',
  } satisfies Message,
  retryLater: {
    en: 'Retry later, or put another proxy after it with "|"',
    'zh-CN': '稍后重试，或用 "|" 在其后添加另一个代理',
  } satisfies Message,
  goGetMeta: {
    en: (p: { host: string }) =>
      `Make ${p.host} serve a go-import meta tag for the path (it may need credentials in ~/.netrc), or add the VCS suffix (.git) to the module path`,
    'zh-CN': (p: { host: string }) =>
      `让 ${p.host} 为该路径提供 go-import meta 标签（可能需要 ~/.netrc 中的凭据），或在模块路径中加上 VCS 后缀（.git）`,
  } satisfies Message<{ host: string }>,
};

export const routeText = {
  privateLooking: {
    en: (p: { module: string; to: string; why: string; pattern: string }) =>
      `${p.module}: sent to ${p.to} although private-looking (${p.why}); GOPRIVATE=${p.pattern} keeps it away`,
    'zh-CN': (p: { module: string; to: string; why: string; pattern: string }) =>
      `${p.module}：看起来是私有模块（${p.why}），却被发往 ${p.to}；设置 GOPRIVATE=${p.pattern} 可避免`,
  } satisfies Message<{ module: string; to: string; why: string; pattern: string }>,
  proxies: {
    en: (p: { chain: string; count: number; patterns: string }) =>
      `sent to ${p.chain}: ${p.count} module${p.count === 1 ? '' : 's'}${p.patterns}`,
    'zh-CN': (p: { chain: string; count: number; patterns: string }) =>
      `经由 ${p.chain}：${p.count} 个模块${p.patterns}`,
  } satisfies Message<{ chain: string; count: number; patterns: string }>,
  direct: {
    en: (p: { how: string; count: number; patterns: string }) =>
      `direct over ${p.how}: ${p.count} module${p.count === 1 ? '' : 's'}${p.patterns}`,
    'zh-CN': (p: { how: string; count: number; patterns: string }) =>
      `直接通过 ${p.how}：${p.count} 个模块${p.patterns}`,
  } satisfies Message<{ how: string; count: number; patterns: string }>,
  goGet: {
    en: (p: { count: number; patterns: string }) =>
      `direct after ?go-get=1 discovery: ${p.count} module${p.count === 1 ? '' : 's'}${p.patterns}`,
    'zh-CN': (p: { count: number; patterns: string }) =>
      `经 ?go-get=1 发现后直接获取：${p.count} 个模块${p.patterns}`,
  } satisfies Message<{ count: number; patterns: string }>,
  off: {
    en: (p: { reason: string; count: number; patterns: string }) =>
      `not fetched (${p.reason}): ${p.count} module${p.count === 1 ? '' : 's'}${p.patterns}`,
    'zh-CN': (p: { reason: string; count: number; patterns: string }) =>
      `不会获取（${p.reason}）：${p.count} 个模块${p.patterns}`,
  } satisfies Message<{ reason: string; count: number; patterns: string }>,
  invalid: {
    en: (p: { count: number; patterns: string }) =>
      `GOPROXY is invalid: ${p.count} modules cannot be fetched${p.patterns}`,
    'zh-CN': (p: { count: number; patterns: string }) =>
      `GOPROXY 无效：${p.count} 个模块无法获取${p.patterns}`,
  } satisfies Message<{ count: number; patterns: string }>,
  thenDirect: { en: ', then direct on 404/410', 'zh-CN': '，404/410 时改为直接获取' } satisfies Message,
  thenDirectPipe: { en: ', then direct', 'zh-CN': '，然后直接获取' } satisfies Message,
  sumdbVia: {
    en: (p: { name: string; how: string; count: number }) =>
      `checksums of ${p.count} module${p.count === 1 ? '' : 's'} verified with ${p.name} ${p.how}`,
    'zh-CN': (p: { name: string; how: string; count: number }) =>
      `${p.count} 个模块的校验和由 ${p.name} 验证，${p.how}`,
  } satisfies Message<{ name: string; how: string; count: number }>,
  sumdbThroughProxies: {
    en: (p: { proxies: string; direct: string }) =>
      `(through ${p.proxies} if it serves /sumdb/, else ${p.direct})`,
    'zh-CN': (p: { proxies: string; direct: string }) =>
      `（若 ${p.proxies} 提供 /sumdb/ 则经由它，否则直连 ${p.direct}）`,
  } satisfies Message<{ proxies: string; direct: string }>,
  sumdbAt: {
    en: (p: { url: string }) => `at ${p.url}`,
    'zh-CN': (p: { url: string }) => `地址 ${p.url}`,
  } satisfies Message<{ url: string }>,
  noSumdb: {
    en: (p: { count: number }) =>
      `checksums of ${p.count} module${p.count === 1 ? '' : 's'} not checked against a checksum database (GONOSUMDB/GOPRIVATE or GOSUMDB=off)`,
    'zh-CN': (p: { count: number }) =>
      `${p.count} 个模块的校验和不经校验和数据库验证（GONOSUMDB/GOPRIVATE 或 GOSUMDB=off）`,
  } satisfies Message<{ count: number }>,
  vendor: { en: '-mod=vendor in GOFLAGS', 'zh-CN': 'GOFLAGS 中的 -mod=vendor' } satisfies Message,
  goproxyOff: { en: 'GOPROXY=off', 'zh-CN': 'GOPROXY=off' } satisfies Message,
  viaHttpProxy: {
    en: (p: { proxy: string }) => ` (through HTTPS_PROXY ${p.proxy})`,
    'zh-CN': (p: { proxy: string }) => `（经由 HTTPS_PROXY ${p.proxy}）`,
  } satisfies Message<{ proxy: string }>,
};
