import { ErrorCode } from '@jixiao/contracts/api/error-codes';
import { HttpStatus } from '@nestjs/common';

/** The codes (libs/contracts): throw and compare `ErrorCode.X`, never the bare string (eslint.config.mjs). */
export { ErrorCode };

/** The HTTP status of every stable error code (libs/contracts): the one place codes meet HTTP. */
export const ERROR_HTTP_STATUS = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  MALFORMED_JSON: HttpStatus.BAD_REQUEST,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  AUTH_REQUIRED: HttpStatus.UNAUTHORIZED,
  AUTH_INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
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
  INDICATOR_NOT_IN_SHEET: HttpStatus.BAD_REQUEST,
  ACTUAL_INVALID: HttpStatus.BAD_REQUEST,
  EVALUATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  EVALUATION_BLOCKED: HttpStatus.UNPROCESSABLE_ENTITY,
  OVERRIDE_INVALID: HttpStatus.BAD_REQUEST,
  ORGANIZATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  REPORT_FONT_MISSING: HttpStatus.SERVICE_UNAVAILABLE,
  FISCAL_YEAR_NOT_FOUND: HttpStatus.NOT_FOUND,
  FISCAL_YEAR_EXISTS: HttpStatus.CONFLICT,
  FISCAL_YEAR_NOT_OPEN: HttpStatus.CONFLICT,
  MONITORING_WINDOW_CLOSED: HttpStatus.CONFLICT,
  PROJECT_NOT_FOUND: HttpStatus.NOT_FOUND,
  PROJECT_CODE_TAKEN: HttpStatus.CONFLICT,
  PROJECT_NOT_DELETABLE: HttpStatus.CONFLICT,
  SHEET_ALREADY_ROLLED_OVER: HttpStatus.CONFLICT,
  INTERNAL_ERROR: HttpStatus.INTERNAL_SERVER_ERROR,
} as const satisfies Record<ErrorCode, HttpStatus>;

/** A typed application error; the global filter turns it into an ApiErrorResponse. */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string, // Chinese first
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }

  get status(): HttpStatus {
    return ERROR_HTTP_STATUS[this.code];
  }
}
