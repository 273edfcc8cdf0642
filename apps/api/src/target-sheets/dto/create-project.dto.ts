import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { FiscalYearQueryDto } from '../../core/dto/fiscal-year-query.dto';
import type { CreateProjectRequest, ProjectAmountInput } from '@jixiao/contracts';
import { WIRE_MONEY_PATTERN } from '@jixiao/domain';
import { WithinMoneyLimit } from '../../core/dto/money-limit';
import { NestedObject } from '../../core/dto/nested';

const MONEY_MESSAGE = '金额须为两位小数的元金额，如 "410000.00"';

export class ProjectAmountDto implements ProjectAmountInput {
  @ApiProperty({ example: '410000.00' })
  @Matches(WIRE_MONEY_PATTERN, { message: `amount.total：${MONEY_MESSAGE}` })
  @WithinMoneyLimit('资金总额')
  total: string;

  @ApiPropertyOptional({ example: '410000.00', nullable: true })
  @IsOptional()
  @Matches(WIRE_MONEY_PATTERN, { message: `amount.fiscal：${MONEY_MESSAGE}` })
  @WithinMoneyLimit('财政资金')
  fiscal?: string | null;

  @ApiPropertyOptional({ example: '0.00', nullable: true })
  @IsOptional()
  @Matches(WIRE_MONEY_PATTERN, { message: `amount.other：${MONEY_MESSAGE}` })
  @WithinMoneyLimit('其他资金')
  other?: string | null;
}

/** A new budget project (预算项目) of a unit, with an empty draft target sheet. */
export class CreateProjectDto extends FiscalYearQueryDto implements CreateProjectRequest {
  @ApiProperty({ format: 'uuid', description: '实施单位' })
  @IsUUID('all', { message: 'unitId 必须是单位编号（UUID）' })
  unitId: string;

  @ApiProperty({ example: '医保重点工作经费' })
  @IsString()
  @MinLength(1, { message: '请填写项目名称' })
  @MaxLength(300, { message: '项目名称不能超过 300 个字' })
  name: string;

  @ApiPropertyOptional({ example: '13063124P00424511361K', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: '项目编码不能超过 64 个字符' })
  code?: string | null;

  @ApiPropertyOptional({ example: '特定目标类', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string | null;

  @ApiProperty({ type: ProjectAmountDto })
  @NestedObject(() => ProjectAmountDto, 'amount')
  amount: ProjectAmountDto;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  purpose?: string | null;
}
