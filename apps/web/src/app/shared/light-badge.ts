import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LIGHT_LABELS, type Light } from '@jixiao/domain/lights';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

/** 红黄绿灯: colour, icon and text together (never colour alone), with how it was reached in a tooltip. */
@Component({
  selector: 'jx-light',
  imports: [NzIconModule, NzTooltipModule],
  template: `
    <span class="light" [class]="'light light-' + (light() ?? 'none')" [attr.data-light]="light() ?? 'none'" nz-tooltip [nzTooltipTitle]="explanation()">
      <nz-icon [nzType]="icon()" aria-hidden="true" />{{ label() }}
    </span>
  `,
  styles: `
    .light { display: inline-flex; align-items: center; gap: 4px; padding: 0 8px; border-radius: 10px; font-size: 12px; line-height: 20px; white-space: nowrap; border: 1px solid transparent; }
    .light-red { color: #a8071a; background: #fff1f0; border-color: #ffa39e; }
    .light-yellow { color: #874d00; background: #fffbe6; border-color: #ffe58f; }
    .light-green { color: #135200; background: #f6ffed; border-color: #b7eb8f; }
    .light-blue { color: #003a8c; background: #e6f4ff; border-color: #91caff; }
    .light-grey { color: #434343; background: #f0f0f0; border-color: #bfbfbf; }
    .light-none { color: #595959; background: #fafafa; border-color: #d9d9d9; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LightBadge {
  readonly light = input<Light | null>(null);
  readonly explanation = input<string>('');
  protected readonly icon = computed(() => {
    const light = this.light();
    return light === null ? 'minus-circle' : LIGHT_LABELS[light].icon;
  });
  protected readonly label = computed(() => {
    const light = this.light();
    return light === null ? '不亮灯' : LIGHT_LABELS[light].label;
  });
}
