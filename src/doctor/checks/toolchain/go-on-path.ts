// Several go binaries on PATH: the first one wins, which is the usual reason for "I upgraded Go
// but go version still says the old one".
import type { Message } from '../../../i18n/lang.ts';
import { say } from '../../../i18n/lang.ts';
import { defineCheck } from '../../types.ts';

const m = {
  title: {
    en: ({ n }) => `${n} different go installations on PATH`,
    'zh-CN': ({ n }) => `PATH 中有 ${n} 个不同的 go 安装`,
  } satisfies Message<{ n: number }>,
  message: {
    en: ({ first }) =>
      `The first one on PATH runs: ${first}. If you installed a newer Go and still see the old version, the old one comes earlier on PATH.`,
    'zh-CN': ({ first }) =>
      `实际运行的是 PATH 中的第一个：${first}。如果安装了新版 Go 却仍看到旧版本，说明旧的在 PATH 中更靠前。`,
  } satisfies Message<{ first: string }>,
  fix: {
    en: 'Put the Go you want first on PATH (or remove the others)',
    'zh-CN': '把想用的 Go 放在 PATH 最前面（或删除其他的）',
  },
};

export default defineCheck({
  id: 'toolchain/go-on-path',
  area: 'toolchain',
  needs: ['go'],
  causes: ['goroot-broken'],
  async run({ facts, lang }) {
    const go = await facts.go();
    const distinct = new Map<string, (typeof go.onPath)[number]>();
    for (const bin of go.onPath) if (!distinct.has(bin.real)) distinct.set(bin.real, bin);
    const versions = new Set([...distinct.values()].map((b) => b.version ?? b.real));
    if (distinct.size < 2 || versions.size < 2) return [];
    const list = [...distinct.values()];
    return [
      {
        cause: 'goroot-broken',
        severity: 'info',
        title: say(m.title, lang, { n: list.length }),
        message: say(m.message, lang, { first: `${list[0]!.bin} (${list[0]!.version ?? '?'})` }),
        evidence: list.map((b) => ({ source: 'PATH', text: `${b.bin} → ${b.version ?? '?'}` })),
        fixes: [{ description: say(m.fix, lang) }],
      },
    ];
  },
});
