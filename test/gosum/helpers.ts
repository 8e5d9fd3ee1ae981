// Test helpers for src/gosum: where the shared corpus is, a deliberately independent stored-only
// zip writer (so the reader is not only tested against its own writer), and a file:// GOPROXY.

import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../helpers/go-matrix.ts';

export { corpusDir };

/** Every go.sum and go.work.sum in the corpus, as paths relative to corpusDir. */
export function corpusSumFiles(): string[] {
  const found: string[] = [];
  for (const slug of readdirSync(corpusDir).sort()) {
    const dir = join(corpusDir, slug);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of ['go.sum', 'go.work.sum']) {
      if (existsSync(join(dir, name))) found.push(`${slug}/${name}`);
    }
  }
  return found;
}

function crc32Reference(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A minimal stored (uncompressed) zip, written independently of src/gosum/zipfile.ts. Entries are
 * written in the given order, duplicates and odd names included, which is what tests need.
 */
export function storedZip(entries: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32Reference(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(10, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(10, 4);
    central.writeUInt16LE(10, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(entry.data));
    directory.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directoryBytes, end]));
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Go's module path escaping for proxy URLs and cache directories: upper case → '!' + lower case. */
function escapeForProxy(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

export interface ProxyModule {
  path: string;
  version: string;
  gomod: Uint8Array;
  zip: Uint8Array;
}

/** Lays out modules as a GOPROXY directory: <path>/@v/list, <v>.info, <v>.mod, <v>.zip. */
export function writeProxy(root: string, modules: readonly ProxyModule[]): void {
  const versionsByPath = new Map<string, string[]>();
  for (const mod of modules) {
    const dir = join(root, escapeForProxy(mod.path), '@v');
    mkdirSync(dir, { recursive: true });
    const v = escapeForProxy(mod.version);
    writeFileSync(
      join(dir, `${v}.info`),
      JSON.stringify({ Version: mod.version, Time: '2024-01-02T03:04:05Z' }),
    );
    writeFileSync(join(dir, `${v}.mod`), mod.gomod);
    writeFileSync(join(dir, `${v}.zip`), mod.zip);
    versionsByPath.set(mod.path, [...(versionsByPath.get(mod.path) ?? []), mod.version]);
  }
  for (const [path, versions] of versionsByPath) {
    writeFileSync(join(root, escapeForProxy(path), '@v', 'list'), `${versions.join('\n')}\n`);
  }
}
