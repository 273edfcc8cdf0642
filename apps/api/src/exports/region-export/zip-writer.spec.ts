import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { readZipEntry, zipEntryNames } from '../../reports/testing/zip';
import { dosDateTime, ZipWriter } from './zip-writer';

/** The archive a ZipWriter writes to a PassThrough, collected. */
async function zipOf(entries: [string, Buffer][]): Promise<{ zip: Buffer; bytes: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const sut = new ZipWriter(out);
  for (const [name, data] of entries) await sut.add(name, data, new Date('2025-03-04T05:06:08Z'));
  const bytes = await sut.finish();
  return { zip: Buffer.concat(chunks), bytes };
}

describe(ZipWriter.name, () => {
  it('writes entries with UTF-8 Chinese names that read back byte for byte, deflated or stored', async () => {
    const text = Buffer.from('绩效自评表'.repeat(500), 'utf8'); // compresses well: deflated
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)); // incompressible enough: either way
    const { zip, bytes } = await zipOf([
      ['神木市2025年度绩效自评汇总表.xlsx', text],
      ['神木县教育局/医保重点工作经费-2025年度绩效自评表.pdf', random],
      ['empty.txt', Buffer.alloc(0)],
    ]);
    expect(bytes).toBe(zip.length);
    expect(zipEntryNames(zip)).toEqual(['神木市2025年度绩效自评汇总表.xlsx', '神木县教育局/医保重点工作经费-2025年度绩效自评表.pdf', 'empty.txt']);
    expect(readZipEntry(zip, '神木市2025年度绩效自评汇总表.xlsx').equals(text)).toBe(true);
    expect(readZipEntry(zip, '神木县教育局/医保重点工作经费-2025年度绩效自评表.pdf').equals(random)).toBe(true);
    expect(readZipEntry(zip, 'empty.txt').length).toBe(0);
    expect(zip.readUInt16LE(6) & 0x0800).toBe(0x0800); // the first local header says: UTF-8 names
    expect(zip.readUInt16LE(8)).toBe(8); // the text is deflated
    expect(zip.length).toBeLessThan(text.length);
  });

  it('is accepted by Info-ZIP unzip, CRCs checked (unzip -t), names in UTF-8', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-writer-'));
    try {
      const path = join(dir, 'a.zip');
      const sut = new ZipWriter(createWriteStream(path));
      await sut.add('部门甲/项目一-2025年度绩效自评表.xlsx', Buffer.from('x'.repeat(10_000)));
      await sut.add('部门甲/项目二-2025年度绩效自评表.pdf', Buffer.from('%PDF-1.7 …'));
      const bytes = await sut.finish();
      expect(statSync(path).size).toBe(bytes);
      const report = execFileSync('unzip', ['-t', path], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
      expect(report).toContain('No errors detected');
      expect(report).toContain('部门甲/项目一-2025年度绩效自评表.xlsx');
      expect(readFileSync(path).subarray(0, 4).readUInt32LE(0)).toBe(0x04034b50);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes ZIP64 end records past 65,535 entries, and unzip lists every entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-writer-'));
    try {
      const path = join(dir, 'many.zip');
      const sut = new ZipWriter(createWriteStream(path));
      const count = 65_540;
      for (let i = 0; i < count; i += 1) await sut.add(`d${i % 10}/${i}.txt`, Buffer.from(String(i)));
      await sut.finish();
      const zip = readFileSync(path);
      expect(zip.readUInt16LE(zip.length - 22 + 10)).toBe(0xffff); // the classic record says: see ZIP64
      expect(zip.readUInt32LE(zip.length - 22 - 20)).toBe(0x07064b50); // the ZIP64 locator
      const listing = execFileSync('unzip', ['-l', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(listing.trim().split('\n').at(-1)).toMatch(new RegExp(`\\s${count} files$`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses duplicate, absolute and climbing names, and adding after the end', async () => {
    const sut = new ZipWriter(new PassThrough().resume());
    await sut.add('a/b.xlsx', Buffer.from('1'));
    await expect(sut.add('a/b.xlsx', Buffer.from('2'))).rejects.toThrow('duplicate zip entry');
    await expect(sut.add('/etc/x', Buffer.from('2'))).rejects.toThrow('bad zip entry name');
    await expect(sut.add('a/../../x', Buffer.from('2'))).rejects.toThrow('bad zip entry name');
    await sut.finish();
    await expect(sut.add('c', Buffer.from('3'))).rejects.toThrow('zip already finished');
  });

  it('waits for the stream to drain instead of buffering the archive', async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    const sut = new ZipWriter(out); // random bytes below: incompressible, 64 KiB to write into a 1 KiB buffer
    let settled = false;
    const adding = sut.add('big.bin', randomBytes(64 * 1024)).then(() => {
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false); // nobody reads: the writer waits
    out.resume();
    await adding;
    expect(settled).toBe(true);
  });
});

describe(dosDateTime.name, () => {
  it('encodes Beijing time (UTC+8) in MS-DOS fields', () => {
    const { time, date } = dosDateTime(new Date('2025-03-04T17:06:08Z')); // 2025-03-05 01:06:08 in Beijing
    expect({ year: (date >> 9) + 1980, month: (date >> 5) & 15, day: date & 31 }).toEqual({ year: 2025, month: 3, day: 5 });
    expect({ hour: time >> 11, minute: (time >> 5) & 63, second: (time & 31) * 2 }).toEqual({ hour: 1, minute: 6, second: 8 });
  });
});
