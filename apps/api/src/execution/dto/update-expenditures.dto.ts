import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { ExpenditureInput, UpdateExpendituresRequest } from '@jixiao/contracts';
import { WIRE_MONEY_PATTERN } from '@jixiao/domain';
import { WithinMoneyLimit } from '../../core/dto/money-limit';
import { NestedObjects } from '../../core/dto/nested';

export class ExpenditureDto implements ExpenditureInput {
  @ApiProperty({ example: 3 })
  @IsInt({ message: '月份须为整数' })
  @Min(1, { message: '月份须在 1 到 12 之间' })
  @Max(12, { message: '月份须在 1 到 12 之间' })
  month: number;

  @ApiProperty({ example: '125000.00', description: '当月支出（元，两位小数）' })
  @Matches(WIRE_MONEY_PATTERN, { message: '支出金额须为两位小数的元金额，如 125000.00' })
  @WithinMoneyLimit('支出金额')
  amount: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '备注不能超过 500 个字' })
  note?: string | null;
}

export class UpdateExpendituresDto implements UpdateExpendituresRequest {
  @ApiProperty({ type: [ExpenditureDto], description: '全年各月支出，整体替换' })
  @IsArray({ message: 'expenditures 须为数组' })
  @ArrayMaxSize(12, { message: '每月至多一行，共 12 行' })
  @NestedObjects(() => ExpenditureDto, 'expenditures')
  expenditures: ExpenditureDto[];
}
