import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganizationKind } from '@jixiao/contracts';

/** 财政局 / 部门 / 单位: a node of the organization tree. */
@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @Column({ type: 'varchar' }) kind: OrganizationKind;
  @Column({ type: 'varchar', nullable: true }) code: string | null;
  @Column({ type: 'varchar' }) name: string;
  @Column({ type: 'varchar', nullable: true }) region: string | null; // 行政区划, finance bureaus only
  @Column({ type: 'text' }) path: string; // '/<root id>/…/<own id>/'
  @Column({ type: 'integer' }) position: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
