import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry } from '../core/queue/job-handlers';
import { JobName, JobOf } from '../core/queue/queue.constants';
import { PrincipalService } from '../organizations/services/principal.service';
import { DatasetImportResult, DatasetImportService } from './services/dataset-import.service';

/** The `dataset.import` job: the same import, run by a processor (large files, the worker). */
@Injectable()
export class DatasetImportJob implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlerRegistry,
    private readonly importer: DatasetImportService,
    private readonly principals: PrincipalService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.ImportDataset, (payload, progress) => this.run(payload, progress));
  }

  async run(payload: JobOf<JobName.ImportDataset>, progress: (p: number) => Promise<void>): Promise<DatasetImportResult> {
    const actor = await this.principals.load(payload.actorId);
    if (!actor) throw new Error(`job actor ${payload.actorId} no longer exists`);
    await progress(10);
    return this.importer.import(payload.dataset, actor.principal); // one transaction: a killed worker leaves nothing half-written
  }
}
