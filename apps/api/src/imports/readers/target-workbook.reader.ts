import { Injectable } from '@nestjs/common';
import type { DatasetReading } from '@jixiao/contracts';
import { readTargetWorkbook } from '@jixiao/contracts/dataset';
import { workbookGrid } from '../xlsx/workbook-grid';
import type { DatasetReader, ReaderInput } from './dataset-reader';

/**
 * Reads an uploaded .xlsx of 绩效目标表 (issue 11): the file as displayed text (workbookGrid, which
 * refuses what is not an .xlsx, an encrypted, corrupt or oversized workbook with a typed 4xx), then the
 * national layouts and their variants read by the pure reader (readTargetWorkbook). What the adapter
 * could not turn into text (a formula without its value) is carried into the reading's problems.
 */
@Injectable()
export class TargetWorkbookReader implements DatasetReader {
  async read(input: ReaderInput): Promise<DatasetReading> {
    if (input.kind !== 'file') throw new Error('TargetWorkbookReader reads files');
    const grid = await workbookGrid(input.buffer);
    return readTargetWorkbook(grid, { fiscalYear: input.fiscalYear ?? undefined, region: input.region });
  }
}
