import { Body, Controller, Get, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { StartSelfAssessmentExportDto } from './dto/start-self-assessment-export.dto';
import { SelfAssessmentExportService } from './region-export/self-assessment-export.service';

const ZIP = 'application/zip';

/** 全地区自评表导出: a region's 自评表 and 汇总表 as one zip, made by a job; finance and admin only. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports/self-assessments')
export class SelfAssessmentExportsController {
  constructor(private readonly exports: SelfAssessmentExportService) {}

  @Post()
  @HttpCode(202)
  @Roles('finance_reviewer', 'admin')
  @ApiOperation({
    operationId: 'startSelfAssessmentExport',
    summary: '后台导出本地区全部自评表（xlsx/PDF）与汇总表为一个 zip（进度见 /api/jobs/:id）/ export a region’s 自评表 as a zip; 409 EXPORT_NOTHING_EVALUATED when none is evaluated',
  })
  start(@Body() dto: StartSelfAssessmentExportDto, @CurrentPrincipal() principal: Principal, @Req() request: { correlationId?: string }): Promise<{ jobId: string }> {
    return this.exports.start(principal, dto, request.correlationId ?? null);
  }

  @Get(':jobId/file')
  @Roles('finance_reviewer', 'admin')
  @ApiProduces(ZIP)
  @ApiOkResponse({ content: { [ZIP]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    operationId: 'downloadSelfAssessmentExport',
    summary: '下载导出的 zip（发起人或管理员）；未完成 409 EXPORT_NOT_READY，不存在或已清理 404 EXPORT_NOT_FOUND / the finished export',
  })
  async file(@Param('jobId') jobId: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const { stream, bytes, fileName } = await this.exports.download(principal, jobId);
    return new StreamableFile(stream, {
      type: ZIP,
      length: bytes,
      disposition: `attachment; filename="self-assessments.zip"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }
}
