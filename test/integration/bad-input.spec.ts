import { buildActors, diagnose, recordVisit, type Actors } from '../support/case-fixtures';
import { buildWorld, newUscc, type World } from '../support/fixtures';
import { TestApi } from '../support/test-api';

/**
 * Issue 15 (an attacker's requests against a fresh stack) and what the fuzz of every operation found
 * (test/integration/fuzz.spec.ts): each input below once answered a 500 or an error in another shape. Each
 * is now a 4xx problem (application/problem+json with type, title, status and detail) naming the field,
 * and writes nothing.
 */
describe('hostile input: a 4xx problem naming the field, never a 500', () => {
  let api: TestApi;
  let world: World;
  let actors: Actors;
  let caseId: string;
  let importId: string;

  interface Sent {
    readonly method?: 'GET' | 'POST' | 'PATCH';
    readonly url: string;
    readonly token?: string;
    readonly payload?: string;
    readonly contentType?: string;
    readonly headers?: Record<string, string>;
  }

  async function send(request: Sent): Promise<{ status: number; type: string; body: Record<string, unknown> }> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.token !== undefined) headers['authorization'] = `Bearer ${request.token}`;
    if (request.payload !== undefined) headers['content-type'] = request.contentType ?? 'application/json';
    const response = await api.app.inject({
      method: request.method ?? (request.payload === undefined ? 'GET' : 'POST'),
      url: request.url,
      headers,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
    return {
      status: response.statusCode,
      type: String(response.headers['content-type']),
      body: JSON.parse(response.body) as Record<string, unknown>,
    };
  }

  const PROBLEM_SHAPE = { type: 'string', title: 'string', detail: 'string' };
  const shapeOf = (body: Record<string, unknown>): Record<string, string> => ({
    type: typeof body['type'],
    title: typeof body['title'],
    detail: typeof body['detail'],
  });

  /** Sends the request and checks the answer is the problem `status` naming `field`, and that nothing was written. */
  async function expectProblem(request: Sent, status: number, field: string): Promise<void> {
    const before = await rowCounts();
    const answer = await send(request);
    expect({ status: answer.status, body: answer.body }).toMatchObject({ status, body: { status } });
    expect(answer.type).toMatch(/^application\/problem\+json/u);
    expect(shapeOf(answer.body)).toEqual(PROBLEM_SHAPE);
    expect(answer.body['errors']).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await rowCounts()).toEqual(before);
  }

  const WRITTEN = ['organizations', 'users', 'cases', 'case_events', 'loan_contracts', 'imports', 'import_chunks'];
  const rowCounts = (): Promise<Record<string, number>> =>
    api.counts([...WRITTEN, 'outbox', 'idempotency_keys', 'audit_records']);
  const forged = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  beforeAll(async () => {
    api = await TestApi.start();
    world = await buildWorld(api);
    actors = await buildActors(api, world);
    const visitId = await recordVisit(api, actors.officer, {
      campaignId: world.provinceCampaignId,
      enterpriseId: world.henanEnterpriseId,
    });
    caseId = String((await diagnose(api, actors.officer, { visitId }))['id']);
    const upload = await send({
      url: '/api/v1/imports/visits',
      token: actors.officer,
      contentType: 'text/csv',
      payload: `enterpriseId,campaignId,visitedOn,kind\n${world.henanEnterpriseId},${world.provinceCampaignId},2026-06-02,follow_up\n`,
    });
    importId = String(upload.body['id']);
  }, 60_000);

  afterAll(async () => {
    await api?.stop();
  });

  describe('JSON nested 10,000 deep (was a 500: validation ran out of stack)', () => {
    it.each([
      ['POST /organizations', '/api/v1/organizations', (d: string) => `{"kind":"bank","name":${d}}`],
      ['POST /cases/:id/loans', '/api/v1/cases/:case/loans', (d: string) => `{"contracts":${d}}`],
      ['POST /auth/login (public)', '/api/v1/auth/login', (d: string) => d],
    ])('%s is a 400 naming body', async (_name, path, body) => {
      const token = path.includes('cases') ? actors.leadManager : world.adminToken;
      const url = path.replace(':case', caseId);
      await expectProblem({ url, token, payload: body(nested(10_000)) }, 400, 'body');
    });

    it('is refused before the idempotency key hashes the body (was a 500 too)', async () => {
      const payload = `{"kind":${nested(10_000)}}`;
      const headers = { 'idempotency-key': 'deep-1' };
      await expectProblem({ url: '/api/v1/organizations', token: world.adminToken, payload, headers }, 400, 'body');
    });

    it('takes a body nested as deep as the API needs', async () => {
      const answer = await send({
        url: `/api/v1/cases/${caseId}/loans`,
        token: actors.leadManager,
        payload: JSON.stringify({ contracts: [{ amount: '1.00', annualRatePct: '3', termMonths: 12 }] }),
      });
      expect(answer.status).toBe(400); // the contract misses fields: named by the DTO, not refused as deep
      expect(answer.body['errors']).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'contracts.0.signedOn' })]),
      );
    });
  });

  describe('forged cursors (a date JavaScript reads and Postgres does not was a 500 on every list)', () => {
    const OUT_OF_RANGE = forged(['+275760-09-13T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']);
    it.each([
      'regions',
      'organizations',
      'users',
      'industrial-chains',
      'enterprises',
      'campaigns',
      'sla-policies',
      'calendars',
      'visits',
      'cases',
      'me/notifications',
      'escalations',
    ])('GET /%s?cursor=<+275760-09-13> is a 400 naming cursor', async (list) => {
      const token =
        list === 'escalations' ? actors.supervisor : list === 'cases' ? actors.leadManager : world.adminToken;
      await expectProblem({ url: `/api/v1/${list}?cursor=${OUT_OF_RANGE}`, token }, 400, 'cursor');
    });

    it.each([
      ['an id of 36 dashes (was a 400 naming no field)', forged(['2026-01-01T00:00:00.000Z', '-'.repeat(36)])],
      ['year 0, which Postgres has not', forged(['0000-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])],
      ['30 February', forged(['2026-02-30T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])],
      ['no cursor at all', 'bm90IGEgY3Vyc29y'],
    ])('a cursor with %s is a 400 naming cursor', async (_why, cursor) => {
      await expectProblem({ url: `/api/v1/cases?cursor=${cursor}`, token: actors.leadManager }, 400, 'cursor');
    });

    it('takes the cursor a list gave out', async () => {
      const first = await send({ url: '/api/v1/regions?limit=1', token: world.adminToken });
      const next = await send({
        url: `/api/v1/regions?limit=1&cursor=${String(first.body['nextCursor'])}`,
        token: world.adminToken,
      });
      expect(next.status).toBe(200);
    });
  });

  describe('lone surrogates (not well-formed UTF-16)', () => {
    it('in the email of POST /auth/login is a 400 naming email (was a 500)', async () => {
      await expectProblem(
        { url: '/api/v1/auth/login', payload: '{"email":"\\ud800@x.cn","password":"x"}' },
        400,
        'email',
      );
    });

    it('in the email of POST /users is a 400 naming email (was a 500)', async () => {
      const payload = '{"email":"\\ud800@x.cn","name":"n","password":"a-password-of-length","role":"admin"}';
      await expectProblem({ url: '/api/v1/users', token: world.adminToken, payload }, 400, 'email');
    });

    it("in an organization's name is a 400 naming name (was stored, 201)", async () => {
      const payload = '{"kind":"bank","name":"a\\udfffb","regionCode":"410100"}';
      await expectProblem({ url: '/api/v1/organizations', token: world.adminToken, payload }, 400, 'name');
    });

    it("in a case note's text is a 400 naming text (was a 400 naming no field, from Postgres)", async () => {
      const payload = '{"text":"a\\ud800b"}';
      await expectProblem({ url: `/api/v1/cases/${caseId}/notes`, token: actors.leadManager, payload }, 400, 'text');
    });

    it('in a nested field or a key is a 400 naming it', async () => {
      const contract =
        '{"amount":"1.00","annualRatePct":"3","termMonths":12,"signedOn":"2026-06-01","contractNo":"\\udc00"}';
      const url = `/api/v1/cases/${caseId}/loans`;
      await expectProblem(
        { url, token: actors.leadManager, payload: `{"contracts":[${contract}]}` },
        400,
        'contracts.0.contractNo',
      );
      await expectProblem({ url, token: actors.leadManager, payload: '{"\\ud800":1}' }, 400, 'body');
    });

    it('keeps well-formed text beyond the Basic Multilingual Plane', async () => {
      const answer = await send({
        url: '/api/v1/organizations',
        token: world.adminToken,
        payload: '{"kind":"bank","name":"𠀋银行 😀","regionCode":"410100"}',
      });
      expect(answer.status).toBe(201);
    });
  });

  describe('CSV quoting and broken uploads', () => {
    const visitsHeader = 'enterpriseId,campaignId,visitedOn,kind';
    it('a stray quote in row 2 of a visits CSV is a 400 naming file (was a 500)', async () => {
      const row = `${world.henanEnterpriseId},${world.provinceCampaignId},2026-06-02,follow_upx"y`;
      const payload = `${visitsHeader}\n${row}\n`;
      await expectProblem(
        { url: '/api/v1/imports/visits', token: actors.officer, contentType: 'text/csv', payload },
        400,
        'file',
      );
    });

    it('a stray quote in row 2 of an enterprises CSV is a 400 naming file (was a 500)', async () => {
      const payload = `uscc,name,regionCode,size\n${newUscc('410102')},郑"州,410102,small\n`;
      await expectProblem(
        { url: '/api/v1/imports/enterprises', token: world.adminToken, contentType: 'text/csv', payload },
        400,
        'file',
      );
    });

    it('a multipart body cut before its closing boundary is a 400 naming file (was a 500)', async () => {
      const payload = `--b\r\ncontent-disposition: form-data; name="file"; filename="v.csv"\r\n\r\n${visitsHeader}\n`;
      const contentType = 'multipart/form-data; boundary=b';
      await expectProblem({ url: '/api/v1/imports/visits', token: actors.officer, contentType, payload }, 400, 'file');
    });
  });

  describe('integers past their column (reached Postgres and came back as a 400 naming no field)', () => {
    it.each([['1e308'], ['9007199254740994'], ['2147483648']])(
      'expectedVersion %s is a 400 naming expectedVersion',
      async (n) => {
        const url = `/api/v1/cases/${caseId}/claim`;
        await expectProblem(
          { url, token: actors.leadManager, payload: `{"expectedVersion":${n}}` },
          400,
          'expectedVersion',
        );
      },
    );

    it.each([
      ['limit', '/api/v1/regions?limit=1e308'],
      ['limit', '/api/v1/regions?limit=9007199254740994'],
      ['limit', '/api/v1/regions?limit=-0'],
      ['errorsAfterRow', '/api/v1/imports/:import?errorsAfterRow=2147483648'],
      ['errorsAfterRow', '/api/v1/imports/:import?errorsAfterRow=1e3'],
    ])('%s in %s is a 400 naming it', async (field, url) => {
      await expectProblem({ url: url.replace(':import', importId), token: actors.officer }, 400, field);
    });
  });

  describe("the framework's own refusals, as problem details", () => {
    it('a path id of 101 characters is a 400 naming id (was a 404 naming no parameter)', async () => {
      await expectProblem({ url: `/api/v1/cases/${'a'.repeat(101)}`, token: actors.leadManager }, 400, 'id');
      await expectProblem({ url: `/api/v1/regions/${'4'.repeat(120)}`, token: actors.leadManager }, 400, 'code');
    });

    it("a path that is not UTF-8 is a 400 naming path (was a 400 in Fastify's shape)", async () => {
      await expectProblem({ url: '/api/v1/cases/%ED%A0%80', token: actors.leadManager }, 400, 'path');
    });

    it.each([
      ['an unknown route', { url: '/api/v1/nothing' }, 404],
      ['a method the path has not', { method: 'PATCH' as const, url: '/api/v1/cases', payload: '{}' }, 404],
      ['a body too large', { url: '/api/v1/organizations', payload: `{"name":"${'x'.repeat(1_100_000)}"}` }, 413],
      [
        'an unsupported media type',
        { url: '/api/v1/organizations', payload: '<x/>', contentType: 'application/xml' },
        415,
      ],
    ])('%s is a problem', async (_why, request, status) => {
      const answer = await send({ ...request, token: world.adminToken });
      expect(answer.status).toBe(status);
      expect(answer.type).toMatch(/^application\/problem\+json/u);
      expect(answer.body['status']).toBe(status);
      expect(shapeOf(answer.body)).toEqual(PROBLEM_SHAPE);
    });

    it.each([
      ['malformed JSON', '{"kind":'],
      ['an empty JSON body', ''],
      ['__proto__', '{"__proto__":{"admin":true}}'],
      ['constructor.prototype', '{"constructor":{"prototype":{"admin":true}}}'],
      ['an array', '[]'],
      ['a string', '"bank"'],
    ])('a body of %s is a 400 naming body', async (_why, payload) => {
      await expectProblem({ url: '/api/v1/organizations', token: world.adminToken, payload }, 400, 'body');
    });

    it('a text/plain body for a JSON DTO is a 400 naming body', async () => {
      const request = {
        url: '/api/v1/organizations',
        token: world.adminToken,
        payload: 'bank',
        contentType: 'text/plain',
      };
      await expectProblem(request, 400, 'body');
    });

    it.each([['valueOf'], ['toString'], ['constructor'], ['hasOwnProperty']])(
      'a field named %s (the fuzz: dropped silently, and the claim ran) is a 400 naming it',
      async (key) => {
        const payload = JSON.stringify({ [key]: 1 });
        await expectProblem({ url: `/api/v1/cases/${caseId}/claim`, token: actors.leadManager, payload }, 400, key);
        await expectProblem({ url: `/api/v1/cases?${key}=1`, token: actors.leadManager }, 400, key);
      },
    );

    it('a query parameter __proto__ is a 400 naming it (was ignored)', async () => {
      await expectProblem({ url: '/api/v1/regions?__proto__=1', token: world.adminToken }, 400, '__proto__');
    });
  });
});
