import { Pipe, PipeTransform } from '@angular/core';
import { formatTargetSpec } from '@jixiao/domain/format-target-spec';
import type { TargetSpec } from '@jixiao/domain/target-spec';

/** The parsed target in Chinese: `≥ 1428 人次`, `不晚于9月30日`, `定性：全覆盖`. */
@Pipe({ name: 'targetSpec' })
export class TargetSpecPipe implements PipeTransform {
  transform(spec: TargetSpec): string {
    return formatTargetSpec(spec);
  }
}
