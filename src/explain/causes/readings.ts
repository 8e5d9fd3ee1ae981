// Causes explain names only as the second reading of an ambiguous finding (ambiguity.ts): their
// surface is another cause's message, and only something outside the transcript proves them (the
// same request with another TLS setting). The rules carry their texts and
// fixes; they have no line patterns.
import { docs } from '../fixes.ts';
import type { CauseRule } from '../types.ts';

export const readingRules: CauseRule[] = [
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
