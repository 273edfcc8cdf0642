/**
 * What an uploaded file is, from its bytes, before exceljs is let near it: an .xlsx is a zip
 * (`PK\x03\x04`); an encrypted workbook — and an old .xls — is an OLE compound file (`D0 CF 11 E0`);
 * anything else is refused. The zip's central directory gives the uncompressed size of every part,
 * so a zip bomb is refused before it is inflated.
 */
import { AppException, ErrorCode } from '../../core/errors/error-codes';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

function startsWith(buffer: Buffer, magic: number[]): boolean {
  return buffer.length >= magic.length && magic.every((byte, i) => buffer[i] === byte);
}

/** Refuses what is not a readable .xlsx; returns the total uncompressed size its zip declares. */
export function checkXlsxEnvelope(buffer: Buffer, maxUncompressedBytes: number): number {
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
  return declaredSize(buffer, maxUncompressedBytes);
}

function corrupt(detail: string): AppException {
  return new AppException(ErrorCode.XLSX_CORRUPT, `工作簿文件已损坏（压缩包结构不完整），无法读取：请重新导出或另存后再上传 / corrupt zip: ${detail}`);
}

/** Sums the uncompressed sizes of the central directory; refuses a broken directory or too much data. */
function declaredSize(buffer: Buffer, maxUncompressedBytes: number): number {
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
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw corrupt(`bad central directory entry ${i}`);
    total += buffer.readUInt32LE(at + 24);
    if (total > maxUncompressedBytes) {
      throw new AppException(
        ErrorCode.XLSX_TOO_LARGE,
        `工作簿解压后超过 ${Math.round(maxUncompressedBytes / 1024 / 1024)} MB，过大，无法读取：请拆分后再上传 / uncompressed size over the limit`,
      );
    }
    at += 46 + buffer.readUInt16LE(at + 28) + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return total;
}
