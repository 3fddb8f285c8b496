import { Transform } from 'class-transformer';
import { IsDateString, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** A calendar date as the API reads and writes it: YYYY-MM-DD. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** The one reading of a query string's boolean (`@unblock/http`), for the API's DTOs. */
export { toBoolean } from '@unblock/http';

/** A string without its surrounding blanks; anything else is left for the validator to refuse. */
export const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** A name of reference data: a string of 1 to 200 characters once trimmed. */
export function IsName(): PropertyDecorator {
  return (target, key) => {
    Transform(trimmed)(target, key);
    IsString()(target, key);
    MinLength(1)(target, key);
    MaxLength(200)(target, key);
  };
}

/** A date (YYYY-MM-DD) that exists in the calendar; the message names the property. */
export function IsIsoDate(): PropertyDecorator {
  return (target, key) => {
    Matches(ISO_DATE, { message: `${String(key)} must be a date (YYYY-MM-DD)` })(target, key);
    IsDateString({ strict: true })(target, key);
  };
}

/** An optional free-text note of at most 4,000 characters. */
export function IsNote(): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    IsString()(target, key);
    MaxLength(4000)(target, key);
  };
}
