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
    .light-red { color: var(--jx-light-red); background: var(--jx-light-red-bg); border-color: var(--jx-light-red-border); }
    .light-yellow { color: var(--jx-light-yellow); background: var(--jx-light-yellow-bg); border-color: var(--jx-light-yellow-border); }
    .light-green { color: var(--jx-light-green); background: var(--jx-light-green-bg); border-color: var(--jx-light-green-border); }
    .light-blue { color: var(--jx-light-blue); background: var(--jx-light-blue-bg); border-color: var(--jx-light-blue-border); }
    .light-grey { color: var(--jx-light-grey); background: var(--jx-light-grey-bg); border-color: var(--jx-light-grey-border); }
    .light-none { color: var(--jx-light-none); background: var(--jx-light-none-bg); border-color: var(--jx-light-none-border); }
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
