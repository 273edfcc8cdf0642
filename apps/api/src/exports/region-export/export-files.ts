import { Injectable, Logger } from '@nestjs/common';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfigService } from '../../core/config/app-config.service';

/** How long a finished export's zip is kept: swept when a later export starts. */
export const EXPORT_KEEP_MS = 24 * 3600 * 1000;

/**
 * Where region exports are written: DATA_DIR/exports/<jobId>.zip, first as <jobId>.zip.part and
 * renamed once whole. The API and the workers share DATA_DIR (docker/compose.yaml: the `exports`
 * volume), so the API streams the file a worker wrote.
 */
@Injectable()
export class ExportFiles {
  private readonly logger = new Logger(ExportFiles.name);
  readonly directory: string;

  constructor(config: AppConfigService) {
    this.directory = join(config.get('DATA_DIR'), 'exports');
  }

  /** The finished zip of a job (named by its id: letters, digits, '-', '_', '.' only). */
  pathOf(jobId: string): string {
    if (!/^[\w.-]{1,200}$/.test(jobId) || jobId.startsWith('.')) throw new Error(`bad export file id ${jobId}`);
    return join(this.directory, `${jobId}.zip`);
  }

  /** The zip being written. */
  partPathOf(jobId: string): string {
    return `${this.pathOf(jobId)}.part`;
  }

  async ensureDirectory(): Promise<void> {
    await mkdir(this.directory, { recursive: true });
  }

  /** Removes zips (and parts left by a killed worker) last written more than `keepMs` ago; how many. */
  async sweep(now: number = Date.now(), keepMs = EXPORT_KEEP_MS): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch {
      return 0; // nothing exported yet
    }
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith('.zip') || n.endsWith('.zip.part'))) {
      const path = join(this.directory, name);
      try {
        if (now - (await stat(path)).mtimeMs > keepMs) {
          await rm(path, { force: true });
          removed += 1;
        }
      } catch {
        // removed by another replica meanwhile
      }
    }
    if (removed > 0) this.logger.log(`swept ${removed} export file(s) older than ${Math.round(keepMs / 3600_000)} h`);
    return removed;
  }
}
