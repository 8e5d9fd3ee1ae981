// The size of a download that trace sees arriving slowly: one HEAD request for the same URL, so that
// "slow" can become "about N minutes more at this rate". Best effort and bounded: only when the go
// command reaches the server without an HTTP(S)_PROXY (a tunnel would need its credentials), a few
// seconds at most, and never retried for the same URL.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { proxyEnvFrom, proxyForUrl } from '../network/probes/proxyenv.ts';

const TIMEOUT_MS = 3_000;

/** Content-Length of `url` from a HEAD request, or undefined when it cannot be learnt. */
export async function contentLength(
  url: string,
  env: Record<string, string | undefined>,
): Promise<number | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  try {
    if (proxyForUrl(url, proxyEnvFrom(env)).use) return undefined;
  } catch {
    return undefined;
  }
  // The go command trusts SSL_CERT_FILE on Linux; so does this request.
  const ca = env.SSL_CERT_FILE ? await readFile(env.SSL_CERT_FILE, 'utf8').catch(() => undefined) : undefined;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: number | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(value);
    };
    const onResponse = (res: IncomingMessage): void => {
      res.resume();
      const length = Number(res.headers['content-length']);
      finish(
        res.statusCode !== undefined && res.statusCode < 300 && Number.isFinite(length) && length > 0
          ? length
          : undefined,
      );
    };
    const options = {
      method: 'HEAD',
      headers: { 'User-Agent': 'Go-http-client/1.1' },
      ...(ca ? { ca } : {}),
    };
    const req =
      parsed.protocol === 'https:'
        ? httpsRequest(parsed, options, onResponse)
        : httpRequest(parsed, options, onResponse);
    const timer = setTimeout(() => finish(undefined), TIMEOUT_MS);
    timer.unref();
    req.on('error', () => finish(undefined));
    req.end();
  });
}
