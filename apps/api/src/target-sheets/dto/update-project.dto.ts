import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import type { RollOverRequest, UpdateProjectRequest } from '@jixiao/contracts';
import { FiscalYearQueryDto } from '../../core/dto/fiscal-year-query.dto';
import { ProjectAmountDto } from './create-project.dto';
import { NestedObject } from '../../core/dto/nested';
import { IsOmittable } from '../../core/dto/omittable';

/** 修改项目信息: the fields sent change, the others stay. */
export class UpdateProjectDto implements UpdateProjectRequest {
  @ApiProperty({ example: 1, description: '目标表的 rowVersion（编辑开始时读取），用于防止覆盖他人的修改' })
  @IsInt({ message: 'rowVersion 须为整数' })
  @Min(1)
  rowVersion: number;

  @ApiPropertyOptional({ example: '医保重点工作经费' })
  @IsOptional()
  @IsString({ message: '项目名称须为文字' })
  @MinLength(1, { message: '请填写项目名称' })
  @MaxLength(300, { message: '项目名称不能超过 300 个字' })
  name?: string;

  @ApiPropertyOptional({ example: '13063124P00424511361K', nullable: true })
  @IsOptional()
  @IsString({ message: '项目编码须为文字' })
  @MaxLength(64, { message: '项目编码不能超过 64 个字符' })
  code?: string | null;

  @ApiPropertyOptional({ example: '特定目标类', nullable: true })
  @IsOptional()
  @IsString({ message: '项目类别须为文字' })
  @MaxLength(100, { message: '项目类别不能超过 100 个字' })
  category?: string | null;

  @ApiPropertyOptional({ type: ProjectAmountDto })
  @IsOmittable()
  @NestedObject(() => ProjectAmountDto, 'amount')
  amount?: ProjectAmountDto;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: '资金用途须为文字' })
  @MaxLength(4000, { message: '资金用途不能超过 4000 个字' })
  purpose?: string | null;
}

/** 结转: the later, opened year the new sheet belongs to. */
export class RollOverDto extends FiscalYearQueryDto implements RollOverRequest {}
