import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import type { SelfAssessmentExportFormat, StartSelfAssessmentExportRequest } from '@jixiao/contracts';
import { FiscalYearQueryDto } from '../../core/dto/fiscal-year-query.dto';

export const SELF_ASSESSMENT_EXPORT_FORMATS: readonly SelfAssessmentExportFormat[] = ['xlsx', 'pdf'];

export class StartSelfAssessmentExportDto extends FiscalYearQueryDto implements StartSelfAssessmentExportRequest {
  @ApiPropertyOptional({ enum: SELF_ASSESSMENT_EXPORT_FORMATS, enumName: 'SelfAssessmentExportFormat', isArray: true, description: '每张自评表导出的格式；默认 xlsx 与 pdf 都导出' })
  @IsOptional()
  @IsArray({ message: 'formats 须为数组，如 ["xlsx", "pdf"]' })
  @ArrayNotEmpty({ message: 'formats 至少包含一种格式' })
  @ArrayUnique({ message: 'formats 不能重复' })
  @IsIn(SELF_ASSESSMENT_EXPORT_FORMATS as unknown as string[], { each: true, message: 'formats 的每一项须为 xlsx 或 pdf' })
  formats?: SelfAssessmentExportFormat[];

  @ApiPropertyOptional({ format: 'uuid', description: '导出地区（财政局）；默认本人所在财政局，管理员必填' })
  @IsOptional()
  @IsUUID('all', { message: '机构编号格式不正确' })
  organizationId?: string;
}
