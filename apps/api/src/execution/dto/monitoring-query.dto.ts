import { ApiProperty } from '@nestjs/swagger';
import type { Period } from '@jixiao/domain';
import { IsIn } from 'class-validator';
import { FiscalYearQueryDto } from '../../core/dto/fiscal-year-query.dto';
import type { MonitoringQuery } from '@jixiao/contracts';

export class MonitoringQueryDto extends FiscalYearQueryDto implements MonitoringQuery {
  @ApiProperty({ enum: ['Q1', 'Q2', 'Q3', 'Q4', 'M7', 'M9', 'Y'], example: 'M7' })
  @IsIn(['Q1', 'Q2', 'Q3', 'Q4', 'M7', 'M9', 'Y'], { message: '监控期须为 Q1、Q2、Q3、Q4、M7、M9 或 Y' })
  period: Period;
}
