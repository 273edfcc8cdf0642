import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@jixiao/contracts';
import { OrganizationEntity } from './organization.entity';

/** 用户: acts only inside its organization's subtree (admin: everywhere). */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar' }) username: string;
  @Column({ name: 'display_name', type: 'varchar' }) displayName: string;
  @Column({ name: 'password_hash', type: 'varchar', select: false }) passwordHash: string;
  @Column({ type: 'varchar' }) role: Role;
  @Column({ name: 'organization_id', type: 'uuid', nullable: true }) organizationId: string | null;
  @ManyToOne(() => OrganizationEntity, { nullable: true })
  @JoinColumn({ name: 'organization_id' })
  organization: OrganizationEntity | null;
  @Column({ type: 'boolean' }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
