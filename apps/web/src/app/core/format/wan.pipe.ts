import { Pipe, PipeTransform } from '@angular/core';
import { formatWan } from './wan';

/** `{{ amount | wan }}`: 元 → 万元 as the budget tables print it. */
@Pipe({ name: 'wan' })
export class WanPipe implements PipeTransform {
  transform(yuan: string | null | undefined): string {
    return formatWan(yuan);
  }
}
