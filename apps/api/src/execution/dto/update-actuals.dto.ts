import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DeviationCategory, IndicatorActualValue, Likelihood } from '@jixiao/domain';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNumber, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { ActualInput, UpdateActualsRequest } from '@jixiao/contracts';
import { NestedObjects } from '../../core/dto/nested';

export class ActualDto implements ActualInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: '指标编号格式不正确' })
  indicatorId: string;

  @ApiProperty({
    nullable: true,
    description: '实际完成值：{kind:"number",value,previousYear?} | {kind:"date",doneOn} | {kind:"occurrences",onTime,total} | {kind:"tier",tier,value?}',
  })
  @IsOptional()
  @IsObject({ message: '实际完成值须为对象' })
  actual: IndicatorActualValue | null;

  @ApiPropertyOptional({ nullable: true, description: '全年预计完成值' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '全年预计完成值须为数字' })
  forecast?: number | null;

  @ApiPropertyOptional({ enum: ['certain', 'possible', 'impossible'], nullable: true })
  @IsOptional()
  @IsIn(['certain', 'possible', 'impossible'], { message: '完成可能性须为 确定能 / 有可能 / 完全不可能' })
  likelihood?: Likelihood | null;

  @ApiPropertyOptional({ enum: ['funding', 'institutional', 'staffing', 'facilities', 'other'], nullable: true })
  @IsOptional()
  @IsIn(['funding', 'institutional', 'staffing', 'facilities', 'other'], { message: '偏差原因类别须为 经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 其他' })
  deviationCategory?: DeviationCategory | null;

  @IsOptional() @IsString() @MaxLength(2000, { message: '偏差原因不能超过 2000 个字' }) deviationReason?: string | null;
  @IsOptional() @IsString() @MaxLength(2000, { message: '改进措施不能超过 2000 个字' }) measures?: string | null;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      '确认数值无误：实际完成值超过指标值 100 倍或（年终）不到其 1/100 时须为 true，否则整个请求以 400 ACTUAL_IMPLAUSIBLE 拒绝，details.implausible 逐项列出指标及其指标值 / confirms a value beyond 100× or below 1/100 of its target',
  })
  @IsOptional()
  @IsBoolean({ message: 'confirmedImplausible 须为 true 或 false' })
  confirmedImplausible?: boolean;
}

export class UpdateActualsDto implements UpdateActualsRequest {
  @ApiProperty({ type: [ActualDto] })
  @IsArray({ message: 'actuals 须为数组' })
  @ArrayMaxSize(500)
  @NestedObjects(() => ActualDto, 'actuals')
  actuals: ActualDto[];
}
