import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import type { OverrideScoreRequest } from '@jixiao/contracts';

export class OverrideScoreDto implements OverrideScoreRequest {
  @ApiProperty({ example: '9.00', nullable: true, description: '调整后的得分（不超过分值，最多两位小数）；null 取消调整' })
  @ValidateIf((o: OverrideScoreDto) => o.score !== null)
  @Matches(/^\d{1,3}(\.\d{1,2})?$/, { message: '调整分须为不超过两位小数的非负数，如 9 或 8.5' })
  score: string | null;

  @ApiPropertyOptional({ example: '完成率 98%，按评分细则酌情扣分', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: '调整理由不能超过 1000 个字' })
  reason?: string | null;
}
