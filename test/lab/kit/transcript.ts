// Turns a go command's output into a transcript that does not depend on the machine or the run:
// temp paths become placeholders, loopback ports `$PORT`, timings `N.NNNs`, cache hashes `<hash>`.
// Normalised transcripts are what fixtures hold and what tests compare.

export interface NormalizeOptions {
  /** [path, placeholder] pairs (e.g. from Sandbox.placeholders()); longer paths are replaced first. */
  placeholders?: ReadonlyArray<readonly [string, string]>;
}

export function normalizeTranscript(text: string, options: NormalizeOptions = {}): string {
  let out = text.replace(/\r\n/g, '\n');
  const pairs = [...(options.placeholders ?? [])].sort((a, b) => b[0].length - a[0].length);
  for (const [path, placeholder] of pairs) {
    if (path) out = out.split(path).join(placeholder);
  }
  return (
    out
      // Loopback addresses with a port, both in URLs and in `read tcp A->B` socket pairs.
      // Except the well-known ports the lab's namespaces really use (DNS on 53, HTTPS on 443).
      .replace(/\b127\.0\.0\.1:(?!(?:53|443)\b)\d+/g, '127.0.0.1:$PORT')
      .replace(/\[::1\]:\d+/g, '[::1]:$PORT')
      .replace(/\blocalhost:\d+/g, 'localhost:$PORT')
      // `# get URL: 200 OK (0.013s)` and the `0.006s # cd DIR; git ...` timing lines.
      .replace(/\((\d+\.\d{3})s\)/g, '(N.NNNs)')
      .replace(/^\d+\.\d{3}s # /gm, 'N.NNNs # ')
      // The vcs work dir name is a hash of the remote URL, which holds a temp path.
      .replace(/(cache\/vcs\/)[0-9a-f]{64}/g, '$1<hash>')
      // x509 expiry errors name the current time.
      .replace(/current time \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'current time $NOW')
      // Temporary download files carry a random suffix.
      .replace(/(\.(?:zip|mod|info)\d*)\.tmp-?\d+/g, '$1.tmp-N')
      .replace(/\.tmp-\d+/g, '.tmp-N')
  );
}
