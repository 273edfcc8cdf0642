import { IsArray, IsOptional, IsString } from 'class-validator';
import { AppException } from '../errors/error-codes';
import { createValidationPipe } from '../errors/validation.pipe';
import { FiscalYearParamPipe } from './fiscal-year-param';
import { NestedObject, NestedObjects } from './nested';
import { IsOmittable } from './omittable';

class ItemDto {
  @IsString() name!: string;
}

class SampleDto {
  @NestedObject(() => ItemDto, 'item') item!: ItemDto;
  @IsOptional() @NestedObject(() => ItemDto, 'extra') extra?: ItemDto | null;
  @IsArray() @NestedObjects(() => ItemDto, 'items') items!: ItemDto[];
  @IsOmittable() @IsString() label?: string;
}

/** The fields the validation pipe names for a body, or [] when it passes. */
async function refusedFields(body: unknown): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: SampleDto });
    return [];
  } catch (error) {
    return ((error as AppException).details as { field: string }[]).map((d) => d.field);
  }
}

describe('NestedObject, NestedObjects, IsOmittable', () => {
  const valid = { item: { name: 'a' }, items: [{ name: 'b' }] };

  it('accepts objects, and an optional one left out or null', async () => {
    expect(await refusedFields(valid)).toEqual([]);
    expect(await refusedFields({ ...valid, extra: null, label: 'x' })).toEqual([]);
  });

  it('refuses a required object left out, an array or a scalar in its place', async () => {
    for (const item of [undefined, [], [{ name: 'a' }], 'a', null]) expect(await refusedFields({ ...valid, item })).toContain('item');
    expect(await refusedFields({ ...valid, extra: [] })).toContain('extra');
  });

  it('refuses an element that is an array (even of valid objects), a scalar or null', async () => {
    for (const element of [[], [{ name: 'b' }], 'b', 1, null]) expect(await refusedFields({ ...valid, items: [element] })).toContain('items');
    expect(await refusedFields({ ...valid, items: [{ name: 3 }] })).toContain('items.0.name');
  });

  it('lets an omittable field be left out but not be null', async () => {
    expect(await refusedFields({ ...valid, label: null })).toEqual(['label']);
  });
});

describe('FiscalYearParamPipe', () => {
  const pipe = new FiscalYearParamPipe();
  it('reads 2000–2100 from text or from the number the validation pipe made, and refuses anything else with 400', () => {
    expect(pipe.transform('2024')).toBe(2024);
    expect(pipe.transform(2100)).toBe(2100);
    for (const bad of ['99999999999', '1999', '2101', '-1', '2024.0', '0x7e8', '', 1e20, 2024.5, Number.NaN]) {
      expect(() => pipe.transform(bad)).toThrow(AppException);
    }
    try {
      pipe.transform('abc');
    } catch (error) {
      expect((error as AppException).status).toBe(400);
      expect((error as AppException).userMessage).toBe('预算年度须为 2000 到 2100 之间的整数年份，如 2025');
    }
  });
});
