import fc from 'fast-check';
import { fuzzSeed } from '../support/environment';
import { requestsOf, type FuzzContext, type FuzzRequest } from '../support/fuzz/fuzz-requests';
import { buildFuzzWorld, tableDigests, type FuzzWorld } from '../support/fuzz/fuzz-world';
import { loadOpenApiDocument, operationsOf, type Operation } from '../support/fuzz/openapi-operations';
import { TestApi } from '../support/test-api';

/** Requests per operation and run. */
const RUNS = 300;
const SEED = fuzzSeed();

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
}

/** What is wrong with an answer to a request that carries a defect (undefined: a 4xx problem, as it must be). */
function wrongWith(answer: Answer): string | undefined {
  if (answer.status < 400 || answer.status >= 500) return `answered ${answer.status}`;
  if (!answer.contentType.startsWith('application/problem+json')) return `answered ${answer.contentType}`;
  const body = answer.body as Record<string, unknown> | null;
  if (body === null || typeof body !== 'object') return 'answered no problem details';
  for (const key of ['type', 'title', 'detail']) {
    if (typeof body[key] !== 'string' || body[key] === '') return `answered a problem without ${key}`;
  }
  if (body['status'] !== answer.status) return `answered a problem whose status is ${String(body['status'])}`;
  if (answer.status === 400) {
    const errors = body['errors'];
    if (!Array.isArray(errors) || errors.length === 0) return 'answered a 400 that names no field';
    for (const error of errors as { field?: unknown }[]) {
      if (typeof error.field !== 'string' || error.field === '') return 'answered a 400 with an unnamed field';
    }
  }
  return undefined;
}

describe('every operation of the OpenAPI document, given hostile input', () => {
  let api: TestApi;
  let world: FuzzWorld;
  let context: FuzzContext;
  let operations: Operation[];

  beforeAll(async () => {
    process.stdout.write(`fuzz.spec: seed ${SEED} (FUZZ_SEED=${SEED} npx jest test/integration/fuzz.spec.ts)\n`);
    // The document is built in a process of its own while the world is built here.
    const [document] = await Promise.all([
      loadOpenApiDocument(),
      (async () => {
        api = await TestApi.start();
        world = await buildFuzzWorld(api);
      })(),
    ]);
    operations = operationsOf(document, api.app);
    context = { ...world.context, document };
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
  });

  async function send(request: FuzzRequest): Promise<Answer> {
    const headers: Record<string, string> = {};
    const token = request.role === undefined ? undefined : world.tokens[request.role];
    if (request.authorization === undefined && token !== undefined) headers['authorization'] = `Bearer ${token}`;
    if (typeof request.authorization === 'string') headers['authorization'] = request.authorization;
    if (request.contentType !== undefined) headers['content-type'] = request.contentType;
    const response = await api.app.inject({
      method: request.method,
      url: request.url,
      headers,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
    const contentType = String(response.headers['content-type'] ?? '');
    let body: unknown = response.body;
    try {
      body = JSON.parse(response.body) as unknown;
    } catch {
      // left as text: wrongWith says what is wrong with it
    }
    return { status: response.statusCode, contentType, body };
  }

  it(`answers ${RUNS} requests with a defect per operation with a 4xx problem, and writes nothing`, async () => {
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const skipped: string[] = [];
    let sent = 0;
    const started = Date.now();
    for (const operation of operations) {
      const requests = requestsOf(operation, context);
      if (requests === undefined) {
        skipped.push(operation.label);
        continue;
      }
      const before = await tableDigests(api.dataSource);
      try {
        await fc.assert(
          fc.asyncProperty(requests, async (request) => {
            const answer = await send(request);
            sent += 1;
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            const wrong = wrongWith(answer);
            if (wrong !== undefined) throw new Error(`${wrong}: ${JSON.stringify(answer.body).slice(0, 500)}`);
          }),
          { numRuns: RUNS, seed: SEED },
        );
      } catch (error: unknown) {
        failures.push(`${operation.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const after = await tableDigests(api.dataSource);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length > 0) failures.push(`${operation.label} wrote to ${changed.join(', ')}`);
    }
    const figures = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    process.stdout.write(
      `fuzz.spec: seed ${SEED}, ${operations.length - skipped.length} operations, ${sent} requests in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s: ${figures.join(' ')}; ` +
        `no input to fuzz: ${skipped.join(', ') || 'none'}\n`,
    );
    expect(failures).toEqual([]);
    expect(operations.length - skipped.length).toBeGreaterThanOrEqual(55);
  }, 600_000);
});
