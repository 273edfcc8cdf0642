import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DatasetReading, ImportSource } from '@jixiao/contracts';
import { DataSource } from 'typeorm';
import { Persistence, Tx } from '../../core/database/persistence';
import { ImportPreviewEntity } from '../entities/import-preview.entity';

/** 导入预览 (import_previews): times are the database's. */
@Injectable()
export class ImportPreviewRepository extends Persistence {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Stores a reading for its caller; answers its id and expiry. Drops the caller's expired previews on the way. */
  async insert(userId: string, source: ImportSource, reading: DatasetReading, ttlHours: number): Promise<{ id: string; expiresAt: Date }> {
    return this.em().transaction(async (tx) => {
      await tx.query(`DELETE FROM import_previews WHERE user_id = $1 AND expires_at < now()`, [userId]);
      const [row] = (await tx.query(
        `INSERT INTO import_previews (user_id, source, reading, expires_at) VALUES ($1, $2, $3::jsonb, now() + make_interval(hours => $4))
         RETURNING id, expires_at`,
        [userId, source, JSON.stringify(reading), ttlHours],
      )) as { id: string; expires_at: Date }[];
      return { id: row!.id, expiresAt: new Date(row!.expires_at) };
    });
  }

  /** The preview with a row lock (the commit's transaction), and whether it has expired by the database's clock. */
  async findForCommit(tx: Tx, id: string): Promise<{ preview: ImportPreviewEntity; expired: boolean } | null> {
    const preview = await tx.findOne(ImportPreviewEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!preview) return null;
    const [{ expired }] = (await tx.query(`SELECT $1::timestamptz < now() AS expired`, [preview.expiresAt])) as { expired: boolean }[];
    return { preview, expired };
  }

  async markCommitted(tx: Tx, id: string): Promise<void> {
    await tx.query(`UPDATE import_previews SET committed_at = now() WHERE id = $1`, [id]);
  }
}
