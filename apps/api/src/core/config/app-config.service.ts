import { Injectable } from '@nestjs/common';
import { Env, EnvKey } from './env';

/** Typed access to the validated environment. */
@Injectable()
export class AppConfigService {
  constructor(private readonly env: Env) {}

  get<K extends EnvKey>(key: K): Env[K] {
    return this.env[key];
  }
}
