import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength,
} from 'class-validator';
import type { DepartmentBudgetInput, IndicatorInput, SheetTaskInput, SpendingPlanPointResponse, UpdateTargetSheetRequest } from '@jixiao/contracts';
import type { TargetSpec } from '@jixiao/domain';
import { WIRE_MONEY_PATTERN } from '@jixiao/domain';
import { WithinMoneyLimit } from '../../core/dto/money-limit';
import { NestedObject, NestedObjects } from '../../core/dto/nested';


export class IndicatorInputDto implements IndicatorInput {
  @ApiPropertyOptional({ format: 'uuid', description: '已有指标的编号；新指标不填' })
  @IsOptional()
  @IsUUID('all', { message: '指标编号格式不正确' })
  id?: string;

  @ApiProperty({ example: '产出指标' })
  @IsString()
  @MinLength(1, { message: '请填写一级指标' })
  @MaxLength(100, { message: '一级指标不能超过 100 个字' })
  level1: string;

  @ApiPropertyOptional({ example: '数量指标', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '二级指标不能超过 100 个字' })
  level2?: string | null;

  @ApiProperty({ example: '城乡居民参保人数' })
  @IsString()
  @MinLength(1, { message: '请填写三级指标名称' })
  @MaxLength(500, { message: '三级指标名称不能超过 500 个字' })
  name: string;

  @ApiProperty({ example: '≥211269 人', description: '指标值，按原文保存' })
  @IsString()
  @MaxLength(500, { message: '指标值不能超过 500 个字' })
  target: string;

  @ApiPropertyOptional({ description: '人工更正的解析结果（TargetSpec）；不填则按指标值自动解析' })
  @IsOptional()
  @IsObject({ message: '解析结果必须是对象' })
  spec?: TargetSpec | null;

  @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @IsOptional() @IsString() @MaxLength(2000) basis?: string | null;
  @IsOptional() @IsString() @MaxLength(2000) remark?: string | null;

  @ApiPropertyOptional({ example: '12.50', nullable: true })
  @IsOptional()
  @Matches(/^\d{1,3}(\.\d{1,2})?$/, { message: '权重须为不超过两位小数的非负数，如 12.5' })
  weight?: string | null;
}

export class SpendingPlanPointDto implements SpendingPlanPointResponse {
  @ApiProperty({ example: 6 })
  @IsInt({ message: '月份须为整数' })
  @Min(1, { message: '月份须在 1 到 12 之间' })
  @Max(12, { message: '月份须在 1 到 12 之间' })
  month: number;

  @ApiProperty({ example: '14160000.00' })
  @Matches(WIRE_MONEY_PATTERN, { message: '累计计划金额须为两位小数的元金额，如 "14160000.00"' })
  @WithinMoneyLimit('累计计划金额')
  cumulativeAmount: string;
}

/** 年度主要任务 of a department-wide sheet. */
export class SheetTaskInputDto implements SheetTaskInput {
  @ApiProperty({ example: '专项业务费' })
  @IsString({ message: '任务名称须为文字' })
  @MinLength(1, { message: '请填写任务名称' })
  @MaxLength(300, { message: '任务名称不能超过 300 个字' })
  name: string;

  @ApiPropertyOptional({ example: '完成医疗保障管理重点工作', nullable: true })
  @IsOptional()
  @IsString({ message: '主要内容须为文字' })
  @MaxLength(2000, { message: '主要内容不能超过 2000 个字' })
  content?: string | null;

  @ApiPropertyOptional({ example: '16541400.00', nullable: true, description: '预算金额（元）' })
  @IsOptional()
  @Matches(WIRE_MONEY_PATTERN, { message: '任务金额须为两位小数的元金额，如 "16541400.00"' })
  @WithinMoneyLimit('任务金额')
  amount?: string | null;
}

/** 部门预算 of a department-wide sheet (元); null where the sheet states none. */
export class DepartmentBudgetInputDto implements DepartmentBudgetInput {
  @ApiProperty({ example: '19966200.00', nullable: true, description: '部门预算总额（元）' })
  @IsOptional()
  @Matches(WIRE_MONEY_PATTERN, { message: '部门预算总额须为两位小数的元金额，如 "19966200.00"' })
  @WithinMoneyLimit('部门预算总额')
  total: string | null;

  @ApiProperty({ example: '3424800.00', nullable: true, description: '基本支出（元）' })
  @IsOptional()
  @Matches(WIRE_MONEY_PATTERN, { message: '基本支出须为两位小数的元金额，如 "3424800.00"' })
  @WithinMoneyLimit('基本支出')
  basic: string | null;

  @ApiProperty({ example: '16541400.00', nullable: true, description: '项目支出（元）' })
  @IsOptional()
  @Matches(WIRE_MONEY_PATTERN, { message: '项目支出须为两位小数的元金额，如 "16541400.00"' })
  @WithinMoneyLimit('项目支出')
  project: string | null;
}

/** The editable content of a sheet, replaced as a whole; `rowVersion` is the version the editor started from. */
export class UpdateTargetSheetDto implements UpdateTargetSheetRequest {
  @ApiProperty({ example: 1, description: '编辑开始时读取的 rowVersion，用于防止覆盖他人的修改' })
  @IsInt({ message: 'rowVersion 须为整数' })
  @Min(1)
  rowVersion: number;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true, message: '每条绩效目标不能超过 2000 个字' })
  goals: string[];

  @ApiProperty({ type: [IndicatorInputDto] })
  @IsArray()
  @ArrayMaxSize(500, { message: '一张目标表最多 500 项指标' })
  @NestedObjects(() => IndicatorInputDto, 'indicators')
  indicators: IndicatorInputDto[];

  @ApiProperty({ type: [SpendingPlanPointDto] })
  @IsArray()
  @ArrayMaxSize(12)
  @NestedObjects(() => SpendingPlanPointDto, 'spendingPlan')
  spendingPlan: SpendingPlanPointDto[];

  @ApiPropertyOptional({ type: [SheetTaskInputDto], description: '年度主要任务（仅部门整体绩效目标）；不填则不变' })
  @IsOptional()
  @IsArray({ message: 'tasks 须为数组' })
  @ArrayMaxSize(50, { message: '年度主要任务最多 50 项' })
  @NestedObjects(() => SheetTaskInputDto, 'tasks')
  tasks?: SheetTaskInputDto[];

  @ApiPropertyOptional({ type: DepartmentBudgetInputDto, description: '部门预算（仅部门整体绩效目标）；不填则不变' })
  @IsOptional()
  @NestedObject(() => DepartmentBudgetInputDto, 'budget')
  budget?: DepartmentBudgetInputDto;
}
