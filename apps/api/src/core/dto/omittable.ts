import { ValidateIf } from 'class-validator';

/**
 * A field that may be left out, but when sent is validated like any other — null included.
 * IsOptional() lets null through too, and a service that reads `dto.x === undefined ? kept :
 * dto.x.trim()` crashed on a null (500). Use IsOptional() only where null means something.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
