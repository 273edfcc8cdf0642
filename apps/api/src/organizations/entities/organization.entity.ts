import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { OrganizationKind } from '@jixiao/contracts';
import { varcharIn } from '../../core/database/check-expressions';

/** 财政局 / 部门 / 单位: a node of the organization tree. */
@Entity('organizations')
@Check('organizations_kind_check', varcharIn('kind', ['finance_bureau', 'department', 'unit']))
@Check('organizations_name_check', `((name)::text <> ''::text)`)
@Check('organizations_check', `(((kind)::text = 'finance_bureau'::text) = (region IS NOT NULL))`) // a region exactly for finance bureaus
@Check('organizations_check1', `(((kind)::text <> 'unit'::text) OR (parent_id IS NOT NULL))`) // a unit has a parent
@Index('organizations_parent_idx', ['parentId'])
@Index('organizations_bureau_region_uq', ['region'], { unique: true, where: `((kind)::text = 'finance_bureau'::text)` })
// Not expressible in TypeORM, kept by the migration: (path text_pattern_ops) and (coalesce(parent_id, …), kind, name).
@Index('organizations_path_idx', { synchronize: false })
@Index('organizations_sibling_name_uq', { synchronize: false })
@Index('organizations_sibling_code_uq', { synchronize: false }) // (coalesce(parent_id, …), code) WHERE code IS NOT NULL: 代码 unique among siblings
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organizations_pkey' }) id: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'organizations_parent_id_fkey' })
  parent?: Relation<OrganizationEntity> | null;
  @Column({ type: 'varchar', length: 20 }) kind: OrganizationKind;
  @Column({ type: 'varchar', length: 64, nullable: true }) code: string | null;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) region: string | null; // 行政区划, finance bureaus only
  @Column({ type: 'text' }) path: string; // '/<root id>/…/<own id>/'
  @Column({ type: 'integer', default: 0 }) position: number;
  @Column({ type: 'boolean', default: true }) active: boolean; // 停用: kept with its data and history
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
