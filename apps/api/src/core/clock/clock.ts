import { Injectable } from '@nestjs/common';
import { beijingToday } from '@jixiao/domain';

/**
 * The one clock of the API: what time it is, and today's date in 北京时间 (Asia/Shanghai), which every
 * date rule uses (monitoring windows, reopenings). Injected, so a test can set "today":
 * `jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2025-09-01T02:00:00Z'))`.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today in 北京时间, 'YYYY-MM-DD'. */
  today(): string {
    return beijingToday(this.now());
  }
}
