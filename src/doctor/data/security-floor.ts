// The go command's own security floor for fetching modules: advisories about how it checks what a
// module proxy or checksum database serves, and the point release of each Go line that fixed them.
// Kept by hand from the Go security announcements and Debian's changelog.Debian.gz of the
// golang-1.25-go / golang-1.26-go packages (which list the CVEs of each point release). Update
// `updated` with every change; the finding shows it.

export interface SecurityAdvisory {
  id: string;
  /** What an attacker could do, in each language of the finding. */
  summary: { en: string; 'zh-CN': string };
  /** The first fixed point release of each affected Go line, e.g. `1.26.3`. */
  fixedIn: readonly string[];
  /** Every Go line from this minor release on shipped with the fix in its first release. */
  fixedFromLine: number;
  links: readonly string[];
}

export const SECURITY_FLOOR: { updated: string; advisories: readonly SecurityAdvisory[] } = {
  updated: '2026-12-07',
  advisories: [
    {
      id: 'CVE-2026-42501',
      summary: {
        en: 'a malicious module proxy can bypass the checksum database (also for toolchain downloads)',
        'zh-CN': '恶意模块代理可以绕过校验和数据库（工具链下载也受影响）',
      },
      fixedIn: ['1.25.10', '1.26.3'],
      fixedFromLine: 27,
      links: ['https://github.com/golang/go/issues/79070', 'https://pkg.go.dev/vuln/list'],
    },
    {
      id: 'CVE-2026-56864',
      summary: {
        en: 'a malicious GOSUMDB can serve module content that is not in the transparency log',
        'zh-CN': '恶意 GOSUMDB 可以提供不在透明日志中的模块内容',
      },
      fixedIn: ['1.25.13', '1.26.6'],
      fixedFromLine: 27,
      links: ['https://github.com/golang/go/issues/80745'],
    },
    {
      id: 'CVE-2026-56865',
      summary: {
        en: 'a malicious GOPROXY can forge up to two checksum database tiles',
        'zh-CN': '恶意 GOPROXY 可以伪造最多两个校验和数据库分片（tile）',
      },
      fixedIn: ['1.25.13', '1.26.6'],
      fixedFromLine: 27,
      links: ['https://github.com/golang/go/issues/80744'],
    },
  ],
};
