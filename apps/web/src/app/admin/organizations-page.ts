import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { OrganizationNodeResponse } from '@jixiao/contracts/api/admin.contract';
import { ORGANIZATION_KIND_NAMES } from '@jixiao/domain/accounts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { Observable } from 'rxjs';
import { AuthStore } from '../core/auth/auth-store';
import { AdminApi } from './admin-api';
import { AdminNav } from './admin-nav';
import { MoveDialog } from './move-dialog';
import { OrganizationDialog, type OrganizationDraft, type OrganizationFields } from './organization-dialog';
import { moveTargets, organizationRows, type OrganizationRow } from './organization-tree';
import { apiErrorMessage } from '../core/http/api-error';
import { AdminActions } from './admin-actions';

/**
 * 组织机构: the administrator's subtree as an indented table — 新建下级, 修改 (name, code), 移动,
 * 停用/启用 (with everything below), 删除 (only what was created by mistake; the server says why not).
 */
@Component({
  selector: 'jx-organizations-page',
  imports: [AdminNav, MoveDialog, NzAlertModule, NzButtonModule, NzIconModule, NzPopconfirmModule, NzTableModule, NzTagModule, OrganizationDialog],
  templateUrl: './organizations-page.html',
  styleUrl: './admin-pages.css',
  host: { class: 'jx-page' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganizationsPage {
  private readonly api = inject(AdminApi);
  private readonly auth = inject(AuthStore);

  protected readonly isSystemAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly tree = rxResource({ stream: () => this.api.organizations() });
  protected readonly rows = computed(() => (this.tree.hasValue() ? organizationRows(this.tree.value()) : []));
  protected readonly loadError = computed(() => (this.tree.error() ? apiErrorMessage(this.tree.error(), '未能载入组织机构，请稍后重试。') : null));

  protected readonly draft = signal<(OrganizationDraft & { id: string | null; parentId: string | null }) | null>(null);
  protected readonly moving = signal<OrganizationRow | null>(null);
  protected readonly targets = computed(() => {
    const moving = this.moving();
    return moving === null ? [] : moveTargets(this.rows(), moving.node);
  });
  private readonly actions = new AdminActions(() => this.tree.reload());
  protected readonly busy = this.actions.busy;
  protected readonly dialogError = this.actions.dialogError;
  protected readonly actionError = this.actions.actionError;
  protected readonly notice = this.actions.notice;

  protected kindName(row: OrganizationRow): string {
    return row.childKind === null ? '' : ORGANIZATION_KIND_NAMES[row.childKind];
  }

  /** The finance bureau a 管理员 administers is its root: it changes it only through 系统管理员. */
  protected mayChange(row: OrganizationRow): boolean {
    return this.isSystemAdmin() || row.node.id !== this.auth.user()?.organization?.id;
  }

  protected newBureau(): void {
    this.openDraft({ mode: 'create', kind: 'finance_bureau', parentLabel: null, name: '', code: '', region: '', id: null, parentId: null });
  }

  protected newChild(row: OrganizationRow): void {
    if (row.childKind === null) return;
    this.openDraft({ mode: 'create', kind: row.childKind, parentLabel: row.label, name: '', code: '', region: '', id: null, parentId: row.node.id });
  }

  protected edit(row: OrganizationRow): void {
    const n = row.node;
    const parentLabel = row.path.length > 1 ? row.path.slice(0, -1).join(' / ') : null;
    this.openDraft({ mode: 'edit', kind: n.kind, parentLabel, name: n.name, code: n.code ?? '', region: n.region ?? '', id: n.id, parentId: n.parentId });
  }

  protected saveDraft(fields: OrganizationFields): void {
    const d = this.draft();
    if (d === null) return;
    const request: Observable<OrganizationNodeResponse> =
      d.id === null
        ? this.api.createOrganization({ parentId: d.parentId, kind: d.kind, name: fields.name, code: fields.code, region: d.kind === 'finance_bureau' ? fields.region : null })
        : this.api.updateOrganization(d.id, { name: fields.name, code: fields.code });
    this.actions.run(request, (n) => `已${d.id === null ? '新建' : '修改'}${ORGANIZATION_KIND_NAMES[n.kind]}「${n.name}」`, () => this.draft.set(null));
  }

  protected startMove(row: OrganizationRow): void {
    this.dialogError.set(null);
    this.moving.set(row);
  }

  protected move(parentId: string): void {
    const row = this.moving();
    if (row === null) return;
    const target = this.rows().find((r) => r.node.id === parentId);
    this.actions.run(this.api.moveOrganization(row.node.id, { parentId }), (n) => `已把「${n.name}」移到「${target?.node.name ?? ''}」之下`, () => this.moving.set(null));
  }

  protected setActive(row: OrganizationRow, active: boolean): void {
    this.actions.run(this.api.setOrganizationActive(row.node.id, active), (n) => `已${active ? '启用' : '停用'}「${n.name}」${row.node.children.length > 0 ? '及其下级' : ''}`);
  }

  protected remove(row: OrganizationRow): void {
    this.actions.run(this.api.deleteOrganization(row.node.id), () => `已删除「${row.node.name}」`);
  }

  protected closeDialogs(): void {
    this.draft.set(null);
    this.moving.set(null);
  }

  private openDraft(draft: OrganizationDraft & { id: string | null; parentId: string | null }): void {
    this.dialogError.set(null);
    this.draft.set(draft);
  }
}
