import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { REVIEW_CODE_TITLES, type ReviewFinding } from '@jixiao/domain/review';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** 目标审核助手: the review rules' findings, errors marked 需修改, warnings 请核实. */
@Component({
  selector: 'jx-review-findings',
  imports: [NzTagModule],
  template: `
    <h3 [id]="headingId()" class="jx-section-title">
      目标审核助手 <span class="jx-count">{{ findings().length === 0 ? '未发现问题' : '发现 ' + findings().length + ' 处问题' }}</span>
      @if (live()) {
        <span class="jx-count">（随填写实时更新）</span>
      }
    </h3>
    @if (findings().length > 0) {
      <ul class="findings">
        @for (f of findings(); track $index) {
          <li class="finding" [class.error]="f.severity === 'error'">
            <nz-tag [nzColor]="f.severity === 'error' ? 'red' : 'orange'">{{ f.severity === 'error' ? '需修改' : '请核实' }}</nz-tag>
            <span class="finding-title">{{ titles[f.code] }}</span>
            <span class="finding-message">{{ f.message }}</span>
          </li>
        }
      </ul>
    } @else {
      <p class="jx-muted">审核规则未发现问题。</p>
    }
  `,
  styles: `
    .findings { margin: 0 0 8px; padding: 0; list-style: none; }
    .finding { display: flex; gap: 8px; align-items: baseline; padding: 6px 0; border-bottom: 1px dashed var(--jx-border); }
    .finding-title { font-weight: 600; white-space: nowrap; }
    .finding-message { color: var(--jx-text-label); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewFindings {
  readonly findings = input.required<readonly ReviewFinding[]>();
  readonly headingId = input('review-title');
  /** True while editing: the findings follow the typing. */
  readonly live = input(false);

  protected readonly titles = REVIEW_CODE_TITLES;
}
