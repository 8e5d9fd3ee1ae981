// A checksum database on loopback that the go command really verifies: a Merkle tree of go.sum
// records (RFC 6962 hashing), served as `/lookup/M@V`, `/latest` and `/tile/H/L/N[.p/W]`, with tree
// heads signed in the note format by an Ed25519 key made at start. Point the go command at it with
// GOSUMDB="<verifierKey> <url>" (the explicit URL bypasses GOPROXY). Formats follow
// golang.org/x/mod/sumdb/{note,tlog}; faults are the GOPROXY server's, on endpoint `sumdb`.
import { Buffer } from 'node:buffer';
import type { KeyObject } from 'node:crypto';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { unescapePath, unescapeVersion } from '../../../src/module/escape.ts';
import type { Answer, Fault, FaultHandle, RequestFacts } from './faults.ts';
import { applyFault, FaultSet, PendingResponses } from './faults.ts';
import { listenOnLoopback } from './listen.ts';
import { closeServers } from './proxy-server.ts';
import type { ModuleUniverse } from './universe.ts';

/** Tiles of 2^8 hashes, the height the go command asks for. */
const TILE_HEIGHT = 8;
/** Ed25519 in the note format's key encoding. */
const ALG_ED25519 = 1;

export interface SumdbRecord {
  path: string;
  version: string;
  /** The record text: go.sum lines `M V h1:...\nM V/go.mod h1:...\n`. */
  text: string;
}

export interface SumdbRequest {
  path: string;
  time: number;
  status?: number;
  fault?: string;
}

export interface ChecksumDatabaseOptions {
  /** The database name (host[/path] syntax); default `sum.lab.example`. */
  name?: string;
  /** Records for every version of these modules (all of the universe unless `modules` narrows it). */
  universe?: ModuleUniverse;
  modules?: readonly string[];
  /** More records, or records that lie about a module (a different hash than the proxy serves). */
  records?: readonly SumdbRecord[];
  faults?: readonly Fault[];
  /** The key that signs its tree (default: a new one), e.g. to sign another tree head for a test. */
  signer?: SumdbSigner;
}

export interface ChecksumDatabase {
  readonly name: string;
  /** The verifier key `name+hash+key` (a GOSUMDB value once followed by ` ` and the URL). */
  readonly verifierKey: string;
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `"<verifierKey> <url>"`: the complete GOSUMDB value. */
  readonly gosumdb: string;
  readonly log: readonly SumdbRequest[];
  readonly size: number;
  clearLog(): void;
  addFault(fault: Fault): FaultHandle;
  clearFaults(): void;
  close(): Promise<void>;
}

export interface SumdbSigner {
  name: string;
  verifierKey: string;
  /** The signed note for `text` (which must end in a newline). */
  signNote(text: string): string;
}

/** A new Ed25519 key pair for database `name`, in the note format. */
export function createSumdbSigner(name: string): SumdbSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  const keyBytes = Buffer.concat([Buffer.from([ALG_ED25519]), raw]);
  const keyHash = createHash('sha256').update(`${name}\n`).update(keyBytes).digest().subarray(0, 4);
  return {
    name,
    verifierKey: `${name}+${keyHash.toString('hex')}+${keyBytes.toString('base64')}`,
    signNote: (text) => signNote(text, name, keyHash, privateKey),
  };
}

function signNote(text: string, name: string, keyHash: Buffer, privateKey: KeyObject): string {
  if (!text.endsWith('\n')) throw new Error('a note text ends with a newline');
  const signature = sign(null, Buffer.from(text), privateKey);
  return `${text}\n— ${name} ${Buffer.concat([keyHash, signature]).toString('base64')}\n`;
}

export function recordHash(data: Uint8Array): Buffer {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(data)
    .digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();
}

/** RFC 6962 Merkle tree hash of record hashes (the empty tree hashes to SHA-256 of nothing). */
export function treeHash(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return Buffer.from(leaves[0]!);
  let split = 1;
  while (split * 2 < leaves.length) split *= 2;
  return nodeHash(treeHash(leaves.slice(0, split)), treeHash(leaves.slice(split)));
}

function recordText(universe: ModuleUniverse, path: string, version: string): string {
  return universe.goSumLines(path, version);
}

export async function startChecksumDatabase(options: ChecksumDatabaseOptions): Promise<ChecksumDatabase> {
  const signer = options.signer ?? createSumdbSigner(options.name ?? 'sum.lab.example');
  const records: SumdbRecord[] = [];
  const byKey = new Map<string, number>();
  const add = (record: SumdbRecord): void => {
    byKey.set(`${record.path}@${record.version}`, records.length);
    records.push(record);
  };
  for (const record of options.records ?? []) add(record);
  if (options.universe) {
    for (const module of options.universe.modules) {
      if (options.modules && !options.modules.includes(module.path)) continue;
      for (const version of options.universe.versions(module.path)) {
        if (byKey.has(`${module.path}@${version}`)) continue;
        add({ path: module.path, version, text: recordText(options.universe, module.path, version) });
      }
    }
  }
  const leaves = records.map((r) => recordHash(Buffer.from(r.text)));
  const size = leaves.length;
  const signedTree = signer.signNote(
    `go.sum database tree\n${size}\n${treeHash(leaves).toString('base64')}\n`,
  );

  const faults = new FaultSet();
  for (const fault of options.faults ?? []) faults.add(fault);
  const pending = new PendingResponses();
  const log: SumdbRequest[] = [];
  const started = performance.now();

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    let path = rawPath;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      // keep the raw path
    }
    const entry: SumdbRequest = { path, time: performance.now() - started };
    log.push(entry);
    const facts = sumdbFacts(path);
    const fault = faults.pick(facts);
    if (fault) entry.fault = fault.name ?? fault.action.type;
    req.resume();
    applyFault(fault?.action, answer(path, facts), facts, req, res, pending, (status) => {
      if (status !== undefined) entry.status = status;
    });
  };

  const answer = (path: string, facts: RequestFacts): Answer => {
    const text = (status: number, body: string): Answer => ({
      status,
      body: Buffer.from(body),
      contentType: 'text/plain; charset=UTF-8',
    });
    if (path === '/latest') return text(200, signedTree);
    if (path.startsWith('/lookup/')) {
      const index =
        facts.module !== undefined && facts.version !== undefined
          ? byKey.get(`${facts.module}@${facts.version}`)
          : undefined;
      if (index === undefined) {
        return text(404, `not found: ${facts.module ?? path}@${facts.version ?? ''}: unknown module\n`);
      }
      return text(200, `${index}\n${records[index]!.text}\n${signedTree}`);
    }
    const tile = /^\/tile\/(\d+)\/(data|\d+)\/((?:x\d{3}\/)*\d{3})(?:\.p\/(\d+))?$/.exec(path);
    if (tile) {
      const height = Number(tile[1]);
      const level = tile[2] === 'data' ? -1 : Number(tile[2]);
      const index = tile[3]!.split('/').reduce((n, part) => n * 1000 + Number(part.replace('x', '')), 0);
      const width = tile[4] === undefined ? 2 ** height : Number(tile[4]);
      const body = tileBody(height, level, index, width);
      return body ? { status: 200, body, contentType: 'application/octet-stream' } : text(404, 'not found\n');
    }
    return text(404, 'not found\n');
  };

  /** Hashes (or, for level -1, record texts) of one tile, if the tree holds all of it. */
  const tileBody = (height: number, level: number, index: number, width: number): Uint8Array | undefined => {
    if (height !== TILE_HEIGHT || width < 1 || width > 2 ** height) return undefined;
    const first = index * 2 ** height;
    if (level === -1) {
      if (first + width > size) return undefined;
      return Buffer.from(
        records
          .slice(first, first + width)
          .map((r, i) => `${first + i}\n${r.text}\n`)
          .join(''),
      );
    }
    const span = 2 ** (level * height);
    if ((first + width) * span > size) return undefined;
    const hashes: Buffer[] = [];
    for (let i = 0; i < width; i++) {
      const start = (first + i) * span;
      hashes.push(treeHash(leaves.slice(start, start + span)));
    }
    return Buffer.concat(hashes);
  };

  const server = createServer(handler);
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  const port = await listenOnLoopback(server);
  const url = `http://127.0.0.1:${port}`;
  return {
    name: signer.name,
    verifierKey: signer.verifierKey,
    url,
    gosumdb: `${signer.verifierKey} ${url}`,
    log,
    size,
    clearLog: () => {
      log.length = 0;
    },
    addFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    close: () => closeServers([server], pending),
  };
}

/** `/lookup/M@V` → module and version (unescaped), so that faults can match them. */
function sumdbFacts(path: string): RequestFacts {
  const lookup = /^\/lookup\/(.+)@([^@]+)$/.exec(path);
  if (!lookup) return { path, endpoint: 'sumdb' };
  const module = unescapePath(lookup[1]!);
  const version = unescapeVersion(lookup[2]!);
  return module.ok && version.ok
    ? { path, endpoint: 'sumdb', module: module.value, version: version.value }
    : { path, endpoint: 'sumdb' };
}
