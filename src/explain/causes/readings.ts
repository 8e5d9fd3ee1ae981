// Causes explain names only as the second reading of an ambiguous finding (ambiguity.ts): their
// surface is another cause's message, and only something outside the transcript proves them (the
// repository's tags, the same request with another TLS setting). The rules carry their texts and
// fixes; they have no line patterns.
import { docs } from '../fixes.ts';
import type { CauseRule } from '../types.ts';
import { at, mod } from './helpers.ts';

export const readingRules: CauseRule[] = [
  {
    cause: 'tag-without-v',
    severity: 'error',
    rank: 18,
    patterns: [],
    title: { en: 'The release may be tagged without its "v"', 'zh-CN': '发布标签可能缺少前缀 "v"' },
    message: {
      en: (s) =>
        `If the repository of ${mod.en(s)} has a tag ${String(s.version ?? 'v1.2.3').replace(/^v/, '')} but no ${s.version ?? 'v1.2.3'}, the author tagged the release without its "v": the go command only takes tags of the form vX.Y.Z as versions, so ${at.en(s)} is an unknown revision and @latest stays on a pseudo-version.`,
      'zh-CN': (s) =>
        `如果 ${mod.zh(s)} 的仓库中有标签 ${String(s.version ?? 'v1.2.3').replace(/^v/, '')} 而没有 ${s.version ?? 'v1.2.3'}，说明作者发布时标签漏掉了 "v"：go 命令只把 vX.Y.Z 形式的标签当作版本，所以 ${at.zh(s)} 是未知修订版本，@latest 也只能得到伪版本。`,
    },
    fixes: (s) => [
      {
        description: { en: 'List the tags the repository has', 'zh-CN': '列出仓库中的标签' },
        command: `git ls-remote --tags https://${s.module ?? '<module>'}`,
      },
      {
        description: {
          en: 'Require the tag by its name (the go command turns it into a pseudo-version), and ask the author to push the v tag',
          'zh-CN': '按标签名引用它（go 命令会把它转换成伪版本），并请作者推送带 v 的标签',
        },
        command: `go get ${s.module ?? '<module>'}@${String(s.version ?? 'v1.2.3').replace(/^v/, '')}`,
      },
    ],
    docs: docs('vcs-version', 'version-queries'),
  },
  {
    cause: 'tls-clienthello-dropped',
    severity: 'error',
    rank: 11,
    patterns: [],
    title: {
      en: "A middlebox may drop Go's larger TLS ClientHello",
      'zh-CN': '中间设备可能丢弃了 Go 较大的 TLS ClientHello',
    },
    message: {
      en: (s) =>
        `From Go 1.23 the TLS ClientHello carries a post-quantum key share and spans several packets. Some firewalls, DPI boxes and old load balancers drop or reset it, so the handshake${s.host ? ` with ${s.host}` : ''} stalls while curl and browsers still connect. If the same request succeeds with the key share turned off, this is the cause.`,
      'zh-CN': (s) =>
        `从 Go 1.23 起，TLS ClientHello 携带后量子密钥交换数据，会跨越多个数据包。一些防火墙、DPI 设备和老旧的负载均衡器会丢弃或重置它，于是${s.host ? `与 ${s.host} 的` : ''}握手停滞，而 curl 和浏览器仍能连接。如果关闭该密钥交换后同一请求能成功，就是这个原因。`,
    },
    fixes: () => [
      {
        description: {
          en: 'Retry without the post-quantum key share (Go 1.24+: tlsmlkem; Go 1.23: tlskyber)',
          'zh-CN': '关闭后量子密钥交换后重试（Go 1.24+：tlsmlkem；Go 1.23：tlskyber）',
        },
        command: 'GODEBUG=tlsmlkem=0,tlskyber=0 go mod download -x',
      },
    ],
    docs: docs('module-proxy'),
  },
];
