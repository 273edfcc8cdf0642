import type { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const UTF8_NAMES = 0x0800; // general purpose bit 11: the names are UTF-8 (Chinese folder and file names)
const STORED = 0;
const DEFLATED = 8;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

/**
 * A zip archive written as it goes to a stream (a file), entry by entry: only the central
 * directory (about 100 bytes per entry) stays in memory, whatever the archive's size.
 *
 * Each entry is a whole Buffer (a rendered xlsx or PDF), so its CRC-32 and sizes are known before
 * its local header is written: no data descriptors are needed. Entries are deflated (in the
 * thread pool, off the event loop) and stored as they are when deflating does not make them
 * smaller (xlsx and PDF are compressed already). Names carry the UTF-8 flag. ZIP64 records are
 * written when the archive passes 65,535 entries or 4 GiB of offsets; an entry is at most 4 GiB.
 */
export class ZipWriter {
  private readonly central: Buffer[] = [];
  private readonly names = new Set<string>();
  private offset = 0;
  private finished = false;

  constructor(private readonly out: Writable) {}

  /** Entries added so far. */
  get entries(): number {
    return this.central.length;
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.offset;
  }

  async add(name: string, data: Buffer, modified: Date = new Date()): Promise<void> {
    if (this.finished) throw new Error('zip already finished');
    if (name.length === 0 || name.startsWith('/') || name.split('/').includes('..')) throw new Error(`bad zip entry name: ${name}`);
    if (this.names.has(name)) throw new Error(`duplicate zip entry: ${name}`);
    if (data.length > MAX_32) throw new Error(`zip entry too large: ${name}`);
    this.names.add(name);
    const nameBytes = Buffer.from(name, 'utf8');
    if (nameBytes.length > MAX_16) throw new Error(`zip entry name too long: ${name}`);
    const deflated = await deflate(data);
    const [method, body] = deflated.length < data.length ? [DEFLATED, deflated] : [STORED, data];
    const crc = crc32(data) >>> 0;
    const { time, date } = dosDateTime(modified);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);

    const headerOffset = this.offset;
    const zip64Offset = headerOffset >= MAX_32;
    const extra = zip64Offset ? Buffer.alloc(12) : Buffer.alloc(0);
    if (zip64Offset) {
      extra.writeUInt16LE(0x0001, 0); // ZIP64 extended information: the local header's offset only
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(headerOffset), 4);
    }
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL_HEADER, 0);
    // made by: Unix (so that unzip tools do not read the names as a DOS code page), spec 2.0 (4.5 with ZIP64)
    entry.writeUInt16LE((3 << 8) | (zip64Offset ? 45 : 20), 4);
    entry.writeUInt16LE(zip64Offset ? 45 : 20, 6);
    entry.writeUInt16LE(UTF8_NAMES, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt16LE(extra.length, 30);
    // comment length, disk number, internal attributes: 0
    entry.writeUInt32LE(0o100644 * 0x10000, 38); // external attributes: a regular file, rw-r--r--
    entry.writeUInt32LE(zip64Offset ? MAX_32 : headerOffset, 42);
    this.central.push(Buffer.concat([entry, nameBytes, extra]));

    await this.write(Buffer.concat([local, nameBytes]));
    await this.write(body);
  }

  /** Writes the central directory and ends the stream; the archive's size in bytes. */
  async finish(): Promise<number> {
    if (this.finished) throw new Error('zip already finished');
    this.finished = true;
    const directoryOffset = this.offset;
    for (const entry of this.central) await this.write(entry);
    const directorySize = this.offset - directoryOffset;
    const count = this.central.length;
    const zip64 = count >= MAX_16 || directoryOffset >= MAX_32 || directorySize >= MAX_32;
    if (zip64) {
      const record = Buffer.alloc(56);
      record.writeUInt32LE(ZIP64_END_OF_CENTRAL_DIRECTORY, 0);
      record.writeBigUInt64LE(44n, 4); // the size of the rest of the record
      record.writeUInt16LE((3 << 8) | 45, 12);
      record.writeUInt16LE(45, 14);
      // this disk and the directory's disk: 0
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(directorySize), 40);
      record.writeBigUInt64LE(BigInt(directoryOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(ZIP64_LOCATOR, 0);
      locator.writeBigUInt64LE(BigInt(this.offset), 8); // where the ZIP64 record starts
      locator.writeUInt32LE(1, 16); // disks in all
      await this.write(Buffer.concat([record, locator]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(Math.min(count, MAX_16), 8);
    end.writeUInt16LE(Math.min(count, MAX_16), 10);
    end.writeUInt32LE(Math.min(directorySize, MAX_32), 12);
    end.writeUInt32LE(Math.min(directoryOffset, MAX_32), 16);
    await this.write(end);
    await new Promise<void>((resolve, reject) => {
      this.out.once('error', reject);
      this.out.end(() => resolve());
    });
    return this.offset;
  }

  /** Writes with the stream's backpressure: waits for 'drain' when its buffer is full. */
  private async write(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    if (this.out.write(chunk)) return;
    await new Promise<void>((resolve, reject) => {
      const onDrain = (): void => {
        this.out.off('error', onError);
        resolve();
      };
      const onError = (error: Error): void => {
        this.out.off('drain', onDrain);
        reject(error);
      };
      this.out.once('drain', onDrain);
      this.out.once('error', onError);
    });
  }
}

/** MS-DOS time and date of a moment, in UTC+8 (北京时间, what users' unzip tools show); 1980 at the earliest. */
export function dosDateTime(moment: Date): { time: number; date: number } {
  const beijing = new Date(moment.getTime() + 8 * 3600 * 1000);
  const year = Math.max(1980, beijing.getUTCFullYear());
  return {
    time: (beijing.getUTCHours() << 11) | (beijing.getUTCMinutes() << 5) | Math.floor(beijing.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((beijing.getUTCMonth() + 1) << 5) | beijing.getUTCDate(),
  };
}
