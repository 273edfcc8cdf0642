import { inject } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';
import { AuthStore } from '../auth/auth-store';
import { UnsavedChanges } from './unsaved-changes';

/**
 * Leaving a page — or, with `runGuardsAndResolvers: 'always'`, any navigation inside it, such as closing
 * a sheet's panel — with unsaved work asks first. Once signed out (here or in another tab) nothing is
 * asked: the kept draft waits for the next login.
 */
export const unsavedChangesGuard: CanDeactivateFn<unknown> = () => {
  if (!inject(AuthStore).isSignedIn()) return true;
  return inject(UnsavedChanges).confirmLeave();
};
