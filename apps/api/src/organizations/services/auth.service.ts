import { Injectable } from '@nestjs/common';
import type { LoginResponse } from '@jixiao/contracts';
import { AppException, ErrorCode } from '../../core/errors/error-codes';
import { UserRepository } from '../persistence/user.repository';
import { verifyPassword } from './password.util';
import { toPrincipal } from './principal.service';
import { TokenService } from './token.service';

// Compared against when the user does not exist, so that both failures take the same time.
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.eY8jYsD7Yb1mFvS8n3x9f5m5ZR6i';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findForLogin(username.trim().toLowerCase());
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) throw new AppException(ErrorCode.AUTH_INVALID_CREDENTIALS, '用户名或密码错误 / wrong username or password');
    return { accessToken: this.tokens.sign(user.id), user: toPrincipal(user).user };
  }
}
