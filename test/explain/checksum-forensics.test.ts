// Checksum-mismatch forensics against the real go command: with the user's module cache in the
// context, explain tells a mismatch with a copy already in the cache (remove that one version and
// retry) from a fresh download whose source changed (cleaning the cache cannot help).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain/index.ts';
import { NO_GO_REASON } from '../helpers/go-matrix.ts';
import { labCase, labToolchains } from '../lab/cases.ts';
import { proveCase, useLabServers } from '../lab/run-cases.ts';

const noGo = labToolchains().length === 0;

describe.skipIf(noGo)(
  `checksum mismatch, with the module cache as context${noGo ? ` (${NO_GO_REASON})` : ''}`,
  () => {
    const lab = useLabServers();

    it('the cache already holds the content go.sum disagrees with: remove that version, retry', async () => {
      await proveCase(labCase('checksum-mismatch-cached'), lab(), ({ sandbox, transcript }, goVersion) => {
        for (const lang of ['en', 'zh-CN'] as const) {
          const context = { goEnv: { GOMODCACHE: sandbox.gomodcache } };
          const [finding] = explainText(transcript, { context, lang }).findings;
          expect(finding?.cause, goVersion).toBe('checksum-mismatch');
          expect(finding?.module).toBe('example.com/lab/proj/dep');
          expect(finding?.message).toContain(
            lang === 'en' ? 'already holds exactly this content' : '模块缓存中已经有完全相同的内容',
          );
          expect(finding?.fixes?.[0]?.command).toContain(
            "'/cache/download/example.com/lab/proj/dep/@v/v1.0.0.'",
          );
        }
      });
    });

    it('the same for a /go.mod line: the cached go.mod is hashed and found to be the downloaded one', async () => {
      await proveCase(
        labCase('checksum-mismatch-gomod-cached'),
        lab(),
        ({ sandbox, transcript }, goVersion) => {
          const context = { goEnv: { GOMODCACHE: sandbox.gomodcache } };
          const [finding] = explainText(transcript, { context }).findings;
          expect(finding?.cause, goVersion).toBe('checksum-mismatch');
          expect(finding?.message).toContain(
            'The go.mod file of example.com/lab/proj/dep@v1.0.0 differs from the hash in go.sum',
          );
          expect(finding?.message).toContain('already holds exactly this content');
        },
      );
    });

    it('a fresh download of content that changed at its source: the cache is not the problem', async () => {
      await proveCase(labCase('proxy-checksum-mismatch'), lab(), ({ sandbox, transcript }, goVersion) => {
        for (const lang of ['en', 'zh-CN'] as const) {
          const context = { goEnv: { GOMODCACHE: sandbox.gomodcache } };
          const [finding] = explainText(transcript, { context, lang }).findings;
          expect(finding?.cause, goVersion).toBe('checksum-mismatch');
          expect(finding?.message).toContain(
            lang === 'en' ? 'this was a fresh download' : '这是一次全新的下载',
          );
          expect(finding?.fixes?.map((f) => f.command).join('\n')).not.toContain('rm -rf');
        }
      });
    });

    it('a cached copy that matches neither side is named as damaged', async () => {
      await proveCase(labCase('checksum-mismatch-cached'), lab(), async ({ sandbox, transcript }) => {
        const zipHash = join(sandbox.gomodcache, 'cache/download/example.com/lab/proj/dep/@v/v1.0.0.ziphash');
        const other = `h1:${'B'.repeat(42)}A=`;
        await writeFile(zipHash, `${other}\n`);
        const context = { goEnv: { GOMODCACHE: sandbox.gomodcache } };
        const [finding] = explainText(transcript, { context }).findings;
        expect(finding?.message).toContain(`The module cache holds yet another copy (${other})`);
        expect(finding?.fixes?.[0]?.command).toContain('rm -rf');
      });
    });

    it('without the context it stays with the general explanation', async () => {
      await proveCase(labCase('checksum-mismatch-cached'), lab(), ({ transcript }) => {
        const [finding] = explainText(transcript).findings;
        expect(finding?.message).toContain('By far the most common reason');
        expect(finding?.fixes?.[0]?.command).toContain('rm -rf');
      });
    });
  },
);
