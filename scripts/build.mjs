// Bundles the library and the CLI with esbuild, then emits .d.ts files with tsc.
//
// The library (dist/index.js + chunks) is ESM, as package.json exports it.
// The CLI (dist/cli/) is CommonJS, split per command so that a command loads only its own code.
// Why CommonJS: Node's ES module loader costs a cold start more than require() does (it
// resolves, reads and links every chunk asynchronously; measured with callgrind on Node 20:
// about 6% of the instructions of `modfile --json` on a large go.mod, and 15% of what the CLI
// adds to Node's own start). The gain needs a CommonJS launcher (bin/gomod-doctor.cjs); through
// the ESM launcher the two formats cost about the same.
// esbuild cannot split CommonJS output, so the CLI is split as ESM first and each output file is
// then converted to CommonJS; chunks stay shared modules (one copy of each module's state).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build, transform } from 'esbuild';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { __GOMOD_DOCTOR_VERSION__: JSON.stringify(version) },
};

// Built aside (in the git-ignored .cache/) and swapped in with two renames, so that whoever runs
// dist/ meanwhile (tests and benchmarks of a parallel build) never sees it half written.
const staging = join('.cache', `build-${process.pid}`);
const out = join(staging, 'dist');
rmSync(staging, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  outdir: out,
  splitting: true,
  format: 'esm',
});

// The .cjs extension from the start, so that the chunks' imports already name the final files.
const cli = await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: join(out, 'cli'),
  splitting: true,
  format: 'esm',
  outExtension: { '.js': '.cjs' },
  write: false,
});
for (const file of cli.outputFiles) {
  const converted = await transform(file.text, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // import() of a chunk becomes require(): no ES module loader at all.
    supported: { 'dynamic-import': false },
    sourcefile: file.path,
    logLevel: 'silent',
  });
  // import.meta has no CommonJS equivalent (esbuild would leave an empty object): refuse, loudly.
  if (converted.warnings.length > 0) {
    throw new Error(
      `CLI chunk ${file.path} cannot be CommonJS: ${converted.warnings.map((w) => w.text).join('; ')}`,
    );
  }
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, converted.code);
}

const old = join(staging, 'old-dist');
try {
  renameSync('dist', old);
} catch {
  // no previous build
}
renameSync(out, 'dist');
rmSync(staging, { recursive: true, force: true });

if (!process.argv.includes('--no-types')) {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
