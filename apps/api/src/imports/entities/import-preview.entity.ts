import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DatasetReading, ImportSource } from '@jixiao/contracts';
import { varcharIn } from '../../core/database/check-expressions';
import { ForeignKeyTo } from '../../core/database/foreign-key';

export const IMPORT_SOURCES: readonly ImportSource[] = ['target-sheets', 'disclosure-text', 'datasets'];

/** 导入预览: what one upload or paste was read into, for its caller to commit before it expires. */
@Entity('import_previews')
@Check('import_previews_source_check', varcharIn('source', IMPORT_SOURCES))
@Index('import_previews_user_idx', ['userId'])
@Index('import_previews_expires_idx', ['expiresAt'])
export class ImportPreviewEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'import_previews_pkey' }) id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @ForeignKeyTo('UserEntity', { name: 'user_id', foreignKeyConstraintName: 'import_previews_user_id_fkey' }, 'CASCADE')
  user?: object | null; // UserEntity (another context): the foreign key only
  @Column({ type: 'varchar', length: 20 }) source: ImportSource;
  @Column({ type: 'jsonb' }) reading: DatasetReading;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true }) committedAt: Date | null;
}
