import { Pipe, PipeTransform } from '@angular/core';
import { BeijingTimePrecision, formatBeijingTime } from '@jixiao/domain';

/**
 * `{{ event.occurredAt | beijingTime }}`: every time shown in the app (操作日志, 计算于, 退回意见,
 * 确认理由) in 北京时间, whatever the browser's time zone; '—' when there is none.
 */
@Pipe({ name: 'beijingTime' })
export class BeijingTimePipe implements PipeTransform {
  transform(instant: string | null | undefined, precision: BeijingTimePrecision = 'minute'): string {
    return instant === null || instant === undefined || instant === '' ? '—' : formatBeijingTime(instant, precision);
  }
}
