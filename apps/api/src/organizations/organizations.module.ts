import { createSecretKey, KeyObject } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfigService } from '../core/config/app-config.service';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { OrganizationsController } from './organizations.controller';
import { LoginSessionRepository } from './persistence/login-session.repository';
import { LoginThrottleRepository } from './persistence/login-throttle.repository';
import { OrganizationRepository } from './persistence/organization.repository';
import { UserRepository } from './persistence/user.repository';
import { AuthService } from './services/auth.service';
import { LoginThrottleService } from './services/login-throttle.service';
import { OrganizationAdminService } from './services/organization-admin.service';
import { OrganizationTreeService } from './services/organization-tree.service';
import { OrganizationUsageHooks } from './services/organization-usage';
import { PrincipalService } from './services/principal.service';
import { SessionService } from './services/session.service';
import { TokenService } from './services/token.service';
import { UserAdminService } from './services/user-admin.service';
import { UserDirectoryService } from './services/user-directory.service';
import { UsersController } from './users.controller';

/**
 * Organizations & users: the tree, accounts, login (with its throttle) and the access guard, and
 * 系统管理 of both. Other contexts read through OrganizationTreeService and UserDirectoryService, and
 * tell 系统管理 what data they keep per organization through OrganizationUsageHooks.
 */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfigService],
      // the secret as a key object made once: jsonwebtoken would otherwise try it as a public key and build a key on every request
      useFactory: (config: AppConfigService) => ({ secret: signingKey(config.get('JWT_SECRET')), signOptions: { expiresIn: config.get('ACCESS_TOKEN_TTL_SECONDS') } }),
    }),
  ],
  controllers: [AuthController, OrganizationsController, UsersController],
  providers: [
    OrganizationRepository,
    UserRepository,
    LoginThrottleRepository,
    LoginSessionRepository,
    AuthService,
    SessionService,
    TokenService,
    PrincipalService,
    LoginThrottleService,
    OrganizationTreeService,
    UserDirectoryService,
    OrganizationUsageHooks,
    OrganizationAdminService,
    UserAdminService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [OrganizationTreeService, UserDirectoryService, PrincipalService, OrganizationUsageHooks],
})
export class OrganizationsModule {}

/** The access tokens' HS256 key: JWT_SECRET (given, or generated into DATA_DIR before the app starts). */
function signingKey(secret: string | undefined): KeyObject {
  if (!secret) throw new Error('JWT_SECRET is missing: the configuration should have provided or generated it');
  return createSecretKey(Buffer.from(secret, 'utf8'));
}
