#!/usr/bin/env node
// The GitHub Action's entry point (action.yml): reads the INPUT_* variables the runner sets, runs
// the bundled CLI once with --json (no shell, no install step), and from that one report writes the
// workflow-command annotations, the SARIF file if asked, and the step outputs. The CLI itself appends
// the job summary (GITHUB_STEP_SUMMARY) and decides the exit status from --fail-on.
const { spawnSync } = require('node:child_process');
const { appendFileSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { pathToFileURL } = require('node:url');

const env = process.env;
const input = (name, fallback) => {
  const value = env[`INPUT_${name.toUpperCase()}`];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
};

// The action's own lines, in the languages of the CLI's messages (the lang input: en or zh-CN,
// and the spellings --lang takes: zh, zh_CN, zh-Hans ...).
const MESSAGES = {
  en: {
    noReport: (command, status) => `gomod-doctor ${command} did not produce a report (exit ${status})`,
    failed: (reason) => `the gomod-doctor action failed: ${reason}`,
  },
  'zh-CN': {
    noReport: (command, status) => `gomod-doctor ${command} 没有生成报告（退出状态 ${status}）`,
    failed: (reason) => `gomod-doctor action 运行失败：${reason}`,
  },
};
const langOf = (value) => (/^zh/i.test(value) ? 'zh-CN' : 'en');
const say = (key, ...args) => MESSAGES[langOf(input('lang', 'en'))][key](...args);

// A workflow command's message: the runner's own escapes for % CR LF, and every other control
// character or line separator shown as a visible escape (as --format github does), so that an
// error's text can neither forge a second command nor act on a terminal.
const UNSAFE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const escapeData = (text) =>
  text
    .replace(UNSAFE, (ch) => {
      const code = ch.charCodeAt(0);
      return code < 0x100
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u${code.toString(16).padStart(4, '0')}`;
    })
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A');

function setOutput(name, value) {
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

async function main() {
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const cwd = resolve(workspace, input('working-directory', '.'));
  const failOn = input('fail-on', 'error');
  const lang = input('lang', 'en');
  const explainLog = input('explain-log', '');
  const sarifFile = input('sarif-file', '');
  // Words split on white space: the action never hands its input to a shell.
  const words = explainLog
    ? ['explain', resolve(workspace, explainLog)]
    : input('command', 'doctor --release').split(/\s+/).filter(Boolean);
  const args = [...words, '--json', '-C', cwd, '--fail-on', failOn, '--lang', lang];
  const cli = join(__dirname, 'gomod-doctor.cjs');
  const run = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const status = run.status ?? 2;
  setOutput('exit-code', status);
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    process.stdout.write(
      `::error title=gomod-doctor::${escapeData(say('noReport', words[0] ?? '', status))}\n`,
    );
    setOutput('findings', 0);
    process.exitCode = status === 0 ? 2 : status;
    return;
  }
  setOutput('findings', report.findings.length);
  const lib = await import(pathToFileURL(join(__dirname, '..', 'dist', 'index.js')).href);
  // The library's one reporter registry: the same annotations and SARIF as `--format github|sarif`.
  const data = {
    report,
    paths: { cwd, root: lib.repositoryRoot(cwd, env) },
    sarif: { exitCode: status, defaultFile: 'go.mod' },
  };
  const options = { lang: langOf(lang), color: false };
  process.stdout.write(lib.renderReport('github', data, options));
  if (sarifFile) writeFileSync(resolve(workspace, sarifFile), lib.renderReport('sarif', data, options));
  process.exitCode = status;
}

main().catch((error) => {
  process.stdout.write(
    `::error title=gomod-doctor::${escapeData(say('failed', String(error?.message ?? error)))}\n`,
  );
  setOutput('exit-code', 2);
  process.exitCode = 2;
});
