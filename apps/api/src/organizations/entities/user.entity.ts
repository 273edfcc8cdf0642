import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { Role } from '@jixiao/contracts';
import { varcharIn } from '../../core/database/check-expressions';
import { OrganizationEntity } from './organization.entity';

/** 用户: acts only inside its organization's subtree (admin: everywhere). */
@Entity('users')
@Unique('users_username_key', ['username'])
@Check('users_username_check', `((username)::text ~ '^[a-z0-9._-]{3,64}$'::text)`)
@Check('users_role_check', varcharIn('role', ['unit_editor', 'department_reviewer', 'finance_reviewer', 'viewer', 'bureau_admin', 'admin']))
@Check('users_check', `(((role)::text = 'admin'::text) OR (organization_id IS NOT NULL))`) // only an admin has no organization
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'users_pkey' }) id: string;
  @Column({ type: 'varchar', length: 64 }) username: string;
  @Column({ name: 'display_name', type: 'varchar', length: 100 }) displayName: string;
  @Column({ name: 'password_hash', type: 'varchar', length: 100, select: false }) passwordHash: string;
  @Column({ type: 'varchar', length: 32 }) role: Role;
  @Column({ name: 'organization_id', type: 'uuid', nullable: true }) organizationId: string | null;
  @ManyToOne(() => OrganizationEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'users_organization_id_fkey' })
  organization: OrganizationEntity | null;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ name: 'must_change_password', type: 'boolean', default: false }) mustChangePassword: boolean; // 首次登录须修改密码
  @Column({ name: 'token_version', type: 'integer', default: 0 }) tokenVersion: number; // bumped: earlier tokens stop working
  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true }) passwordChangedAt: Date | null;
  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true }) lastLoginAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
