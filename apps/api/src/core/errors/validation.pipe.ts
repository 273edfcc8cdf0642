import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppException, ErrorCode } from './error-codes';

const CJK = /[\u3400-\u9fff]/;

/** The number in class-validator's English message ("must not be less than 0" → "0"). */
const numberIn = (english: string): string => /(-?\d+(?:\.\d+)?)/.exec(english)?.[1] ?? '';
/** The values listed after "one of the following values:". */
const valuesIn = (english: string): string => english.split(':').slice(1).join(':').trim().split(/,\s*/).join('、');

/**
 * class-validator's constraints in Chinese. A DTO's own message in Chinese is kept as written; the
 * library's English defaults are replaced here and go to the logs only.
 */
const CHINESE: Record<string, (english: string) => string> = {
  whitelistValidation: () => '不是可接受的字段',
  isDefined: () => '必须填写',
  isNotEmpty: () => '不能为空',
  isString: () => '须为文字',
  isInt: () => '须为整数',
  isNumber: () => '须为数字',
  isBoolean: () => '须为 true 或 false',
  isArray: () => '须为数组',
  isObject: () => '须为对象',
  nestedValidation: () => '须为对象或数组',
  isUUID: () => '须为编号（UUID）',
  isIn: (english) => `须为以下之一：${valuesIn(english)}`,
  isEnum: (english) => `须为以下之一：${valuesIn(english)}`,
  min: (english) => `不能小于 ${numberIn(english)}`,
  max: (english) => `不能大于 ${numberIn(english)}`,
  minLength: (english) => `至少 ${numberIn(english)} 个字`,
  maxLength: (english) => `最多 ${numberIn(english)} 个字`,
  arrayNotEmpty: () => '至少须有一项',
  arrayMinSize: (english) => `至少 ${numberIn(english)} 项`,
  arrayMaxSize: (english) => `最多 ${numberIn(english)} 项`,
  matches: () => '格式不正确',
  isDateString: () => '须为日期（YYYY-MM-DD）',
  isIso8601: () => '须为日期（YYYY-MM-DD）',
  isPositive: () => '须大于 0',
};

interface FieldProblems {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; problems: string[]; english: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const constraints = Object.entries(e.constraints ?? {});
    const problems = constraints.map(([name, message]) => (CJK.test(message) ? message : (CHINESE[name]?.(message) ?? '取值不符合要求')));
    const english = constraints.map(([, message]) => message).filter((message) => !CJK.test(message));
    const own = constraints.length > 0 ? [{ field, problems: [...new Set(problems)], english }] : [];
    return own.concat(flatten(e.children ?? [], field));
  });
}

/**
 * Global DTO validation: unknown fields are rejected, and the answer names each bad field in Chinese
 * (`请求参数有误：field：problem`); class-validator's English reaches the logs only (AppException's gloss).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const flat = flatten(errors);
      const details: FieldProblems[] = flat.map(({ field, problems }) => ({ field, problems }));
      const summary = details.map((d) => `${d.field}：${d.problems.join('；')}`).join('；');
      const english = flat.flatMap((d) => d.english).join('; ');
      const gloss = english !== '' && !CJK.test(english) ? ` / ${english}` : '';
      return new AppException(ErrorCode.VALIDATION_FAILED, `请求参数有误：${summary}${gloss}`, details);
    },
  });
}
