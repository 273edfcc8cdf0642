import { AppException, ErrorCode } from '../../core/errors/error-codes';

/** 409 EVALUATION_BUSY: the sheet's evaluation collided twice with another one running (the region's run, a colleague's). */
export function evaluationBusy(): AppException {
  return new AppException(
    ErrorCode.EVALUATION_BUSY,
    '该目标表正在被其他评价同时计算（如本地区的批量评价），请稍后重试 / the evaluation deadlocked twice with another run',
  );
}
