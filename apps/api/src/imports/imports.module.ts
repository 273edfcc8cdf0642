import { Module } from '@nestjs/common';
import { DatasetsModule } from '../datasets/datasets.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ScoringSchemesModule } from '../scoring-schemes/scoring-schemes.module';
import { TargetSheetsModule } from '../target-sheets/target-sheets.module';
import { ImportsController } from './imports.controller';
import { ImportPreviewRepository } from './persistence/import-preview.repository';
import { DatasetFileReader } from './readers/dataset-file.reader';
import { DATASET_FILE_READER, DISCLOSURE_TEXT_READER, TARGET_WORKBOOK_READER } from './readers/dataset-reader';
import { DisclosureTextReader } from './readers/disclosure-text.reader';
import { TargetWorkbookReader } from './readers/target-workbook.reader';
import { ImportCommitService } from './services/import-commit.service';
import { ImportPreviewService } from './services/import-preview.service';
import { PreviewContext } from './services/preview-context';

/**
 * 导入 (issue 11): files and pasted texts read into `jixiao.dataset/v1` datasets through a reader per
 * route (the DatasetReader port), previewed (stored in import_previews), then committed as drafts
 * through the datasets context. Each route's reader is bound here.
 */
@Module({
  imports: [DatasetsModule, OrganizationsModule, ScoringSchemesModule, TargetSheetsModule],
  controllers: [ImportsController],
  providers: [
    ImportPreviewRepository,
    ImportPreviewService,
    PreviewContext,
    ImportCommitService,
    { provide: DATASET_FILE_READER, useClass: DatasetFileReader },
    { provide: TARGET_WORKBOOK_READER, useClass: TargetWorkbookReader },
    { provide: DISCLOSURE_TEXT_READER, useClass: DisclosureTextReader },
  ],
})
export class ImportsModule {}
