import { AppException, ErrorCode } from '../../core/errors/error-codes';
import type { DatasetReader } from './dataset-reader';

/**
 * The reader of a route whose reader is not in this build yet (the xlsx and published-text readers of
 * issue 11 are written separately): the route answers 501 IMPORT_READER_UNAVAILABLE, never a made-up
 * reading. Wiring the real reader in is replacing this provider in imports.module.ts.
 */
export class UnavailableReader implements DatasetReader {
  constructor(private readonly what: string) {}

  read(): Promise<never> {
    return Promise.reject(new AppException(ErrorCode.IMPORT_READER_UNAVAILABLE, `此版本尚不能读取${this.what}，请改用 jixiao.dataset/v1 数据文件导入 / reader not available`));
  }
}
