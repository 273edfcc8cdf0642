import { Body, Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ImportCommitResponse, ImportPreviewResponse, ImportSource, MAX_IMPORT_FILE_BYTES } from '@jixiao/contracts';
import { CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { DisclosureTextPreviewDto, ImportCommitDto, ImportFileFieldsDto } from './dto/import-requests.dto';
import { ImportCommitService } from './services/import-commit.service';
import { ImportPreviewService } from './services/import-preview.service';
import { ImportFileInterceptor, requireFile, type UploadedImportFile } from './upload/import-file.interceptor';

const XLSX = {
  types: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  extensions: ['.xlsx'],
  what: ' Excel 工作簿（.xlsx）',
};
const DATASET_JSON = { types: ['application/json', 'text/json', 'text/plain'], extensions: ['.json'], what: ' jixiao.dataset/v1 数据文件（.json）' };

const fileBody = (what: string) => ({
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary', description: `${what}，不超过 ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB` },
      fiscalYear: { type: 'integer', minimum: 2000, maximum: 2100, description: '预算年度（文件中没有时）' },
      region: { type: 'string', maxLength: 100, description: '行政区划；财政审核用户默认本辖区' },
    },
  },
});
const PREVIEW = { description: 'ImportPreviewResponse: previewId, expiresAt, committable, blockers, problems, datasets[].sheets[].indicators/findings' };
const COMMITTED = { description: 'ImportCommitResponse: every sheet created, or already in the system (exists)' };

/**
 * 导入 (issue 11): a file or a pasted text is read and previewed; the preview is then committed as draft
 * sheets, all or nothing. Administrators, finance reviewers into their own region, and department
 * reviewers into their own department (DatasetImportService.mayImport).
 */
@ApiTags('imports')
@ApiBearerAuth()
@Roles('admin', 'finance_reviewer', 'department_reviewer')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly previews: ImportPreviewService,
    private readonly commits: ImportCommitService,
  ) {}

  @Post('target-sheets/preview')
  @HttpCode(201)
  @UseInterceptors(ImportFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody('Excel 绩效目标表（.xlsx，全国通用的项目支出 / 部门整体支出绩效目标表格式）'))
  @ApiCreatedResponse(PREVIEW)
  @ApiOperation({ operationId: 'previewTargetSheetsImport', summary: '预览 Excel 绩效目标表的导入 / preview an xlsx import' })
  previewTargetSheetsImport(
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() fields: ImportFileFieldsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImportPreviewResponse> {
    return this.previewFile('target-sheets', requireFile(file, XLSX), fields, principal);
  }

  @Post('disclosure-text/preview')
  @HttpCode(201)
  @ApiCreatedResponse(PREVIEW)
  @ApiOperation({ operationId: 'previewDisclosureTextImport', summary: '预览粘贴的公开绩效目标表 / preview a pasted published table' })
  async previewDisclosureTextImport(@Body() body: DisclosureTextPreviewDto, @CurrentPrincipal() principal: Principal): Promise<ImportPreviewResponse> {
    const options = await this.previews.readingOptions(principal, body);
    return this.previews.preview('disclosure-text', { kind: 'text', text: body.text, ...options }, principal);
  }

  @Post('datasets/preview')
  @HttpCode(201)
  @UseInterceptors(ImportFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody('jixiao.dataset/v1 数据文件（.json）'))
  @ApiCreatedResponse(PREVIEW)
  @ApiOperation({ operationId: 'previewDatasetImport', summary: '预览 jixiao.dataset/v1 数据文件的导入 / preview a dataset file import' })
  previewDatasetImport(
    @UploadedFile() file: UploadedImportFile | undefined,
    @Body() fields: ImportFileFieldsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImportPreviewResponse> {
    return this.previewFile('datasets', requireFile(file, DATASET_JSON), fields, principal);
  }

  @Post('target-sheets')
  @HttpCode(201)
  @ApiCreatedResponse(COMMITTED)
  @ApiOperation({ operationId: 'commitTargetSheetsImport', summary: '确认导入 Excel 绩效目标表（草稿）/ commit an xlsx preview' })
  commitTargetSheetsImport(@Body() body: ImportCommitDto, @CurrentPrincipal() principal: Principal): Promise<ImportCommitResponse> {
    return this.commits.commit('target-sheets', body.previewId, principal);
  }

  @Post('disclosure-text')
  @HttpCode(201)
  @ApiCreatedResponse(COMMITTED)
  @ApiOperation({ operationId: 'commitDisclosureTextImport', summary: '确认导入粘贴的公开绩效目标表（草稿）/ commit a pasted-text preview' })
  commitDisclosureTextImport(@Body() body: ImportCommitDto, @CurrentPrincipal() principal: Principal): Promise<ImportCommitResponse> {
    return this.commits.commit('disclosure-text', body.previewId, principal);
  }

  @Post('datasets')
  @HttpCode(201)
  @ApiCreatedResponse(COMMITTED)
  @ApiOperation({ operationId: 'commitDatasetImport', summary: '确认导入数据文件（草稿）/ commit a dataset-file preview' })
  commitDatasetImport(@Body() body: ImportCommitDto, @CurrentPrincipal() principal: Principal): Promise<ImportCommitResponse> {
    return this.commits.commit('datasets', body.previewId, principal);
  }

  private async previewFile(source: ImportSource, file: UploadedImportFile, fields: ImportFileFieldsDto, principal: Principal): Promise<ImportPreviewResponse> {
    const options = await this.previews.readingOptions(principal, fields);
    return this.previews.preview(source, { kind: 'file', buffer: file.buffer, fileName: file.originalname, ...options }, principal);
  }
}
