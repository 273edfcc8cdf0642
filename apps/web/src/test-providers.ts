import { registerLocaleData } from '@angular/common';
import zh from '@angular/common/locales/zh';
import { LOCALE_ID, type EnvironmentProviders, type Provider } from '@angular/core';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from './app/core/icons';

registerLocaleData(zh);

/** What every component test gets, as the app does (app.config): zh-CN and the app's icons. */
export default [{ provide: LOCALE_ID, useValue: 'zh-CN' }, provideNzI18n(zh_CN), provideNzIcons(APP_ICONS)] satisfies (Provider | EnvironmentProviders)[];
