import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray } from 'class-validator';
import type { UpdateBasicExpendituresRequest } from '@jixiao/contracts';
import { ExpenditureDto } from './update-expenditures.dto';
import { NestedObjects } from '../../core/dto/nested';

/** 基本支出执行: a department's basic spending of the year by month, replaced as a whole. */
export class UpdateBasicExpendituresDto implements UpdateBasicExpendituresRequest {
  @ApiProperty({ type: [ExpenditureDto], description: '全年各月基本支出（元，两位小数），整体替换' })
  @IsArray({ message: 'expenditures 须为数组' })
  @ArrayMaxSize(12, { message: '每月至多一行，共 12 行' })
  @NestedObjects(() => ExpenditureDto, 'expenditures')
  expenditures: ExpenditureDto[];
}
