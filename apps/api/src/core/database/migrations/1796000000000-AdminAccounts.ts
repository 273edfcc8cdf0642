import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 系统管理 (issue 9, items 1–2): the role 管理员 (bureau_admin, one finance bureau's subtree); accounts
 * that must change their password (a new account, a reset), a token version that ends every earlier
 * session when the password changes; organizations that are 停用 (deactivated) instead of deleted,
 * with codes unique among siblings; and the login throttle shared by every API replica: failures per
 * account (5 in a row lock it for a while) and per client address (a cap per window).
 */
export class AdminAccounts1796000000000 implements MigrationInterface {
  name = 'AdminAccounts1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('unit_editor', 'department_reviewer', 'finance_reviewer', 'viewer', 'bureau_admin', 'admin'))`,
    );
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`); // 首次登录须修改密码
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`); // bumped: earlier tokens stop working
    await q.query(`ALTER TABLE users ADD COLUMN password_changed_at timestamptz`);
    await q.query(`ALTER TABLE users ADD COLUMN last_login_at timestamptz`);

    await q.query(`ALTER TABLE organizations ADD COLUMN active boolean NOT NULL DEFAULT true`); // 停用: kept with its data
    await q.query(
      `CREATE UNIQUE INDEX organizations_sibling_code_uq ON organizations (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), code) WHERE code IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE login_throttles (                               -- 登录限制
        scope varchar(8) NOT NULL CHECK (scope IN ('account', 'ip')),
        subject varchar(200) NOT NULL,                            -- the username as typed (lower case), or the client address
        failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0), -- failures since the window started (an account: in a row)
        window_started_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        PRIMARY KEY (scope, subject)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttles`);
    await q.query(`DROP INDEX organizations_sibling_code_uq`);
    await q.query(`ALTER TABLE organizations DROP COLUMN active`);
    await q.query(`ALTER TABLE users DROP COLUMN last_login_at`);
    await q.query(`ALTER TABLE users DROP COLUMN password_changed_at`);
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
    await q.query(`ALTER TABLE users DROP COLUMN must_change_password`);
    await q.query(`UPDATE users SET role = 'viewer' WHERE role = 'bureau_admin'`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('unit_editor', 'department_reviewer', 'finance_reviewer', 'viewer', 'admin'))`,
    );
  }
}
