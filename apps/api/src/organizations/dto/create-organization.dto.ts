import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ORGANIZATION_KINDS, type CreateOrganizationRequest, type OrganizationKind } from '@jixiao/contracts';

/** 新建组织机构: a department under a finance bureau, a unit under a department; 系统管理员 also a finance bureau. */
export class CreateOrganizationDto implements CreateOrganizationRequest {
  @ApiProperty({ format: 'uuid', nullable: true, description: '上级组织；新建财政局时为 null' })
  @ValidateIf((o: CreateOrganizationDto) => o.parentId !== null)
  @IsUUID('all', { message: 'parentId 必须是上级组织的编号（UUID），新建财政局时为 null' })
  parentId: string | null;

  @ApiProperty({ enum: ORGANIZATION_KINDS, enumName: 'OrganizationKind' })
  @IsIn(ORGANIZATION_KINDS, { message: 'kind 只能是 finance_bureau（财政局）、department（部门）或 unit（单位）' })
  kind: OrganizationKind;

  @ApiPropertyOptional({ example: '404001', nullable: true })
  @IsOptional()
  @IsString({ message: '代码必须是文字' })
  @MaxLength(64, { message: '代码不能超过 64 个字符' })
  code?: string | null;

  @ApiProperty({ example: '汉阴县医疗保障局' })
  @IsString({ message: '名称必须是文字' })
  @Matches(/\S/, { message: '请填写名称' })
  @MaxLength(200, { message: '名称不能超过 200 个字' })
  name: string;

  @ApiPropertyOptional({ example: '汉阴县', nullable: true, description: '行政区划（仅财政局）' })
  @IsOptional()
  @IsString({ message: '行政区划必须是文字' })
  @MaxLength(100, { message: '行政区划不能超过 100 个字' })
  region?: string | null;
}
