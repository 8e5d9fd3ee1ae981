// Pulling names out of message text: the module and version an error is about, hosts and URLs.
// All token-based or with literal-led patterns, so they stay linear on any line.
import { unescapePath, unescapeVersion } from '../module/escape.ts';

/** Host of an http(s) URL (no port, no userinfo); undefined when it is not one. */
export function hostOf(url: string): string | undefined {
  const scheme = url.indexOf('://');
  if (scheme === -1) return undefined;
  let rest = url.slice(scheme + 3);
  const slash = rest.search(/[/?#"']/);
  if (slash !== -1) rest = rest.slice(0, slash);
  const at = rest.lastIndexOf('@');
  if (at !== -1) rest = rest.slice(at + 1);
  if (rest.startsWith('[')) return rest.slice(0, rest.indexOf(']') + 1);
  const colon = rest.indexOf(':');
  return colon === -1 ? rest : rest.slice(0, colon);
}

function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Module path and version from a module proxy URL: `https://P/<escaped path>/@v/<version>.info`,
 * `/@v/list`, `/@latest`, or a checksum lookup `.../lookup/<path>@<version>`. The proxy's own base
 * path cannot be told apart from the module path in general, so callers prefer the `M@V:` prefix of
 * the message when there is one.
 */
export function moduleFromProxyUrl(url: string): { module?: string; version?: string } {
  const host = hostOf(url);
  if (!host) return {};
  const afterHost = url.slice(url.indexOf(host) + host.length).replace(/^:[^/]*/, '');
  const path = decodePercent(afterHost.replace(/^\//, ''));
  const lookup = path.indexOf('/lookup/');
  if (lookup !== -1 || path.startsWith('lookup/')) {
    const target = path.slice(lookup === -1 ? 'lookup/'.length : lookup + '/lookup/'.length);
    const at = target.lastIndexOf('@');
    if (at === -1) return {};
    return {
      module: unescapeOr(target.slice(0, at)),
      version: unescapeVersionOr(target.slice(at + 1)),
    };
  }
  const marker = path.indexOf('/@v/');
  const latest = path.indexOf('/@latest');
  const end = marker !== -1 ? marker : latest;
  if (end === -1) return {};
  const module = unescapeOr(path.slice(0, end));
  if (marker === -1) return { module };
  const file = path.slice(marker + 4);
  const dot = file.lastIndexOf('.');
  if (file === 'list' || dot === -1) return { module };
  return { module, version: unescapeVersionOr(file.slice(0, dot)) };
}

function unescapeOr(escaped: string): string {
  const result = unescapePath(escaped);
  return result.ok ? result.value : escaped;
}

function unescapeVersionOr(escaped: string): string {
  const result = unescapeVersion(escaped);
  return result.ok ? result.value : escaped;
}

const MODULE_TOKEN = /^(?:[A-Za-z0-9][-A-Za-z0-9_.~+]*)(?:\/[-A-Za-z0-9_.~+!]+)*$/;

/**
 * The `PATH@VERSION:` an error chain starts with (`go: github.com/a/b@v1.2.3: ...`,
 * `verifying github.com/a/b@v1.2.3/go.mod: ...`). Token-based: splits on spaces, looks at tokens
 * that end with ':' and hold one '@'.
 */
export function moduleVersionPrefix(text: string): { module: string; version: string } | undefined {
  let from = 0;
  // Only the first few tokens: chains put the module first.
  for (let n = 0; n < 8 && from < text.length; n++) {
    let to = text.indexOf(' ', from);
    if (to === -1) to = text.length;
    const token = text.slice(from, to);
    from = to + 1;
    if (!token.endsWith(':')) continue;
    const at = token.indexOf('@');
    if (at <= 0) continue;
    const path = token.slice(0, at);
    let version = token.slice(at + 1, -1);
    if (version.endsWith('/go.mod')) version = version.slice(0, -'/go.mod'.length);
    if (!path.includes('.') || !MODULE_TOKEN.test(path) || version === '' || version.includes('@')) continue;
    return { module: path, version };
  }
  return undefined;
}

/** `module PATH:` (errors about a module as a whole, e.g. `@v/list` lookups). */
export function modulePrefix(text: string): string | undefined {
  const at = text.indexOf('module ');
  if (at === -1) return undefined;
  const rest = text.slice(at + 7);
  const end = rest.indexOf(': ');
  if (end <= 0) return undefined;
  const path = rest.slice(0, end);
  return path.includes('.') && MODULE_TOKEN.test(path) ? path : undefined;
}

/** The first http(s) URL in a line, without surrounding quotes or a trailing colon. */
export function firstUrl(text: string): string | undefined {
  const at = text.search(/https?:\/\//);
  if (at === -1) return undefined;
  let end = at;
  while (end < text.length && !' "\'\t)'.includes(text[end]!)) end++;
  let url = text.slice(at, end);
  while (url.endsWith(':') || url.endsWith(',') || url.endsWith('.')) url = url.slice(0, -1);
  return url;
}
