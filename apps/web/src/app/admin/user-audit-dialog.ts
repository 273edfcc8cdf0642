import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { UserResponse } from '@jixiao/contracts/api/admin.contract';
import { of } from 'rxjs';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { actionLabel, actorLabel, changeSummary } from '../shared/audit-labels';
import { AdminApi } from './admin-api';

/** 操作记录 of one account: who changed what and when (the person with the role, the action in Chinese). */
@Component({
  selector: 'jx-user-audit-dialog',
  imports: [DatePipe, NzModalModule, NzTableModule],
  template: `
    <nz-modal
      [nzVisible]="user() !== null"
      [nzTitle]="'操作记录：' + (user()?.displayName ?? '')"
      nzWidth="820px"
      nzClassName="user-audit-dialog"
      [nzFooter]="null"
      (nzOnCancel)="closed.emit()"
    >
      <ng-container *nzModalContent>
        <nz-table #t [nzData]="events.value() ?? []" [nzLoading]="events.isLoading()" [nzShowPagination]="false" [nzFrontPagination]="false" nzSize="small">
          <thead>
            <tr>
              <th scope="col" nzWidth="150px">时间</th>
              <th scope="col" nzWidth="220px">操作人</th>
              <th scope="col" nzWidth="120px">操作</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            @for (e of t.data; track e.id) {
              <tr class="audit-row">
                <td>{{ e.occurredAt | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
                <td class="actor">{{ actor(e.actor) }}</td>
                <td class="action">{{ action(e) }}</td>
                <td class="summary">{{ summary(e) }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
      </ng-container>
    </nz-modal>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserAuditDialog {
  private readonly api = inject(AdminApi);
  readonly user = input.required<UserResponse | null>();
  readonly closed = output<void>();

  protected readonly events = rxResource({
    params: () => this.user()?.id,
    stream: ({ params }) => (params ? this.api.userAudit(params) : of([])),
  });
  protected readonly actor = actorLabel;
  protected readonly action = actionLabel;
  protected readonly summary = changeSummary;
}
