import { Inject, Injectable, Logger } from '@nestjs/common';
import { IMPORT_PREVIEW_TTL_HOURS, ImportPreviewDataset, ImportPreviewResponse, ImportSource } from '@jixiao/contracts';
import type { Principal } from '../../core/auth/principal';
import { DatasetImportService } from '../../datasets/services/dataset-import.service';
import { ImportPreviewRepository } from '../persistence/import-preview.repository';
import { DATASET_FILE_READER, DatasetReader, DISCLOSURE_TEXT_READER, ReaderInput, TARGET_WORKBOOK_READER } from '../readers/dataset-reader';
import { checkReadDataset, importBlockers } from './preview-checks';
import { PreviewContext } from './preview-context';

/** The year and region the caller named for the reading (a finance reviewer's own region by default). */
export interface ReadingOptions {
  fiscalYear: number | null;
  region: string | null;
}

/**
 * 导入预览: reads the input through the route's reader, judges every dataset (format, money rules, the
 * caller's right to import it), shows every sheet (parsed targets, review findings, whether it exists),
 * and keeps the reading for its caller to commit.
 */
@Injectable()
export class ImportPreviewService {
  private readonly logger = new Logger(ImportPreviewService.name);
  private readonly readers: Record<ImportSource, DatasetReader>;

  constructor(
    @Inject(TARGET_WORKBOOK_READER) workbookReader: DatasetReader,
    @Inject(DISCLOSURE_TEXT_READER) textReader: DatasetReader,
    @Inject(DATASET_FILE_READER) fileReader: DatasetReader,
    private readonly previews: ImportPreviewRepository,
    private readonly importer: DatasetImportService,
    private readonly context: PreviewContext,
  ) {
    this.readers = { 'target-sheets': workbookReader, 'disclosure-text': textReader, datasets: fileReader };
  }

  /** The region a reading is made for: the one named, else a finance reviewer's own. */
  async readingOptions(principal: Principal, named: { fiscalYear?: number; region?: string }): Promise<ReadingOptions> {
    return { fiscalYear: named.fiscalYear ?? null, region: named.region?.trim() || (await this.importer.ownRegion(principal)) };
  }

  async preview(source: ImportSource, input: ReaderInput, principal: Principal): Promise<ImportPreviewResponse> {
    const started = Date.now();
    const reading = await this.readers[source].read(input);
    const checked = reading.datasets.map(checkReadDataset);
    const mayImport = await Promise.all(checked.map((c) => this.importer.mayImport({ region: c.region, departmentName: c.department.name }, principal)));
    const datasets: ImportPreviewDataset[] = [];
    for (const [i, c] of checked.entries()) datasets.push(await this.context.describe(c, reading, i, mayImport[i]!));
    const blockers = importBlockers(checked, mayImport);
    const stored = await this.previews.insert(principal.userId, source, reading, IMPORT_PREVIEW_TTL_HOURS);
    this.logger.log(
      `preview ${stored.id} (${source}) by ${principal.username}: ${datasets.length} datasets, ${datasets.reduce((n, d) => n + d.sheets.length, 0)} sheets, ` +
        `${reading.problems.length} problems, ${blockers.length} blockers in ${Date.now() - started} ms`,
    );
    return {
      previewId: stored.id, source, expiresAt: stored.expiresAt.toISOString(),
      committable: blockers.length === 0, blockers, problems: reading.problems, datasets,
    };
  }
}
