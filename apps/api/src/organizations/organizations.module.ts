import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigService } from '../core/config/app-config.service';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { OrganizationEntity } from './entities/organization.entity';
import { UserEntity } from './entities/user.entity';
import { AuthService } from './services/auth.service';
import { PrincipalService } from './services/principal.service';
import { TokenService } from './services/token.service';
import { OrganizationTreeService } from './services/organization-tree.service';

/** Organizations & users: the tree, accounts, login and the access guard. */
@Module({
  imports: [
    TypeOrmModule.forFeature([OrganizationEntity, UserEntity]),
    JwtModule.registerAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({ secret: config.get('JWT_SECRET'), signOptions: { expiresIn: '12h' } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, TokenService, PrincipalService, OrganizationTreeService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [OrganizationTreeService, PrincipalService],
})
export class OrganizationsModule {}
