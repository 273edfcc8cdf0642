import { Injectable } from '@nestjs/common';
import { EvaluatedSheetKey, EvaluatedSheetsQueries } from '../persistence/evaluated-sheets.queries';

export type { EvaluatedSheetKey };

/** The evaluated sheets in effect of a subtree's year, counted and read page by page (keyset), for exports. */
@Injectable()
export class EvaluatedSheetsService {
  constructor(private readonly queries: EvaluatedSheetsQueries) {}

  count(fiscalYear: number, pathPrefix: string | null): Promise<number> {
    return this.queries.count(fiscalYear, pathPrefix);
  }

  /** The next `limit` after `after` (the first page when null), by department id, then sheet id. */
  page(fiscalYear: number, pathPrefix: string | null, after: EvaluatedSheetKey | null, limit: number): Promise<EvaluatedSheetKey[]> {
    return this.queries.page(fiscalYear, pathPrefix, after, limit);
  }
}
