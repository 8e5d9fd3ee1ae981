// A certificate authority made at test time, so that the go command and git can talk HTTPS to
// lab servers under real-looking host names (proxy.golang.org, github.com, ...) and trust them
// through SSL_CERT_FILE / http.sslCAInfo alone. The openssl CLI does the X.509 work (through
// run(), like every process of the project); keys come from node:crypto.
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/exec/run.ts';

export interface LabCertificate {
  /** PEM certificate (leaf only: the CA is the trust anchor the client already has). */
  cert: string;
  /** PEM private key (PKCS#8). */
  key: string;
}

export type CertificateKind =
  /** Issued by the lab CA for the names asked for, valid now. */
  | 'valid'
  /** Issued by the lab CA, but valid only in 2020 (an expired certificate left on a server). */
  | 'expired'
  /** Signed by its own key, not by the CA (an appliance's default certificate, an unknown intercepting proxy). */
  | 'self-signed';

export interface LabCa {
  /** The CA certificate as a PEM file: the value for SSL_CERT_FILE and git's http.sslCAInfo. */
  readonly certFile: string;
  readonly certPem: string;
  /** A certificate for `hostNames` (DNS names or IP addresses); cached per kind and names. */
  certificate(hostNames: readonly string[], kind?: CertificateKind): Promise<LabCertificate>;
  /** Removes the CA's directory (keys included). */
  dispose(): Promise<void>;
}

const OPENSSL_CONFIG = `# The lab CA's openssl configuration (written at test time; no system config is read).
[ req ]
distinguished_name = req_dn
prompt = no
[ req_dn ]
CN = lab
[ ca ]
default_ca = lab_ca
[ lab_ca ]
dir = .
database = $dir/index.txt
new_certs_dir = $dir/issued
certificate = $dir/ca.pem
private_key = $dir/ca.key
rand_serial = yes
default_md = sha256
policy = any_name
unique_subject = no
copy_extensions = none
[ any_name ]
commonName = supplied
[ v3_ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
`;

/** Leaf validity: "now" spans a day back (clock skew), "expired" lies in 2020. */
const VALID_FROM_DAYS_AGO = 1;
const VALID_DAYS = 30;
const EXPIRED_START = '20200101000000Z';
const EXPIRED_END = '20201231000000Z';

export async function createLabCa(parentDir: string = tmpdir()): Promise<LabCa> {
  const dir = await mkdtemp(join(parentDir, 'gomod-lab-ca-'));
  const env = { PATH: '/usr/local/bin:/usr/bin:/bin', OPENSSL_CONF: join(dir, 'openssl.cnf'), LANG: 'C' };
  const openssl = async (args: readonly string[]): Promise<void> => {
    const result = await run('openssl', args, { env, cwd: dir, timeoutMs: 30_000 });
    if (result.exitCode !== 0) {
      throw new Error(`openssl ${args[0]} failed: ${result.stderr || result.spawnError?.message || ''}`);
    }
  };
  try {
    await writeFile(join(dir, 'openssl.cnf'), OPENSSL_CONFIG);
    await writeFile(join(dir, 'index.txt'), '');
    await mkdir(join(dir, 'issued'));
    // One key for every leaf: the lab tests trust, not key separation.
    const leafKey = newKeyPem();
    await writeFile(join(dir, 'leaf.key'), leafKey);
    await writeFile(join(dir, 'ca.key'), newKeyPem());
    await openssl([
      'req',
      '-x509',
      '-new',
      '-key',
      'ca.key',
      '-subj',
      '/CN=gomod-doctor lab CA',
      '-days',
      '3650',
      '-extensions',
      'v3_ca',
      '-out',
      'ca.pem',
    ]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const certPem = await readFile(join(dir, 'ca.pem'), 'utf8');
  const leafKey = await readFile(join(dir, 'leaf.key'), 'utf8');

  const cache = new Map<string, Promise<LabCertificate>>();
  // `openssl ca` appends to one index file: issue one certificate at a time.
  let queue: Promise<unknown> = Promise.resolve();
  let serial = 0;

  const issue = async (hostNames: readonly string[], kind: CertificateKind): Promise<LabCertificate> => {
    const id = ++serial;
    const ext = `ext-${id}.cnf`;
    const csr = `leaf-${id}.csr`;
    const out = `leaf-${id}.pem`;
    const subjectAltName = hostNames
      .map((name) => (/^[\d.]+$|:/.test(name) ? `IP:${name}` : `DNS:${name}`))
      .join(', ');
    await writeFile(
      join(dir, ext),
      [
        '[ leaf ]',
        'basicConstraints = critical, CA:FALSE',
        'keyUsage = critical, digitalSignature',
        'extendedKeyUsage = serverAuth',
        `subjectAltName = ${subjectAltName}`,
        '',
      ].join('\n'),
    );
    const subject = `/CN=${hostNames[0] ?? 'lab'}`;
    if (kind === 'self-signed') {
      await openssl([
        'req',
        '-x509',
        '-new',
        '-key',
        'leaf.key',
        '-subj',
        subject,
        '-days',
        String(VALID_DAYS),
        '-config',
        'openssl.cnf',
        '-addext',
        `subjectAltName = ${subjectAltName}`,
        '-out',
        out,
      ]);
    } else {
      await openssl(['req', '-new', '-key', 'leaf.key', '-subj', subject, '-out', csr]);
      const dates =
        kind === 'expired'
          ? ['-startdate', EXPIRED_START, '-enddate', EXPIRED_END]
          : ['-startdate', opensslDate(-VALID_FROM_DAYS_AGO), '-enddate', opensslDate(VALID_DAYS)];
      await openssl([
        'ca',
        '-batch',
        '-notext',
        '-config',
        'openssl.cnf',
        '-in',
        csr,
        '-out',
        out,
        ...dates,
        '-extfile',
        ext,
        '-extensions',
        'leaf',
      ]);
    }
    return { cert: await readFile(join(dir, out), 'utf8'), key: leafKey };
  };

  return {
    certFile: join(dir, 'ca.pem'),
    certPem,
    certificate(hostNames, kind = 'valid') {
      const key = `${kind} ${hostNames.join(' ')}`;
      let found = cache.get(key);
      if (!found) {
        found = queue.then(() => issue(hostNames, kind));
        queue = found.catch(() => undefined);
        cache.set(key, found);
      }
      return found;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

function newKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** `YYYYMMDDHHMMSSZ`, `days` from now (openssl ca's date format). */
function opensslDate(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}
