/**
 * GOTOOLCHAIN (Go 1.21 and later; earlier releases ignore it): which toolchain runs a go command.
 */
import { compareGoVersions, isLangVersion, toolchainVersion } from './gover.ts';

/** The value shipped in $GOROOT/go.env since Go 1.21. */
const DEFAULT_GOTOOLCHAIN = 'auto';

export type GoToolchainMode =
  /** Always the running toolchain. */
  | 'local'
  /** Switch to a newer toolchain when go.mod/go.work asks; look in PATH, then download. */
  | 'auto'
  /** Like auto but never download. */
  | 'path'
  /** Exactly the named toolchain, whatever go.mod says. */
  | 'exact';

export type GoToolchainParse =
  | {
      ok: true;
      mode: GoToolchainMode;
      /** The minimum toolchain name ('local' for the running one), e.g. 'go1.23.5'. */
      minimum: string;
      /** Its version, e.g. '1.23.5'; '' for 'local'. */
      minimumVersion: string;
    }
  | { ok: false; error: string };

/**
 * Parses GOTOOLCHAIN like the go command, with its messages (prefixed `go: ` as printed).
 * The empty string stands for the default from go.env.
 */
export function parseGoToolchain(value: string): GoToolchainParse {
  const setting = value === '' ? DEFAULT_GOTOOLCHAIN : value;
  if (setting === 'auto' || setting === 'path') {
    return { ok: true, mode: setting, minimum: 'local', minimumVersion: '' };
  }
  const plus = setting.indexOf('+');
  const minimum = plus < 0 ? setting : setting.slice(0, plus);
  const suffix = plus < 0 ? '' : setting.slice(plus + 1);
  let minimumVersion = '';
  if (minimum !== 'local') {
    minimumVersion = toolchainVersion(minimum);
    if (minimumVersion === '') {
      if (plus >= 0) {
        return {
          ok: false,
          error: `go: invalid GOTOOLCHAIN ${JSON.stringify(setting)}: invalid minimum toolchain ${JSON.stringify(minimum)}`,
        };
      }
      return { ok: false, error: `go: invalid GOTOOLCHAIN ${JSON.stringify(setting)}` };
    }
  }
  if (plus >= 0 && suffix !== 'auto' && suffix !== 'path') {
    return {
      ok: false,
      error: `go: invalid GOTOOLCHAIN ${JSON.stringify(setting)}: only version suffixes are +auto and +path`,
    };
  }
  // Before running another toolchain the go command insists on a go1 name, to avoid running e.g. "bash".
  if (minimum !== 'local' && !minimum.startsWith('go1') && !minimum.includes('-go1')) {
    return { ok: false, error: `go: invalid GOTOOLCHAIN ${JSON.stringify(minimum)}` };
  }
  const mode: GoToolchainMode =
    plus < 0 ? (minimum === 'local' ? 'local' : 'exact') : (suffix as 'auto' | 'path');
  return { ok: true, mode, minimum, minimumVersion };
}

/**
 * The toolchain name the go command looks for when go.mod says `go VERSION`: a language version
 * from 1.21 on means its first release ('1.22' → 'go1.22.0').
 */
export function toolchainForGoLine(goVersion: string): string {
  if (isLangVersion(goVersion) && compareGoVersions(goVersion, '1.21') >= 0) return `go${goVersion}.0`;
  return `go${goVersion}`;
}

/**
 * The go command's message when a named toolchain cannot be downloaded: a language version such as
 * go1.22 gets its own hint because only go1.22.0 and later exist as toolchains.
 */
export function toolchainNotAvailableMessage(name: string, goos: string, goarch: string): string {
  const version = toolchainVersion(name);
  if (isLangVersion(version) && compareGoVersions(version, '1.21') >= 0) {
    return `go: invalid toolchain: ${name} is a language version but not a toolchain version (${name}.x)`;
  }
  return `go: download ${name} for ${goos}/${goarch}: toolchain not available`;
}
