import { DomainError } from '@unblock/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The deepest a JSON body may nest (objects and arrays). The API's bodies nest three levels at most; the
 * limit keeps every later recursive walk (class-transformer, class-validator, `JSON.stringify` of the
 * idempotency hash) far from the end of the stack.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether JSON text nests deeper than `limit`, found by one pass over the characters (brackets inside
 * strings do not count) without parsing, so a body of 10,000 nested arrays costs no more than its length.
 */
export function jsonNestsDeeper(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * Replaces Fastify's `application/json` parser by the same parser (secure-json-parse, refusing
 * `__proto__` and `constructor.prototype`) behind a depth limit. Every refusal is a 400 naming `body`.
 */
export function useJsonBodyParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request: FastifyRequest, body: string | Buffer, done: (error: Error | null, value?: unknown) => void) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (jsonNestsDeeper(text, MAX_JSON_DEPTH)) {
        done(DomainError.invalid('body', `nests deeper than ${MAX_JSON_DEPTH} levels`));
        return;
      }
      void parse(request, text, (error: Error | null, value?: unknown) => {
        if (error === null) done(null, value);
        else done(DomainError.invalid('body', unreadableJson(error, text)));
      });
    },
  );
}

function unreadableJson(error: Error, text: string): string {
  if (text.length === 0) return 'is empty; send a JSON object';
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    // secure-json-parse refuses prototype keys with a SyntaxError as it refuses malformed JSON.
    return /"(__proto__|constructor)"\s*:/u.test(text)
      ? 'may not hold the keys "__proto__" or "constructor.prototype"'
      : 'is not valid JSON';
  }
  return 'is not valid JSON';
}
