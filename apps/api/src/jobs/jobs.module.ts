import { Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';

/** The state of background jobs, for the caller who started them. */
@Module({ controllers: [JobsController] })
export class JobsModule {}
