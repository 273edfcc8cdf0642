import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { TARGET_EXPORT_CONTENT_TYPES } from '@jixiao/contracts';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { FiscalYearQueryDto } from '../core/dto/fiscal-year-query.dto';
import { AppException, ErrorCode } from '../core/errors/error-codes';
import { TemplateQueryDto } from './dto/template-query.dto';
import { ExportFile, TargetSheetExportService } from './services/target-sheet-export.service';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new AppException(ErrorCode.VALIDATION_FAILED, '编号格式不正确（应为 UUID）/ id must be a UUID'),
});

const XLSX = TARGET_EXPORT_CONTENT_TYPES.xlsx;
const PDF = TARGET_EXPORT_CONTENT_TYPES.pdf;
const BINARY = { schema: { type: 'string', format: 'binary' } };

/** A download with a Chinese file name (RFC 6266: an ASCII fallback and the UTF-8 name). */
function download({ buffer, fileName }: ExportFile, type: string, fallback: string): StreamableFile {
  return new StreamableFile(buffer, {
    type,
    length: buffer.length,
    disposition: `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName.replace(/[\\/:*?"<>|]/g, '_'))}`,
  });
}

/** 绩效目标表 out: one sheet, a department's disclosure pack, the blank template. Access is checked in TargetSheetExportService. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(private readonly exports: TargetSheetExportService) {}

  @Get('target-sheets/:id/target-sheet.xlsx')
  @Roles(...ALL_ROLES)
  @ApiProduces(XLSX)
  @ApiOkResponse({ content: { [XLSX]: BINARY } })
  @ApiOperation({ operationId: 'downloadTargetSheetXlsx', summary: '下载绩效目标表（Excel，公开格式）/ a sheet in the disclosure layout as .xlsx' })
  async sheetXlsx(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return download(await this.exports.sheet(principal, id, 'xlsx'), XLSX, 'target-sheet.xlsx');
  }

  @Get('target-sheets/:id/target-sheet.pdf')
  @Roles(...ALL_ROLES)
  @ApiProduces(PDF)
  @ApiOkResponse({ content: { [PDF]: BINARY } })
  @ApiOperation({ operationId: 'downloadTargetSheetPdf', summary: '下载绩效目标表（PDF，公开格式）/ a sheet in the disclosure layout as .pdf' })
  async sheetPdf(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return download(await this.exports.sheet(principal, id, 'pdf'), PDF, 'target-sheet.pdf');
  }

  @Get('departments/:id/disclosure-pack.xlsx')
  @Roles(...ALL_ROLES)
  @ApiProduces(XLSX)
  @ApiOkResponse({ content: { [XLSX]: BINARY } })
  @ApiOperation({ operationId: 'downloadDisclosurePackXlsx', summary: '下载部门绩效目标公开包（Excel，每表一页签）/ the approved sheets of a department year as .xlsx' })
  async packXlsx(@Param('id', uuid) id: string, @Query() query: FiscalYearQueryDto, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return download(await this.exports.disclosurePack(principal, id, query.fiscalYear, 'xlsx'), XLSX, 'disclosure-pack.xlsx');
  }

  @Get('departments/:id/disclosure-pack.pdf')
  @Roles(...ALL_ROLES)
  @ApiProduces(PDF)
  @ApiOkResponse({ content: { [PDF]: BINARY } })
  @ApiOperation({ operationId: 'downloadDisclosurePackPdf', summary: '下载部门绩效目标公开包（PDF，含目录）/ the approved sheets of a department year as one .pdf' })
  async packPdf(@Param('id', uuid) id: string, @Query() query: FiscalYearQueryDto, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return download(await this.exports.disclosurePack(principal, id, query.fiscalYear, 'pdf'), PDF, 'disclosure-pack.pdf');
  }

  @Get('templates/target-sheet.xlsx')
  @Roles(...ALL_ROLES)
  @ApiProduces(XLSX)
  @ApiOkResponse({ content: { [XLSX]: BINARY } })
  @ApiOperation({ operationId: 'downloadTargetSheetTemplate', summary: '下载项目支出绩效目标表模板（Excel，含下拉选项）/ the blank template' })
  async template(@Query() query: TemplateQueryDto): Promise<StreamableFile> {
    return download(await this.exports.template(query.fiscalYear ?? null), XLSX, 'target-sheet-template.xlsx');
  }
}
