import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import { HttpStatus } from '@nestjs/common';
import { splitUserMessage } from './user-message';

/** The codes (libs/contracts): throw and compare `ErrorCode.X`, never the bare string (eslint.config.mjs). */
export { ErrorCode };

/** The HTTP status of every stable error code (libs/contracts): the one place codes meet HTTP. */
export const ERROR_HTTP_STATUS = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  MALFORMED_JSON: HttpStatus.BAD_REQUEST,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  BODY_TOO_DEEP: HttpStatus.BAD_REQUEST,
  INVALID_CHARACTERS: HttpStatus.BAD_REQUEST,
  AUTH_REQUIRED: HttpStatus.UNAUTHORIZED,
  AUTH_INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  ACCESS_TOKEN_EXPIRED: HttpStatus.UNAUTHORIZED,
  SESSION_ENDED: HttpStatus.UNAUTHORIZED,
  REFRESH_TOKEN_INVALID: HttpStatus.UNAUTHORIZED,
  REFRESH_TOKEN_REUSED: HttpStatus.UNAUTHORIZED,
  ROLE_FORBIDDEN: HttpStatus.FORBIDDEN,
  OUTSIDE_SCOPE: HttpStatus.FORBIDDEN,
  ROUTE_NOT_FOUND: HttpStatus.NOT_FOUND,
  SHEET_NOT_FOUND: HttpStatus.NOT_FOUND,
  SHEET_LOCKED: HttpStatus.CONFLICT,
  SHEET_VERSION_CONFLICT: HttpStatus.CONFLICT,
  TRANSITION_NOT_ALLOWED: HttpStatus.CONFLICT,
  RETURN_COMMENT_REQUIRED: HttpStatus.BAD_REQUEST,
  FINDINGS_NOT_ACKNOWLEDGED: HttpStatus.BAD_REQUEST,
  DEPARTMENT_SHEET_ONLY: HttpStatus.BAD_REQUEST,
  DEPARTMENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  UNIT_NOT_FOUND: HttpStatus.NOT_FOUND,
  DATASET_INVALID: HttpStatus.BAD_REQUEST,
  DATASET_ALREADY_IMPORTED: HttpStatus.CONFLICT,
  DATASET_NOT_FOUND: HttpStatus.NOT_FOUND,
  JOB_NOT_FOUND: HttpStatus.NOT_FOUND,
  SHEET_NOT_APPROVED: HttpStatus.CONFLICT,
  EXPENDITURES_PROJECT_ONLY: HttpStatus.BAD_REQUEST,
  BASIC_BUDGET_MISSING: HttpStatus.CONFLICT,
  INDICATOR_NOT_IN_SHEET: HttpStatus.BAD_REQUEST,
  ACTUAL_INVALID: HttpStatus.BAD_REQUEST,
  ACTUAL_IMPLAUSIBLE: HttpStatus.BAD_REQUEST,
  EVALUATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  EVALUATION_BLOCKED: HttpStatus.UNPROCESSABLE_ENTITY,
  OVERRIDE_INVALID: HttpStatus.BAD_REQUEST,
  ORGANIZATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  REPORT_FONT_MISSING: HttpStatus.SERVICE_UNAVAILABLE,
  DISCLOSURE_PACK_EMPTY: HttpStatus.CONFLICT,
  EXPORT_NOTHING_EVALUATED: HttpStatus.CONFLICT,
  EXPORT_NOT_READY: HttpStatus.CONFLICT,
  EXPORT_NOT_FOUND: HttpStatus.NOT_FOUND,
  SCHEME_NOT_FOUND: HttpStatus.NOT_FOUND,
  SCHEME_INVALID: HttpStatus.BAD_REQUEST,
  SCHEME_VERSION_CONFLICT: HttpStatus.CONFLICT,
  FISCAL_YEAR_NOT_FOUND: HttpStatus.NOT_FOUND,
  FISCAL_YEAR_EXISTS: HttpStatus.CONFLICT,
  FISCAL_YEAR_NOT_OPEN: HttpStatus.CONFLICT,
  MONITORING_WINDOW_CLOSED: HttpStatus.CONFLICT,
  PROJECT_NOT_FOUND: HttpStatus.NOT_FOUND,
  PROJECT_CODE_TAKEN: HttpStatus.CONFLICT,
  PROJECT_NOT_DELETABLE: HttpStatus.CONFLICT,
  SHEET_ALREADY_ROLLED_OVER: HttpStatus.CONFLICT,
  INTERNAL_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
  RECORD_CONFLICT: HttpStatus.CONFLICT,
  CONCURRENT_UPDATE: HttpStatus.CONFLICT,
  EVALUATION_BUSY: HttpStatus.CONFLICT,
  DATABASE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  JOBS_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  LOGIN_THROTTLED: HttpStatus.TOO_MANY_REQUESTS,
  PASSWORD_CHANGE_REQUIRED: HttpStatus.FORBIDDEN,
  ACCOUNT_INACTIVE: HttpStatus.FORBIDDEN,
  PASSWORD_POLICY: HttpStatus.BAD_REQUEST,
  PASSWORD_INCORRECT: HttpStatus.BAD_REQUEST,
  USER_NOT_FOUND: HttpStatus.NOT_FOUND,
  USERNAME_TAKEN: HttpStatus.CONFLICT,
  ROLE_ORGANIZATION_MISMATCH: HttpStatus.BAD_REQUEST,
  LAST_ADMIN: HttpStatus.CONFLICT,
  SELF_ADMINISTRATION: HttpStatus.CONFLICT,
  ORGANIZATION_CODE_TAKEN: HttpStatus.CONFLICT,
  ORGANIZATION_NAME_TAKEN: HttpStatus.CONFLICT,
  ORGANIZATION_PLACEMENT: HttpStatus.BAD_REQUEST,
  ORGANIZATION_MOVE_INTO_ITSELF: HttpStatus.BAD_REQUEST,
  ORGANIZATION_HAS_DATA: HttpStatus.CONFLICT,
  ORGANIZATION_HAS_ACTIVE_USERS: HttpStatus.CONFLICT,
  ORGANIZATION_INACTIVE: HttpStatus.CONFLICT,
  XLSX_NOT_WORKBOOK: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  XLSX_ENCRYPTED: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  XLSX_CORRUPT: HttpStatus.BAD_REQUEST,
  XLSX_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  IMPORT_FILE_MISSING: HttpStatus.BAD_REQUEST,
  IMPORT_FILE_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  IMPORT_FILE_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  IMPORT_FILE_UNREADABLE: HttpStatus.BAD_REQUEST,
  IMPORT_PREVIEW_NOT_FOUND: HttpStatus.NOT_FOUND,
  IMPORT_PREVIEW_EXPIRED: HttpStatus.GONE,
  IMPORT_PREVIEW_COMMITTED: HttpStatus.CONFLICT,
  IMPORT_PREVIEW_HAS_ERRORS: HttpStatus.UNPROCESSABLE_ENTITY,
} as const satisfies Record<ErrorCode, HttpStatus>;

/**
 * A typed application error; the global filter turns it into an ApiErrorResponse. The message is
 * Chinese, optionally followed by " / English gloss": users get `userMessage` (Chinese only), the
 * logs get the whole `message`.
 */
export class AppException extends Error {
  /** What the user reads: the Chinese of the message. */
  readonly userMessage: string;
  /** The English gloss, for the logs only; null when the message had none. */
  readonly detail: string | null;

  constructor(
    readonly code: ErrorCode,
    message: string, // Chinese, optionally " / English" for the logs
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
    const split = splitUserMessage(message, '请求未能完成，请稍后重试');
    this.userMessage = split.chinese;
    this.detail = split.english;
  }

  get status(): HttpStatus {
    return ERROR_HTTP_STATUS[this.code];
  }
}
