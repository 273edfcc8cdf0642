import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MAX_IMPORT_FILE_BYTES } from '@jixiao/contracts';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { AppException, ErrorCode } from '../../core/errors/error-codes';

/** An uploaded file as multer keeps it in memory (field `file`). */
export interface UploadedImportFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** Room for the multipart boundaries, part headers and the small text fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;
const LIMIT_MB = MAX_IMPORT_FILE_BYTES / 1024 / 1024;

export const tooLarge = () =>
  new AppException(ErrorCode.IMPORT_FILE_TOO_LARGE, `文件过大：不能超过 ${LIMIT_MB} MB / file larger than ${LIMIT_MB} MB`, { maxBytes: MAX_IMPORT_FILE_BYTES });

/**
 * The upload of an import route: one multipart/form-data file in field `file`, at most 20 MB, kept in
 * memory. A request that says it is larger (Content-Length) is refused with 413 before a byte of it is
 * read; one that does not say (chunked) is cut off by multer as soon as the file passes the limit — a 50 MB
 * upload is never buffered whole. Runs after the guards: nobody unauthenticated or without the role gets
 * this far. Errors keep the import's stable codes, in Chinese.
 */
@Injectable()
export class ImportFileInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor = new (FileInterceptor('file', {
    limits: { fileSize: MAX_IMPORT_FILE_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
  }))();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    const type = request.headers['content-type'] ?? '';
    if (!/^multipart\/form-data\s*;/i.test(type)) {
      throw new AppException(ErrorCode.IMPORT_FILE_TYPE, '请以 multipart/form-data 表单上传文件（字段 file）/ expected multipart/form-data');
    }
    const length = Number(request.headers['content-length']);
    if (Number.isFinite(length) && length > MAX_IMPORT_FILE_BYTES + MULTIPART_OVERHEAD) {
      request.resume(); // let the rest of the body drain unread, so the 413 reaches the client
      throw tooLarge();
    }
    try {
      return await this.multer.intercept(context, next);
    } catch (e) {
      throw uploadError(e);
    }
  }
}

function uploadError(e: unknown): unknown {
  if (e instanceof PayloadTooLargeException) return tooLarge();
  if (e instanceof UnsupportedMediaTypeException) {
    return new AppException(ErrorCode.IMPORT_FILE_TYPE, '请以 multipart/form-data 表单上传文件（字段 file）/ expected multipart/form-data');
  }
  if (e instanceof BadRequestException) {
    const cause = e.cause as { code?: string } | undefined;
    if (cause?.code === 'LIMIT_UNEXPECTED_FILE' || cause?.code === 'LIMIT_FILE_COUNT') {
      return new AppException(ErrorCode.IMPORT_FILE_MISSING, '请只上传一个文件，放在表单字段 file 中 / one file in field "file"');
    }
    return new AppException(ErrorCode.VALIDATION_FAILED, `上传的表单有误，请重新选择文件上传 / ${e.message}`);
  }
  return e;
}

/** The uploaded file, checked: present, not empty, of an accepted type (by its declared type or its name). */
export function requireFile(file: UploadedImportFile | undefined, accepted: { types: readonly string[]; extensions: readonly string[]; what: string }): UploadedImportFile {
  if (!file) throw new AppException(ErrorCode.IMPORT_FILE_MISSING, '请选择要导入的文件（表单字段 file）/ no file');
  if (file.size === 0) throw new AppException(ErrorCode.IMPORT_FILE_MISSING, `文件「${file.originalname}」是空的 / empty file`);
  const extension = /\.[^.]+$/.exec(file.originalname)?.[0]?.toLowerCase() ?? '';
  const type = file.mimetype.toLowerCase().split(';')[0]!.trim();
  const typeFits = accepted.types.includes(type);
  const generic = type === '' || type === 'application/octet-stream';
  if (!typeFits && !(generic && accepted.extensions.includes(extension))) {
    throw new AppException(
      ErrorCode.IMPORT_FILE_TYPE,
      `文件「${file.originalname}」的类型（${type || '未注明'}）不是${accepted.what} / unsupported file type`,
      { mimetype: type, accepted: accepted.types },
    );
  }
  return file;
}
