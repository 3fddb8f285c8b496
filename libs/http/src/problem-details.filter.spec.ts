import { BadRequestException, ServiceUnavailableException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError } from '@unblock/domain';
import { QueryFailedError } from 'typeorm';
import { ProblemDetailsFilter } from './problem-details.filter';

function pgError(code: string): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], Object.assign(new Error('pg'), { code }));
}

describe('problem details', () => {
  const filter = new ProblemDetailsFilter();
  // The filter logs unexpected errors with their stack; keep the test output clean.
  jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);

  it('maps domain errors by code, with the fields', () => {
    const problem = filter.toProblem(DomainError.invalid('uscc', 'bad check character'), undefined);
    expect(problem).toMatchObject({
      status: 400,
      title: 'Bad Request',
      errors: [{ field: 'uscc', message: 'bad check character' }],
    });
    expect(filter.toProblem(DomainError.notFound('case'), undefined)).toMatchObject({ status: 404 });
    expect(filter.toProblem(DomainError.conflict('taken'), undefined)).toMatchObject({ status: 409 });
    expect(filter.toProblem(new DomainError('forbidden', 'no'), undefined)).toMatchObject({ status: 403 });
  });

  it.each([
    ['23505', 409],
    ['23503', 409],
    ['22P02', 400],
    ['22003', 400],
    ['40001', 409],
  ])('maps Postgres error %s to %i', (code, status) => {
    expect(filter.toProblem(pgError(code), undefined).status).toBe(status);
  });

  it('answers an unexpected error with 500, an error id and no stack', () => {
    const error = new Error('boom at /secret/path.ts:12');
    const problem = filter.toProblem(error, undefined);
    expect(problem.status).toBe(500);
    expect(problem['errorId']).toMatch(/^[0-9a-f-]{36}$/u);
    expect(JSON.stringify(problem)).not.toMatch(/secret|boom|\.ts/u);
    expect(filter['logger'].error).toHaveBeenCalled();
  });

  it('keeps the status of HTTP exceptions and throttling', () => {
    expect(filter.toProblem(new BadRequestException('nope'), undefined)).toMatchObject({ status: 400, detail: 'nope' });
    expect(filter.toProblem(new ServiceUnavailableException({ status: 'error' }), undefined)).toMatchObject({
      status: 503,
    });
    expect(filter.toProblem(new ThrottlerException(), undefined)).toMatchObject({ status: 429 });
  });
});
