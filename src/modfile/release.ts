// What changed in go.mod / go.work handling between Go releases. Each go release vendors one
// golang.org/x/mod: go1.19 v0.6.0-dev (before the `path@version` replace message), go1.20 ≈ v0.7,
// go1.21 v0.12.0, go1.22 v0.14.0, go1.23 v0.19.0, go1.24 v0.22.0, go1.25 v0.25.0, go1.26 ≈ v0.30,
// go1.27 ≈ v0.36. The parser and printer boundaries below are the x/mod tags that first carry each
// change; the JSON ones come from cmd/go (modcmd/edit.go, workcmd/edit.go) of that release. x/mod's
// reading and printing did not change from go1.25 to go1.27 (1.27 adds only the require-block merge
// that `go mod tidy` uses).

export const NEWEST_RELEASE = '1.27';

export const KNOWN_RELEASES = [
  '1.19',
  '1.20',
  '1.21',
  '1.22',
  '1.23',
  '1.24',
  '1.25',
  '1.26',
  '1.27',
] as const;

export interface ReleaseRules {
  /** The Go release as `1.N`. */
  release: string;
  minor: number;
  /** `go 1.21.0`, `go 1.21rc1` accepted (else only `1.N`). */
  longGoVersions: boolean;
  /** Example in `invalid go version`: `1.23` or `1.23.0`. */
  goVersionExample: string;
  toolchain: boolean;
  /** The toolchain name is checked only in strict mode (1.21, 1.22). */
  toolchainCheckStrictOnly: boolean;
  toolchainExample: string;
  /** go.work kept the older examples one release longer (x/mod v0.16.0). */
  workGoVersionExample: string;
  workToolchainExample: string;
  godebug: boolean;
  tool: boolean;
  ignore: boolean;
  /** `replacement module must match format 'path version', not 'path@version'`. */
  replaceAtMessage: boolean;
  /** `.`/`..` alone count as directories; message says `(rooted or starting with . or ..)`. */
  dotDirectories: boolean;
  /** Printer drops blank lines at the top and end of the file and doubled blank lines. */
  printerTrimsBlankLines: boolean;
  /** Cleanup keeps a one-line block when comments sit before its `)`. */
  keepBlockWithParenComments: boolean;
  /** A blank line just before a block's `)` is not kept. */
  dropTrailingBlankInBlock: boolean;
  /** exclude blocks sort versions semantically when the file says go ≥ 1.21. */
  semanticExcludeSort: boolean;
  /** encoding/json writes \b and \f (else \u0008, \u000c). */
  jsonShortControlEscapes: boolean;
  /** `go work edit` wraps parse errors once more (`errors parsing go.work:` twice). */
  workDoubleHeader: boolean;
  /** `go mod edit -json` prints the godebug lines (`GoDebug`, after `Toolchain`). */
  jsonGodebug: boolean;
  /**
   * `-json` leaves out empty lists instead of printing `null` (go.mod: Require … Ignore; go.work:
   * Use, Replace), and `go work edit -json` prints `Toolchain` and `Godebug`.
   */
  jsonOmitEmptyLists: boolean;
  /**
   * The go command is built with encoding/json on json/v2 (GOEXPERIMENT=jsonv2 on by default):
   * an invalid UTF-8 byte in a string is written as the character U+FFFD itself, not `\ufffd`.
   */
  jsonInvalidUtf8Raw: boolean;
}

/** Rules for a release string like `1.23`, `1.23.4`, `go1.24`; unknown or missing → newest. */
export function releaseRules(release?: string): ReleaseRules {
  const minor = releaseMinor(release);
  return {
    release: `1.${minor}`,
    minor,
    longGoVersions: minor >= 21,
    goVersionExample: minor >= 22 ? '1.23.0' : '1.23',
    toolchain: minor >= 21,
    toolchainCheckStrictOnly: minor <= 22,
    toolchainExample:
      minor >= 23 ? 'go1.23.0 or default' : minor >= 22 ? 'go1.23.0 or local' : 'go1.23 or local',
    workGoVersionExample: minor >= 23 ? '1.23.0' : '1.23',
    workToolchainExample: minor >= 23 ? 'go1.23.0 or default' : 'go1.23 or local',
    godebug: minor >= 23,
    tool: minor >= 24,
    ignore: minor >= 25,
    replaceAtMessage: minor >= 20,
    dotDirectories: minor >= 22,
    printerTrimsBlankLines: minor >= 21,
    keepBlockWithParenComments: minor >= 23,
    dropTrailingBlankInBlock: minor >= 25,
    semanticExcludeSort: minor >= 21,
    jsonShortControlEscapes: minor >= 22,
    workDoubleHeader: minor >= 23,
    jsonGodebug: minor >= 26,
    jsonOmitEmptyLists: minor >= 27,
    jsonInvalidUtf8Raw: minor >= 27,
  };
}

const newestMinor = 27;

function releaseMinor(release?: string): number {
  if (release === undefined) return newestMinor;
  const m = /^(?:go)?1\.(\d+)/.exec(release.trim());
  if (!m) return newestMinor;
  const minor = Number(m[1]);
  if (minor < 19) return 19;
  return minor;
}
