// @urql/core as a front end uses it: its default preferGetMethod ('within-url-limit') sends queries by GET, which
// the service answers with an ETag; preferGetMethod: false sends them by POST; an invalid document comes back as a
// CombinedError whose GraphQL error carries the service's code.
import { Client, CombinedError, fetchExchange, gql } from '@urql/core';
import { assert, check, PILLARS, recordingFetch, serviceUrl, summary } from './support.mjs';

const url = `${serviceUrl()}/graphql`;

const PILLAR_NAMES = gql`
  query UrqlPillars {
    pillars { id name }
  }
`;

// no cacheExchange: each query goes to the service, so each request can be looked at
function client(options = {}) {
  const recorder = recordingFetch();
  return { recorder, urql: new Client({ url, exchanges: [fetchExchange], fetch: recorder.fetch, ...options }) };
}

await check('default options: the pillars come by GET, in document order, with a public ETag', async () => {
  const { recorder, urql } = client();
  const result = await urql.query(PILLAR_NAMES, {}).toPromise();
  assert.equal(result.error, undefined, String(result.error));
  assert.deepEqual(result.data.pillars.map((p) => p.name), PILLARS);
  assert.equal(recorder.requests.length, 1);
  const [request] = recorder.requests;
  assert.equal(request.method, 'GET');
  assert.ok(request.url.searchParams.get('query').includes('UrqlPillars'));
  assert.equal(request.status, 200);
  assert.match(request.headers.get('etag') ?? '', /^"[^"]+"$/);
  assert.equal(request.headers.get('cache-control'), 'public, max-age=0, must-revalidate');
});

await check('preferGetMethod false: the same query by POST, not stored', async () => {
  const { recorder, urql } = client({ preferGetMethod: false });
  const result = await urql.query(PILLAR_NAMES, {}).toPromise();
  assert.equal(result.error, undefined, String(result.error));
  assert.deepEqual(result.data.pillars.map((p) => p.name), PILLARS);
  assert.deepEqual(recorder.requests.map((r) => r.method), ['POST']);
  assert.equal(recorder.requests[0].body.operationName, 'UrqlPillars');
  assert.equal(recorder.requests[0].headers.get('cache-control'), 'no-store');
});

await check('variables travel in the GET request: a pillar by id', async () => {
  const { recorder, urql } = client();
  const result = await urql
    .query(gql`query UrqlPillar($id: ID!) { node(id: $id) { id ... on Pillar { name } } }`, { id: 'pil-sv-2' })
    .toPromise();
  assert.equal(result.error, undefined, String(result.error));
  assert.equal(result.data.node.name, PILLARS[1]);
  assert.equal(recorder.requests[0].method, 'GET');
  assert.deepEqual(JSON.parse(recorder.requests[0].url.searchParams.get('variables')), { id: 'pil-sv-2' });
});

for (const [how, options] of [['GET', {}], ['POST', { preferGetMethod: false }]]) {
  await check(`an unknown field by ${how}: a CombinedError with GRAPHQL_VALIDATION_FAILED`, async () => {
    const { recorder, urql } = client(options);
    const result = await urql.query(gql`query UrqlBadField { pillars { noSuchField } }`, {}).toPromise();
    assert.equal(recorder.requests[0].method, how);
    assert.ok(result.error instanceof CombinedError, `expected a CombinedError, got ${result.error}`);
    assert.equal(result.error.networkError, undefined, String(result.error.networkError));
    assert.equal(result.error.graphQLErrors.length >= 1, true);
    assert.equal(result.error.graphQLErrors[0].extensions.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.match(result.error.graphQLErrors[0].message, /noSuchField/);
  });
}

await check('first beyond 100 (README: "may not exceed 100"): a CombinedError with BAD_ARGUMENT', async () => {
  const { urql } = client();
  const result = await urql.query(gql`query UrqlTooMany { kpis(first: 101) { totalCount } }`, {}).toPromise();
  assert.ok(result.error instanceof CombinedError, `expected a CombinedError, got ${result.error}`);
  assert.equal(result.error.graphQLErrors[0].extensions.code, 'BAD_ARGUMENT');
});

summary('@urql/core');
