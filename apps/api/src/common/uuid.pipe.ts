import { Injectable, PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { DomainError } from '@unblock/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** A path parameter that must be a uuid; anything else is a 400 naming the parameter. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!UUID.test(value)) throw DomainError.invalid(metadata.data ?? 'id', 'must be a uuid');
    return value.toLowerCase();
  }
}
