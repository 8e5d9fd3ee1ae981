// A small zip reader and writer, enough for Go module zips.
//
// No zip library is used: module zips only ever hold stored (method 0) or deflated (method 8)
// entries with no encryption, so reading them is a walk over the central directory plus
// node:zlib's inflateRawSync, and writing them needs nothing more than deflateRawSync. Keeping
// it in-house avoids a runtime dependency for something that small.
//
// Every function returns errors as values: untrusted bytes (a proxy's answer, a corrupt cache
// file) must never make the doctor throw.

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { fail, ok, type Result } from '../module/result.ts';

const LOCAL_HEADER_SIG = 0x04034b50;
const CENTRAL_HEADER_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const ZIP64_END_SIG = 0x06064b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EXTRA_ID = 0x0001;

const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;

const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export interface ZipEntry {
  /** Entry name decoded as UTF-8 (invalid bytes become U+FFFD); use nameBytes for exact work. */
  name: string;
  /** The name exactly as stored: hashes and sort order are defined on these bytes. */
  nameBytes: Uint8Array;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header in the archive. */
  localHeaderOffset: number;
  /** Unix mode from the external attributes when the entry was made on Unix, else undefined. */
  unixMode: number | undefined;
}

let crcTable: Uint32Array | undefined;

function makeCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** IEEE CRC-32 as zip uses it. (node:zlib only gained crc32 in Node 20.15; engines allow 20.0.) */
function crc32(data: Uint8Array): number {
  crcTable ??= makeCrcTable();
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndRecord(bytes: Uint8Array, dv: DataView): number {
  const lowest = Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let i = bytes.length - END_RECORD_SIZE; i >= lowest; i--) {
    if (dv.getUint32(i, true) !== END_SIG) continue;
    const commentLength = dv.getUint16(i + 20, true);
    // A signature inside the comment or file data would not end exactly at the end of the file.
    if (i + END_RECORD_SIZE + commentLength === bytes.length) return i;
  }
  return -1;
}

function readUint64(dv: DataView, offset: number): number {
  const value = dv.getBigUint64(offset, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(value);
}

interface Directory {
  count: number;
  size: number;
  offset: number;
}

function readDirectoryLocation(bytes: Uint8Array, dv: DataView, endAt: number): Directory | string {
  let count = dv.getUint16(endAt + 10, true);
  let size = dv.getUint32(endAt + 12, true);
  let offset = dv.getUint32(endAt + 16, true);
  const locatorAt = endAt - 20;
  if (locatorAt >= 0 && dv.getUint32(locatorAt, true) === ZIP64_LOCATOR_SIG) {
    const zip64EndAt = readUint64(dv, locatorAt + 8);
    if (zip64EndAt + 56 > bytes.length || dv.getUint32(zip64EndAt, true) !== ZIP64_END_SIG) {
      return 'zip: not a valid zip file (bad zip64 end record)';
    }
    count = readUint64(dv, zip64EndAt + 32);
    size = readUint64(dv, zip64EndAt + 40);
    offset = readUint64(dv, zip64EndAt + 48);
  }
  if (offset + size > bytes.length || !Number.isFinite(offset + size)) {
    return 'zip: not a valid zip file (central directory out of bounds)';
  }
  return { count, size, offset };
}

function applyZip64Extra(entry: ZipEntry, dv: DataView, extraStart: number, extraEnd: number): boolean {
  let at = extraStart;
  while (at + 4 <= extraEnd) {
    const id = dv.getUint16(at, true);
    const length = dv.getUint16(at + 2, true);
    const body = at + 4;
    if (body + length > extraEnd) return false;
    if (id === ZIP64_EXTRA_ID) {
      let field = body;
      const take = (): number | undefined => {
        if (field + 8 > body + length) return undefined;
        const value = readUint64(dv, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) {
        const v = take();
        if (v === undefined) return false;
        entry.uncompressedSize = v;
      }
      if (entry.compressedSize === 0xffffffff) {
        const v = take();
        if (v === undefined) return false;
        entry.compressedSize = v;
      }
      if (entry.localHeaderOffset === 0xffffffff) {
        const v = take();
        if (v === undefined) return false;
        entry.localHeaderOffset = v;
      }
    }
    at = body + length;
  }
  return true;
}

/** Lists the entries of a zip archive from its central directory, in directory order. */
export function readZipEntries(bytes: Uint8Array): Result<ZipEntry[]> {
  if (bytes.length < END_RECORD_SIZE) return fail('zip: not a valid zip file');
  const dv = view(bytes);
  const endAt = findEndRecord(bytes, dv);
  if (endAt < 0) return fail('zip: not a valid zip file');
  const directory = readDirectoryLocation(bytes, dv, endAt);
  if (typeof directory === 'string') return fail(directory);

  const entries: ZipEntry[] = [];
  const directoryEnd = directory.offset + directory.size;
  let at = directory.offset;
  while (at + 46 <= directoryEnd && dv.getUint32(at, true) === CENTRAL_HEADER_SIG) {
    const madeBy = dv.getUint16(at + 4, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > directoryEnd) return fail('zip: not a valid zip file (truncated directory)');
    const nameBytes = bytes.subarray(nameStart, extraStart);
    const externalAttributes = dv.getUint32(at + 38, true);
    const entry: ZipEntry = {
      name: utf8Decoder.decode(nameBytes),
      nameBytes,
      flags: dv.getUint16(at + 8, true),
      method: dv.getUint16(at + 10, true),
      crc32: dv.getUint32(at + 16, true),
      compressedSize: dv.getUint32(at + 20, true),
      uncompressedSize: dv.getUint32(at + 24, true),
      localHeaderOffset: dv.getUint32(at + 42, true),
      unixMode: madeBy >> 8 === 3 ? externalAttributes >>> 16 : undefined,
    };
    if (!applyZip64Extra(entry, dv, extraStart, extraStart + extraLength)) {
      return { ok: false, error: `zip: not a valid zip file (bad zip64 field for ${entry.name})` };
    }
    entries.push(entry);
    at = next;
  }
  // The 16-bit count wraps for huge archives written without zip64, so only a shortfall is an error
  // (archive/zip is just as lenient).
  if (entries.length < directory.count) {
    return fail('zip: not a valid zip file (fewer entries than the directory claims)');
  }
  return ok(entries);
}

/**
 * The uncompressed bytes of one entry, checked against its declared size and CRC-32.
 * Inflation stops one byte past the declared size, so a lying header cannot blow up memory.
 */
export function readZipEntryData(bytes: Uint8Array, entry: ZipEntry): Result<Uint8Array> {
  const name = entry.name;
  if (entry.flags & FLAG_ENCRYPTED)
    return { ok: false, error: `zip: ${name}: encrypted entries are not supported` };
  const at = entry.localHeaderOffset;
  if (!Number.isFinite(at) || at + 30 > bytes.length) {
    return { ok: false, error: `zip: ${name}: local header out of bounds` };
  }
  const dv = view(bytes);
  if (dv.getUint32(at, true) !== LOCAL_HEADER_SIG)
    return { ok: false, error: `zip: ${name}: bad local header` };
  const dataStart = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (!Number.isFinite(dataEnd) || dataEnd > bytes.length) {
    return { ok: false, error: `zip: ${name}: data out of bounds` };
  }
  const raw = bytes.subarray(dataStart, dataEnd);
  let data: Uint8Array;
  if (entry.method === METHOD_STORE) {
    data = raw;
  } else if (entry.method === METHOD_DEFLATE) {
    try {
      data = inflateRawSync(raw, {
        maxOutputLength: Math.max(1, Math.min(entry.uncompressedSize + 1, 2 ** 31 - 1)),
      });
    } catch (err) {
      const tooBig = err instanceof RangeError;
      return {
        ok: false,
        error: tooBig
          ? `zip: ${name}: uncompressed data is larger than declared size (${entry.uncompressedSize} bytes)`
          : `zip: ${name}: corrupt deflate data`,
      };
    }
  } else {
    return { ok: false, error: `zip: ${name}: unsupported compression algorithm ${entry.method}` };
  }
  if (data.length !== entry.uncompressedSize) {
    return {
      ok: false,
      error: `zip: ${name}: uncompressed size ${data.length} differs from declared size ${entry.uncompressedSize}`,
    };
  }
  if (crc32(data) !== entry.crc32) return { ok: false, error: `zip: ${name}: checksum error` };
  return ok(data);
}

export interface ZipWriterEntry {
  name: string;
  data: Uint8Array;
  /** Store instead of deflate. Defaults to deflate. */
  store?: boolean;
}

// 1980-01-01 00:00:00, the earliest DOS date, so that archives never depend on the clock.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MADE_BY_UNIX = (3 << 8) | 20;
const VERSION_NEEDED = 20;
const VERSION_NEEDED_ZIP64 = 45;
const FILE_MODE = 0o100644;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Writes a zip archive holding the entries in the order given, byte-for-byte deterministic:
 * fixed timestamp and attributes, sizes in the local headers (no data descriptors), zip64 end
 * records only when there are more than 65534 entries.
 */
export function writeZip(entries: readonly ZipWriterEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const nameBytes = encoder.encode(entry.name);
    const compressed = entry.store ? entry.data : deflateRawSync(entry.data);
    const method = entry.store ? METHOD_STORE : METHOD_DEFLATE;
    const flags = isAscii(entry.name) ? 0 : FLAG_UTF8;
    const crc = crc32(entry.data);

    const local = new Uint8Array(30 + nameBytes.length);
    const ldv = view(local);
    ldv.setUint32(0, LOCAL_HEADER_SIG, true);
    ldv.setUint16(4, VERSION_NEEDED, true);
    ldv.setUint16(6, flags, true);
    ldv.setUint16(8, method, true);
    ldv.setUint16(10, DOS_TIME, true);
    ldv.setUint16(12, DOS_DATE, true);
    ldv.setUint32(14, crc, true);
    ldv.setUint32(18, compressed.length, true);
    ldv.setUint32(22, entry.data.length, true);
    ldv.setUint16(26, nameBytes.length, true);
    ldv.setUint16(28, 0, true);
    local.set(nameBytes, 30);

    const header = new Uint8Array(46 + nameBytes.length);
    const cdv = view(header);
    cdv.setUint32(0, CENTRAL_HEADER_SIG, true);
    cdv.setUint16(4, MADE_BY_UNIX, true);
    cdv.setUint16(6, VERSION_NEEDED, true);
    cdv.setUint16(8, flags, true);
    cdv.setUint16(10, method, true);
    cdv.setUint16(12, DOS_TIME, true);
    cdv.setUint16(14, DOS_DATE, true);
    cdv.setUint32(16, crc, true);
    cdv.setUint32(20, compressed.length, true);
    cdv.setUint32(24, entry.data.length, true);
    cdv.setUint16(28, nameBytes.length, true);
    cdv.setUint32(38, (FILE_MODE << 16) >>> 0, true);
    cdv.setUint32(42, offset, true);
    header.set(nameBytes, 46);

    chunks.push(local, compressed);
    central.push(header);
    offset += local.length + compressed.length;
  }

  const directoryOffset = offset;
  let directorySize = 0;
  for (const header of central) {
    chunks.push(header);
    directorySize += header.length;
  }
  const needsZip64 = entries.length >= 0xffff;
  if (needsZip64) {
    const record = new Uint8Array(56 + 20);
    const rdv = view(record);
    rdv.setUint32(0, ZIP64_END_SIG, true);
    rdv.setBigUint64(4, 44n, true);
    rdv.setUint16(12, MADE_BY_UNIX, true);
    rdv.setUint16(14, VERSION_NEEDED_ZIP64, true);
    rdv.setBigUint64(24, BigInt(entries.length), true);
    rdv.setBigUint64(32, BigInt(entries.length), true);
    rdv.setBigUint64(40, BigInt(directorySize), true);
    rdv.setBigUint64(48, BigInt(directoryOffset), true);
    rdv.setUint32(56, ZIP64_LOCATOR_SIG, true);
    rdv.setBigUint64(64, BigInt(directoryOffset + directorySize), true);
    rdv.setUint32(72, 1, true);
    chunks.push(record);
  }
  const end = new Uint8Array(END_RECORD_SIZE);
  const edv = view(end);
  edv.setUint32(0, END_SIG, true);
  const shortCount = needsZip64 ? 0xffff : entries.length;
  edv.setUint16(8, shortCount, true);
  edv.setUint16(10, shortCount, true);
  edv.setUint32(12, directorySize, true);
  edv.setUint32(16, directoryOffset, true);
  chunks.push(end);

  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
