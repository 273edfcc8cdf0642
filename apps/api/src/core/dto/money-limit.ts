import { isWithinMoneyLimit, MAX_MONEY_TEXT } from '@jixiao/domain';
import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * An amount no larger than MAX_MONEY (libs/domain money.ts): every amount a request carries, so that
 * no sum the system computes overflows numeric(18,2). `label` names the field in the Chinese message.
 */
export function WithinMoneyLimit(label: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'withinMoneyLimit',
      validator: { validate: (value: unknown) => isWithinMoneyLimit(value) },
    },
    { message: `${label}不能超过 ${MAX_MONEY_TEXT}`, ...options },
  );
}
