import { Injectable, Logger } from '@nestjs/common';
import { ImportCommitResponse, ImportSource } from '@jixiao/contracts';
import type { Principal } from '../../core/auth/principal';
import { Transactions } from '../../core/database/transactions';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { DatasetImportService } from '../../datasets/services/dataset-import.service';
import { DatasetMergeService } from '../../datasets/services/dataset-merge.service';
import { ImportPreviewRepository } from '../persistence/import-preview.repository';
import { checkReadDataset, importBlockers } from './preview-checks';

const SOURCE_NAMES: Record<ImportSource, string> = { 'target-sheets': 'Excel 绩效目标表', 'disclosure-text': '粘贴的公开文本', datasets: '数据文件' };

/**
 * 确认导入: writes a preview's datasets as draft sheets in one transaction — all of them, or nothing —
 * for the caller who made the preview, once. The checks of the preview are made again inside the
 * transaction (the caller's rights or the system may have changed since), and a sheet already in the
 * system is reported as such, not written twice (DatasetMergeService).
 */
@Injectable()
export class ImportCommitService {
  private readonly logger = new Logger(ImportCommitService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly previews: ImportPreviewRepository,
    private readonly importer: DatasetImportService,
    private readonly merge: DatasetMergeService,
  ) {}

  async commit(source: ImportSource, previewId: string, principal: Principal): Promise<ImportCommitResponse> {
    const started = Date.now();
    const result = await this.transactions.run(async (tx) => {
      const found = await this.previews.findForCommit(tx, previewId);
      // another user's preview is answered like an unknown one: its existence is not theirs to learn
      if (!found || found.preview.userId !== principal.userId || found.preview.source !== source) {
        throw new AppException(ErrorCode.IMPORT_PREVIEW_NOT_FOUND, `找不到该导入预览（${SOURCE_NAMES[source]}），请重新上传并预览 / preview not found`);
      }
      const { preview, expired } = found;
      if (preview.committedAt !== null) {
        throw new AppException(ErrorCode.IMPORT_PREVIEW_COMMITTED, '该预览已经导入过，不能重复导入 / preview already committed', { committedAt: preview.committedAt });
      }
      if (expired) {
        throw new AppException(ErrorCode.IMPORT_PREVIEW_EXPIRED, '该预览已过期，请重新上传并预览 / preview expired', { expiresAt: preview.expiresAt });
      }
      const checked = preview.reading.datasets.map(checkReadDataset);
      const mayImport: boolean[] = [];
      for (const c of checked) mayImport.push(await this.importer.mayImport({ region: c.region, departmentName: c.department.name }, principal, tx));
      const blockers = importBlockers(checked, mayImport);
      if (blockers.length > 0) {
        throw new AppException(ErrorCode.IMPORT_PREVIEW_HAS_ERRORS, `预览中有错误，不能导入：${blockers[0]!.message} / the preview has errors`, blockers);
      }
      const datasets = [];
      for (const c of checked) datasets.push(await this.merge.mergeWithin(tx, c.dataset!, principal, { previewId, source }));
      await this.previews.markCommitted(tx, previewId);
      return datasets;
    });
    const sheets = result.flatMap((d) => d.sheets);
    const createdCount = sheets.filter((s) => s.outcome === 'created').length;
    this.logger.log(`committed preview ${previewId} (${source}) by ${principal.username}: ${createdCount} sheets created, ${sheets.length - createdCount} existing, in ${Date.now() - started} ms`);
    return { previewId, datasets: result, createdCount, existingCount: sheets.length - createdCount };
  }
}
