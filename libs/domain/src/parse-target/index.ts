// Target text parsing (指标值解析): `parseTarget` and its warning codes.
export { parseTarget } from './parse-target';
export { PARSE_WARNING_CODES } from './warning-codes';
export type { ParseWarningCode } from './warning-codes';
