import { DOCUMENT, registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import zh from '@angular/common/locales/zh';
import {
  ApplicationConfig,
  inject,
  LOCALE_ID,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding, withRouterConfig } from '@angular/router';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { appRoutes } from './app.routes';
import { watchZorroA11y } from './core/a11y/zorro-a11y';
import { authInterceptor } from './core/auth/auth.interceptor';
import { inboxRefreshInterceptor } from './inbox/inbox-refresh.interceptor';
import { APP_ICONS } from './core/icons';

registerLocaleData(zh);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // a navigation refused (unsaved work kept) leaves the browser's history where it was, the back button included
    provideRouter(appRoutes, withComponentInputBinding(), withRouterConfig({ canceledNavigationResolution: 'computed' })),
    provideHttpClient(withInterceptors([authInterceptor, inboxRefreshInterceptor])),
    { provide: LOCALE_ID, useValue: 'zh-CN' },
    provideNzI18n(zh_CN),
    provideNzIcons(APP_ICONS),
    provideAppInitializer(() => void watchZorroA11y(inject(DOCUMENT))),
  ],
};
