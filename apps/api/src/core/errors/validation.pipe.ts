import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppException, ErrorCode } from './error-codes';

function flatten(errors: ValidationError[], prefix = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: [...new Set(Object.values(e.constraints))] }] : [];
    return own.concat(flatten(e.children ?? [], field));
  });
}

/** Global DTO validation: unknown fields are rejected, and the answer names each bad field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const summary = details.map((d) => `${d.field}: ${d.problems.join('; ')}`).join('；');
      return new AppException(ErrorCode.VALIDATION_FAILED, `请求参数有误：${summary}`, details);
    },
  });
}
