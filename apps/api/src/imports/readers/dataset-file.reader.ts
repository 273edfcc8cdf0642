import { Injectable } from '@nestjs/common';
import { DATASET_FORMAT, DatasetReading } from '@jixiao/contracts';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import type { DatasetReader, ReaderInput } from './dataset-reader';

/**
 * Reads a `jixiao.dataset/v1` file (the interchange format's own JSON) as one dataset. The file must be
 * UTF-8 JSON whose `format` is the interchange format's; everything else about it is judged by the
 * preview (validateDataset, the money rules), so a file with mistakes still shows where they are.
 */
@Injectable()
export class DatasetFileReader implements DatasetReader {
  read(input: ReaderInput): Promise<DatasetReading> {
    if (input.kind !== 'file') throw new Error('DatasetFileReader reads files');
    const text = decodeUtf8(input.buffer);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new AppException(
        ErrorCode.IMPORT_FILE_UNREADABLE,
        `文件「${input.fileName}」不是合法的 JSON：${e instanceof Error ? e.message : String(e)} / not JSON`,
      );
    }
    const format = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>)['format'] : undefined;
    if (format !== DATASET_FORMAT) {
      throw new AppException(
        ErrorCode.IMPORT_FILE_TYPE,
        `文件「${input.fileName}」不是 ${DATASET_FORMAT} 数据文件（format 字段应为 "${DATASET_FORMAT}"）/ not a dataset file`,
      );
    }
    // as read: the preview validates it and reports every mistake with its path
    return Promise.resolve({ datasets: [{ dataset: parsed as DatasetReading['datasets'][number]['dataset'], origins: [] }], problems: [] });
  }
}

/** UTF-8 text of a file (a byte-order mark dropped); a file that is not UTF-8 is refused. */
function decodeUtf8(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw new AppException(ErrorCode.IMPORT_FILE_UNREADABLE, '文件不是 UTF-8 编码的文本，请以 UTF-8 保存后重新上传 / not UTF-8');
  }
}
