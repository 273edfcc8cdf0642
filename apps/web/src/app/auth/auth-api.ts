import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { LoginRequest, LoginResponse } from '@jixiao/contracts/api/auth.contract';
import type { Observable } from 'rxjs';

/** The login endpoint (endpoints.md). */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(username: string, password: string): Observable<LoginResponse> {
    return this.http.post<LoginResponse>('/api/auth/login', { username, password } satisfies LoginRequest);
  }
}
