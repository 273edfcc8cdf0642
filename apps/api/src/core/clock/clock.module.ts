import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';

/** The clock for every context (core/clock/clock.ts). */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
