import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import type { MonitoringWindowInput, OpenFiscalYearRequest, ReopenWindowRequest, UpdateMonitoringWindowsRequest } from '@jixiao/contracts';
import { Period, PERIODS } from '@jixiao/domain';
import { NestedObjects } from '../../core/dto/nested';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One round's 填报时间. */
export class MonitoringWindowDto implements MonitoringWindowInput {
  @ApiProperty({ enum: PERIODS, enumName: 'Period', example: 'M7' })
  @IsIn(PERIODS as unknown as string[], { message: '监控期须为 Q1、Q2、Q3、Q4、M7、M9 或 Y' })
  period: Period;

  @ApiProperty({ example: '2025-08-01', description: '开始填报日期（含当日）' })
  @Matches(DATE, { message: '开始日期须写作 YYYY-MM-DD，如 2025-08-01' })
  opensOn: string;

  @ApiProperty({ example: '2025-08-21', description: '截止日期（含当日）' })
  @Matches(DATE, { message: '截止日期须写作 YYYY-MM-DD，如 2025-08-21' })
  closesOn: string;
}

/** 开启预算年度. */
export class OpenFiscalYearDto implements OpenFiscalYearRequest {
  @ApiProperty({ example: 2025 })
  @Type(() => Number)
  @IsInt({ message: '预算年度须为整数年份' })
  @Min(2000, { message: '预算年度须在 2000 到 2100 之间' })
  @Max(2100, { message: '预算年度须在 2000 到 2100 之间' })
  year: number;

  @ApiPropertyOptional({ type: [MonitoringWindowDto], description: '各监控期填报时间；不填按全国通行安排（每期结束后三周，自评一季度）' })
  @IsOptional()
  @IsArray({ message: 'windows 须为数组' })
  @ArrayMaxSize(7, { message: '每个监控期只填一次，共 7 个' })
  @NestedObjects(() => MonitoringWindowDto, 'windows')
  windows?: MonitoringWindowDto[];
}

/** 修改填报时间: every round at once. */
export class UpdateMonitoringWindowsDto implements UpdateMonitoringWindowsRequest {
  @ApiProperty({ type: [MonitoringWindowDto] })
  @IsArray({ message: 'windows 须为数组' })
  @ArrayMaxSize(7, { message: '每个监控期只填一次，共 7 个' })
  @NestedObjects(() => MonitoringWindowDto, 'windows')
  windows: MonitoringWindowDto[];
}

/** 重新开放填报 for one organization. */
export class ReopenWindowDto implements ReopenWindowRequest {
  @ApiProperty({ format: 'uuid', description: '单位、部门或财政局（其下所有单位）' })
  @IsUUID('all', { message: 'organizationId 须为单位编号（UUID）' })
  organizationId: string;

  @ApiProperty({ example: '2025-09-15', description: '重新开放至（含当日）' })
  @Matches(DATE, { message: '重新开放截止日期须写作 YYYY-MM-DD，如 2025-09-15' })
  until: string;

  @ApiProperty({ example: '单位负责人出差，延期补报', description: '理由，2–500 个字' })
  @IsString({ message: '理由须为文字' })
  @MaxLength(2000, { message: '理由不能超过 500 个字' })
  reason: string;
}
