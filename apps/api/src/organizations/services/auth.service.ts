import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { LoginResponse } from '@jixiao/contracts';
import { Repository } from 'typeorm';
import { AppException } from '../../core/errors/error-codes';
import { UserEntity } from '../entities/user.entity';
import { verifyPassword } from './password.util';
import { toPrincipal } from './principal.service';
import { TokenService } from './token.service';

// Compared against when the user does not exist, so that both failures take the same time.
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.eY8jYsD7Yb1mFvS8n3x9f5m5ZR6i';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tokens: TokenService,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .leftJoinAndSelect('u.organization', 'o')
      .where('u.username = :username AND u.active', { username: username.trim().toLowerCase() })
      .getOne();
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) throw new AppException('AUTH_INVALID_CREDENTIALS', '用户名或密码错误 / wrong username or password');
    return { accessToken: this.tokens.sign(user.id), user: toPrincipal(user).user };
  }
}
