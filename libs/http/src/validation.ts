import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldError } from '@unblock/domain';
import { unsafeInput } from './unsafe-input';

function flatten(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Parameter types that are no DTO (a `@Param('id') id: string`). */
const BUILT_IN_TYPES = new Set<unknown>([String, Boolean, Number, Array, Object]);

/**
 * Strict DTO validation: unknown keys are refused, types are not coerced silently, every field is named.
 * Before the DTO's own rules, for every body, query string and path parameter: a DTO's body is a JSON
 * object, no text (nor key) holds a lone UTF-16 surrogate, which no later step could store or hash, and no
 * key names a prototype or what objects inherit (`__proto__`, `constructor`, `valueOf`…), which
 * class-transformer would drop without a word.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') {
      return super.transform(value, metadata);
    }
    const name = metadata.data ?? metadata.type;
    const isDto = typeof metadata.metatype === 'function' && !BUILT_IN_TYPES.has(metadata.metatype);
    if (metadata.type === 'body' && isDto && value !== undefined && value !== null) {
      if (typeof value !== 'object' || Array.isArray(value)) throw DomainError.invalid(name, 'must be a JSON object');
    }
    const unsafe = unsafeInput(value, name);
    if (unsafe !== undefined) throw DomainError.invalid(unsafe.field, unsafe.message);
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      const fields = [...new Set(fieldErrors.map((e) => e.field))].join(', ');
      return new DomainError('invalid_input', `invalid input: ${fields}`, fieldErrors);
    },
  });
}
