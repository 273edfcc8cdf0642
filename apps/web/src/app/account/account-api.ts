import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ChangePasswordRequest, LoginResponse } from '@jixiao/contracts/api/auth.contract';
import type { Observable } from 'rxjs';

/** 修改密码 (endpoints.md): answers a fresh session; the others of this user end. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  changePassword(body: ChangePasswordRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>('/api/auth/password', body);
  }
}
