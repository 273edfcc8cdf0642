import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { UpdateOrganizationRequest } from '@jixiao/contracts';
import { IsOmittable } from '../../core/dto/omittable';

/** 重命名 / 修改代码. */
export class UpdateOrganizationDto implements UpdateOrganizationRequest {
  @ApiPropertyOptional({ example: '404001', nullable: true })
  @IsOptional()
  @IsString({ message: '代码必须是文字' })
  @MaxLength(64, { message: '代码不能超过 64 个字符' })
  code?: string | null;

  @ApiPropertyOptional({ example: '汉阴县医疗保障局' })
  @IsOmittable()
  @IsString({ message: '名称必须是文字' })
  @Matches(/\S/, { message: '名称不能为空' })
  @MaxLength(200, { message: '名称不能超过 200 个字' })
  name?: string;
}
