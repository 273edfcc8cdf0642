import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, Max, Min, ValidateIf } from 'class-validator';
import { SCHEME_PRESET_IDS, type SchemePresetId, type SheetKind, type UpdateScoringSchemeRequest } from '@jixiao/contracts';
import type { ScoringScheme } from '@jixiao/domain';
import { NestedObject } from '../../core/dto/nested';
import { IsOmittable } from '../../core/dto/omittable';

class SchemeCopySourceDto {
  @ApiProperty({ example: 2024 })
  @IsInt({ message: 'copyFrom.fiscalYear 必须是整数年份' })
  @Min(2000, { message: 'copyFrom.fiscalYear 须在 2000 到 2100 之间' })
  @Max(2100, { message: 'copyFrom.fiscalYear 须在 2000 到 2100 之间' })
  fiscalYear: number;

  @ApiProperty({ enum: ['project', 'department'] })
  @IsIn(['project', 'department'], { message: 'copyFrom.kind 须为 project（项目支出）或 department（部门整体支出）' })
  kind: SheetKind;
}

export class UpdateScoringSchemeDto implements UpdateScoringSchemeRequest {
  @ApiProperty({ nullable: true, example: 1, description: '修改所依据的版本（尚未配置时为 null）；他人已保存新版本时 409' })
  @ValidateIf((o: UpdateScoringSchemeDto) => o.baseVersion !== null)
  @IsInt({ message: 'baseVersion 须为版本号（整数）或 null' })
  @Min(1, { message: 'baseVersion 须为版本号（整数）或 null' })
  baseVersion: number | null;

  @ApiPropertyOptional({ description: '方案内容：name、budgetExecution、groups（key、label、aliases、points）、tierValues；分值合计须为 100' })
  @IsOmittable()
  @IsObject({ message: 'scheme 须为评分方案对象' })
  scheme?: ScoringScheme;

  @ApiPropertyOptional({ enum: SCHEME_PRESET_IDS, description: '从预设方案开始：national_project（财预〔2020〕10号）或 department_wide（含投入管理指标）' })
  @IsOmittable()
  @IsIn(SCHEME_PRESET_IDS, { message: 'preset 须为 national_project 或 department_wide' })
  preset?: SchemePresetId;

  @ApiPropertyOptional({ type: SchemeCopySourceDto, description: '复制本财政局另一年度或另一类目标表的现行方案' })
  @IsOmittable()
  @NestedObject(() => SchemeCopySourceDto, 'copyFrom')
  copyFrom?: SchemeCopySourceDto;
}
