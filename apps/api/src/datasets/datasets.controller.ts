import { Body, Controller, Get, Header, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { serializeDataset } from '@jixiao/contracts';
import type { Response } from 'express';
import { ALL_ROLES, CurrentPrincipal, Roles } from '../core/auth/auth.decorators';
import type { Principal } from '../core/auth/principal';
import { JobQueue } from '../core/queue/job-queue';
import { JobName } from '../core/queue/queue.constants';
import { ExportDatasetQueryDto } from './dto/export-dataset-query.dto';
import { DatasetExportService } from './services/dataset-export.service';
import { DatasetImportResult, DatasetImportService } from './services/dataset-import.service';

@ApiTags('datasets')
@ApiBearerAuth()
@Controller('datasets')
export class DatasetsController {
  constructor(
    private readonly importer: DatasetImportService,
    private readonly exporter: DatasetExportService,
    private readonly jobs: JobQueue,
  ) {}

  @Post('import')
  @HttpCode(201)
  @Roles('admin', 'finance_reviewer')
  @ApiOperation({ operationId: 'importDataset', summary: '导入 jixiao.dataset/v1 文件（一次事务）/ import a dataset file' })
  @ApiBody({ description: 'a jixiao.dataset/v1 file', schema: { type: 'object' } })
  importDataset(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<DatasetImportResult> {
    return this.importer.import(body, principal);
  }

  @Post('import-jobs')
  @HttpCode(202)
  @Roles('admin', 'finance_reviewer')
  @ApiOperation({ operationId: 'enqueueDatasetImport', summary: '以后台任务导入数据文件 / import a dataset file as a job' })
  @ApiBody({ description: 'a jixiao.dataset/v1 file', schema: { type: 'object' } })
  async enqueueDatasetImport(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @Req() request: { correlationId?: string }): Promise<{ jobId: string }> {
    const jobId = `import-${principal.userId}-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 24)}`;
    await this.jobs.enqueue(JobName.ImportDataset, { dataset: body, actorId: principal.userId, correlationId: request.correlationId ?? null }, jobId);
    return { jobId };
  }

  @Get('export')
  @Roles(...ALL_ROLES)
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({ operationId: 'exportDataset', summary: '导出部门年度数据为 jixiao.dataset/v1 / export a dataset file' })
  async exportDataset(
    @Query() query: ExportDatasetQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const dataset = await this.exporter.export(query.departmentId, query.fiscalYear, principal);
    response.setHeader('Content-Disposition', `attachment; filename="dataset-${query.fiscalYear}.json"; filename*=UTF-8''${encodeURIComponent(`${dataset.department.name}-${query.fiscalYear}.json`)}`);
    return serializeDataset(dataset);
  }
}
