import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { SHEET_ACTIONS, SheetAction } from '@jixiao/domain';
import type { TransitionRequest } from '@jixiao/contracts';

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
}
