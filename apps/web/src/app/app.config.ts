import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import zh from '@angular/common/locales/zh';
import {
  ApplicationConfig,
  LOCALE_ID,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import {
  ApartmentOutline,
  CalculatorOutline,
  CheckCircleOutline,
  CloseCircleOutline,
  DownloadOutline,
  FileDoneOutline,
  FundOutline,
  MinusCircleOutline,
  RiseOutline,
  SaveOutline,
  DeleteOutline,
  EditOutline,
  ExclamationCircleOutline,
  LockOutline,
  LogoutOutline,
  PlusOutline,
  QuestionCircleOutline,
  ReloadOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { appRoutes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';

registerLocaleData(zh);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([authInterceptor])),
    { provide: LOCALE_ID, useValue: 'zh-CN' },
    provideNzI18n(zh_CN),
    provideNzIcons([CalculatorOutline, CheckCircleOutline, CloseCircleOutline, DownloadOutline, FileDoneOutline, FundOutline, MinusCircleOutline, RiseOutline, SaveOutline, UserOutline, LockOutline, LogoutOutline, ExclamationCircleOutline, ReloadOutline, ApartmentOutline, EditOutline, PlusOutline, DeleteOutline, QuestionCircleOutline]),
  ],
};
