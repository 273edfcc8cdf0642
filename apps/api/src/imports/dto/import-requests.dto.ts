import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DisclosureTextPreviewRequest, ImportCommitRequest, ImportFileFields, MAX_DISCLOSURE_TEXT_LENGTH } from '@jixiao/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** `{ text }`: a published table pasted as text. */
export class DisclosureTextPreviewDto implements DisclosureTextPreviewRequest {
  @ApiProperty({ description: '从公开的预算文件（PDF 或网页）复制的文本', maxLength: MAX_DISCLOSURE_TEXT_LENGTH })
  @IsString()
  @IsNotEmpty({ message: '请粘贴要导入的文本' })
  @MaxLength(MAX_DISCLOSURE_TEXT_LENGTH, { message: `文本过长：不能超过 ${MAX_DISCLOSURE_TEXT_LENGTH} 个字符` })
  text: string;

  @ApiPropertyOptional({ description: '预算年度（文本中没有时）', minimum: 2000, maximum: 2100 })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear?: number;

  @ApiPropertyOptional({ description: '行政区划（财政局所在地区）；财政审核用户默认本辖区', maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  region?: string;
}

/** The text fields that may come with an uploaded file (multipart: strings, turned into numbers). */
export class ImportFileFieldsDto implements ImportFileFields {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear?: number;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  region?: string;
}

/** `{ previewId }`: commit a preview. */
export class ImportCommitDto implements ImportCommitRequest {
  @ApiProperty({ description: '预览编号（预览接口返回的 previewId）', format: 'uuid' })
  @IsUUID('all', { message: 'previewId 须为预览接口返回的编号' })
  previewId: string;
}
