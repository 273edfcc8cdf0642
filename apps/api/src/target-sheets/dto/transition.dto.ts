import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { MAX_ACKNOWLEDGEMENT_LENGTH, REVIEW_CODES, ReviewCode, SHEET_ACTIONS, SheetAction } from '@jixiao/domain';
import type { FindingAcknowledgementRequest, TransitionRequest } from '@jixiao/contracts';
import { NestedObjects } from '../../core/dto/nested';

/** 问题确认: the author's reason for one error-level finding (checked against the review by the service). */
export class FindingAcknowledgementDto implements FindingAcknowledgementRequest {
  @ApiProperty({ enum: REVIEW_CODES, enumName: 'ReviewCode', example: 'OTHER_YEAR' })
  @IsIn(REVIEW_CODES as unknown as string[], { message: '审核问题代码不正确' })
  code: ReviewCode;

  @ApiProperty({ type: Number, nullable: true, example: 4, description: '问题所在指标的序号（从 0 起，同目标表 findings）；针对整张目标表的问题为 null' })
  @ValidateIf((o: FindingAcknowledgementDto) => o.indicatorIndex !== null)
  @IsInt({ message: '指标序号须为不小于 0 的整数，或 null（针对整张目标表的问题）' })
  @Min(0, { message: '指标序号须为不小于 0 的整数，或 null（针对整张目标表的问题）' })
  indicatorIndex: number | null;

  @ApiPropertyOptional({ example: 1, description: '同一指标（或目标表）有多处同类问题时是第几处，从 1 起；不填为 1' })
  @IsOptional()
  @IsInt({ message: '第几处须为不小于 1 的整数' })
  @Min(1, { message: '第几处须为不小于 1 的整数' })
  occurrence?: number;

  @ApiProperty({ example: '跨年度项目，完成时限按原批复执行', description: `确认理由，去掉首尾空白后 2–${MAX_ACKNOWLEDGEMENT_LENGTH} 个字` })
  @IsString({ message: '确认理由须为文字' })
  @MaxLength(2000, { message: `确认理由过长（去掉首尾空白后最多 ${MAX_ACKNOWLEDGEMENT_LENGTH} 个字）` })
  reason: string;
}

export class TransitionDto implements TransitionRequest {
  @ApiProperty({ enum: SHEET_ACTIONS, enumName: 'SheetAction' })
  @IsIn(SHEET_ACTIONS as unknown as string[], { message: `action 须为 ${SHEET_ACTIONS.join('、')} 之一` })
  action: SheetAction;

  @ApiPropertyOptional({ description: '退回意见（退回时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: '意见不能超过 2000 个字' })
  comment?: string;

  @ApiProperty({ example: 3, description: '操作时看到的 rowVersion' })
  @IsInt({ message: 'rowVersion 须为整数' })
  @Min(1)
  rowVersion: number;

  @ApiPropertyOptional({
    type: [FindingAcknowledgementDto],
    description: '提交时对每个需修改问题（severity 为 error 的 findings）的书面确认；仅限提交，缺一不可，不能确认不存在的问题（400 FINDINGS_NOT_ACKNOWLEDGED）',
  })
  @IsOptional()
  @IsArray({ message: 'acknowledgements 须为数组' })
  @ArrayMaxSize(1000, { message: '问题确认不能超过 1000 条' })
  @NestedObjects(() => FindingAcknowledgementDto, 'acknowledgements')
  acknowledgements?: FindingAcknowledgementDto[];
}
