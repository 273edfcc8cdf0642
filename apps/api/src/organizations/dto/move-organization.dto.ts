import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { MoveOrganizationRequest } from '@jixiao/contracts';

/** 移动 to another parent. */
export class MoveOrganizationDto implements MoveOrganizationRequest {
  @ApiProperty({ format: 'uuid', description: '新的上级组织' })
  @IsUUID('all', { message: 'parentId 必须是新上级组织的编号（UUID）' })
  parentId: string;
}
