import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';

type DtoClass = new () => object;

/**
 * A required nested object validated by its DTO class (add @IsOptional() before it to make it
 * optional). ValidateNested alone lets through what is no object: it skips a missing value and
 * walks an array instead, so `amount: []` or no `amount` passed and reached the service.
 */
export function NestedObject(type: () => DtoClass, field: string): PropertyDecorator {
  return applyDecorators(
    IsDefined({ message: `请填写 ${field}` }),
    IsObject({ message: `${field} 须为对象` }),
    ValidateNested(),
    Type(type),
  );
}

/**
 * Each element of an array is an object validated by its DTO class. ValidateNested({ each: true })
 * alone walks an element that is itself an array, so `[[]]` passed as an element and reached the
 * service. Pair it with @IsArray() (and a size limit) on the property.
 */
export function NestedObjects(type: () => DtoClass, field: string): PropertyDecorator {
  return applyDecorators(
    IsObject({ each: true, message: `${field} 的每一项须为对象` }),
    ValidateNested({ each: true }),
    Type(type),
  );
}
