/**
 * What an uploaded file is, from its bytes, before exceljs is let near it: an .xlsx is a zip
 * (`PK\x03\x04`); an encrypted workbook — and an old .xls — is an OLE compound file (`D0 CF 11 E0`);
 * anything else is refused. The zip's central directory gives the uncompressed size of every part,
 * so a zip bomb is refused before it is inflated.
 */
import { inflateRawSync } from 'node:zlib';
import { AppException, ErrorCode } from '../../core/errors/error-codes';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

function startsWith(buffer: Buffer, magic: number[]): boolean {
  return buffer.length >= magic.length && magic.every((byte, i) => buffer[i] === byte);
}

/** A part of the zip, as its central directory lists it. */
interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

/** Refuses what is not a readable .xlsx; returns the parts its zip lists. */
export function checkXlsxEnvelope(buffer: Buffer, maxUncompressedBytes: number): ZipEntry[] {
  if (startsWith(buffer, CFB_MAGIC)) {
    const encrypted = buffer.includes(Buffer.from('EncryptionInfo', 'utf16le'));
    throw new AppException(
      ErrorCode.XLSX_ENCRYPTED,
      encrypted
        ? '工作簿已加密（设置了打开密码），无法读取：请在 Excel 中取消密码后另存为 .xlsx 再上传 / encrypted workbook'
        : '文件是旧版 Excel 97-2003 工作簿（.xls）或其他 OLE 文件，无法读取：请在 Excel 中另存为 .xlsx 再上传 / legacy .xls or OLE file',
    );
  }
  if (!startsWith(buffer, ZIP_MAGIC)) {
    throw new AppException(ErrorCode.XLSX_NOT_WORKBOOK, '文件不是 Excel 工作簿（.xlsx）：请上传 .xlsx 文件 / not an xlsx file');
  }
  return zipEntries(buffer, maxUncompressedBytes);
}

function corrupt(detail: string): AppException {
  return new AppException(ErrorCode.XLSX_CORRUPT, `工作簿文件已损坏（压缩包结构不完整），无法读取：请重新导出或另存后再上传 / corrupt zip: ${detail}`);
}

/** The central directory's entries; refuses a broken directory or too much data once inflated. */
function zipEntries(buffer: Buffer, maxUncompressedBytes: number): ZipEntry[] {
  const searchFrom = Math.max(0, buffer.length - 22 - 0xffff);
  let eocd = -1;
  for (let at = buffer.length - 22; at >= searchFrom; at--) {
    if (buffer.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no end of central directory');
  const entries = buffer.readUInt16LE(eocd + 10);
  const directorySize = buffer.readUInt32LE(eocd + 12);
  let at = buffer.readUInt32LE(eocd + 16);
  if (at + directorySize > eocd || entries === 0) throw corrupt('central directory out of bounds');
  let total = 0;
  const found: ZipEntry[] = [];
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw corrupt(`bad central directory entry ${i}`);
    const nameLength = buffer.readUInt16LE(at + 28);
    found.push({
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
      method: buffer.readUInt16LE(at + 10),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      localHeader: buffer.readUInt32LE(at + 42),
    });
    total += buffer.readUInt32LE(at + 24);
    if (total > maxUncompressedBytes) {
      throw new AppException(
        ErrorCode.XLSX_TOO_LARGE,
        `工作簿解压后超过 ${Math.round(maxUncompressedBytes / 1024 / 1024)} MB，过大，无法读取：请拆分后再上传 / uncompressed size over the limit`,
      );
    }
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return found;
}

/**
 * Refuses a worksheet whose merged ranges cover more than `maxCells` cells: exceljs makes a cell of
 * every merged one while it loads (a merge of A1:Z20000 costs 4 s and 230 MB), so a tiny file with a
 * merge over a whole sheet would exhaust the server. Reads only the `<mergeCell ref>`s of each sheet.
 */
export function checkMergedAreas(buffer: Buffer, entries: ZipEntry[], maxCells: number): void {
  for (const entry of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const xml = inflateEntry(buffer, entry).toString('utf8');
    let area = 0;
    for (const match of xml.matchAll(/<mergeCell\s+ref="\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})"/g)) {
      area += (Math.abs(Number(match[4]) - Number(match[2])) + 1) * (Math.abs(columnNumber(match[3]) - columnNumber(match[1])) + 1);
      if (area > maxCells) {
        throw new AppException(ErrorCode.XLSX_TOO_LARGE, `工作簿的合并单元格覆盖超过 ${maxCells} 个单元格，过大，无法读取：请取消整行整列的合并后再上传 / merged area over the limit`);
      }
    }
  }
}

function inflateEntry(buffer: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeader;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== 0x04034b50) throw corrupt(`bad local header of ${entry.name}`);
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const data = buffer.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw corrupt(`compression method ${entry.method} of ${entry.name}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
  } catch (error) {
    throw corrupt(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function columnNumber(letters: string): number {
  return letters.split('').reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}
