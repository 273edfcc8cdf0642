import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfigService } from '../core/config/app-config.service';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { OrganizationRepository } from './persistence/organization.repository';
import { UserRepository } from './persistence/user.repository';
import { AuthService } from './services/auth.service';
import { PrincipalService } from './services/principal.service';
import { TokenService } from './services/token.service';
import { OrganizationTreeService } from './services/organization-tree.service';
import { UserDirectoryService } from './services/user-directory.service';

/** Organizations & users: the tree, accounts, login and the access guard. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({ secret: config.get('JWT_SECRET'), signOptions: { expiresIn: config.get('JWT_TTL_SECONDS') } }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    OrganizationRepository,
    UserRepository,
    AuthService,
    TokenService,
    PrincipalService,
    OrganizationTreeService,
    UserDirectoryService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [OrganizationTreeService, UserDirectoryService, PrincipalService],
})
export class OrganizationsModule {}
