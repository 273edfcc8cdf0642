import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfigService } from './app-config.service';
import { Env } from './env';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: Env, useValue: env }, AppConfigService],
      exports: [AppConfigService],
    };
  }
}
