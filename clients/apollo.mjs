// @apollo/client in plain Node: Relay-style paging through a connection with relayStylePagination() and
// fetchMore, and Apollo's automatic persisted queries (createPersistedQueryLink) by POST and, with
// useGETForHashedQueries, by GET.
import { createHash, randomUUID } from 'node:crypto';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { relayStylePagination } from '@apollo/client/utilities';
import { assert, check, PILLARS, recordingFetch, serviceUrl, summary } from './support.mjs';

const url = `${serviceUrl()}/graphql`;

/** data/kpis.csv holds 107 indicators (成果指標); `kpis` without a filter answers all of them. */
const KPIS_IN_DATASET = 107;

const PAGE = 7;

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

function apollo(link, cache = new InMemoryCache()) {
  return new ApolloClient({ link, cache });
}

await check(`relayStylePagination: every KPI once, ${PAGE} at a time, until hasNextPage is false`, async () => {
  const recorder = recordingFetch();
  const cache = new InMemoryCache({
    typePolicies: { Query: { fields: { kpis: relayStylePagination(['where']) } } },
  });
  const client = apollo(new HttpLink({ uri: url, fetch: recorder.fetch }), cache);
  const query = gql`
    query ApolloKpiPages($first: Int, $after: String) {
      kpis(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id name } }
      }
    }
  `;
  const variables = { first: PAGE };
  const watched = client.watchQuery({ query, variables });
  let subscription;
  const firstPage = new Promise((resolve, reject) => {
    subscription = watched.subscribe({
      next: (result) => result.data?.kpis && resolve(result.data.kpis),
      error: reject,
    });
  });
  try {
    let current = await firstPage;
    let pages = 1;
    while (current.pageInfo.hasNextPage) {
      assert.ok(pages <= KPIS_IN_DATASET, 'paging does not end');
      const page = await watched.fetchMore({ variables: { after: current.pageInfo.endCursor } });
      assert.ok(page.data.kpis.edges.length <= PAGE);
      pages++;
      // the connection as the cache holds it: relayStylePagination appends each page to the edges before it
      current = client.readQuery({ query, variables }).kpis;
      assert.equal(current.edges.length, Math.min(pages * PAGE, current.totalCount));
    }
    const ids = current.edges.map((edge) => edge.node.id);
    assert.equal(current.totalCount, KPIS_IN_DATASET);
    assert.equal(ids.length, current.totalCount);
    assert.equal(new Set(ids).size, ids.length, 'an indicator came twice');
    assert.equal(pages, Math.ceil(KPIS_IN_DATASET / PAGE));
    assert.equal(current.pageInfo.hasNextPage, false);
    console.log(`     ${ids.length} of totalCount ${current.totalCount} in ${pages} pages`);
  } finally {
    subscription.unsubscribe();
  }
});

/** A document the service has not seen: its operation name is new on every run. */
function newDocument() {
  const name = `ApolloPersisted_${randomUUID().replaceAll('-', '')}`;
  return gql(`query ${name} { pillars { id name } }`);
}

function persistedClient(options = {}) {
  const recorder = recordingFetch();
  const link = ApolloLink.from([
    createPersistedQueryLink({ sha256, ...options }),
    new HttpLink({ uri: url, fetch: recorder.fetch }),
  ]);
  return { recorder, client: apollo(link) };
}

const hashOnly = (r) => r.body?.extensions?.persistedQuery?.sha256Hash && r.body.query === undefined;

await check('persisted queries by POST: hash alone, PERSISTED_QUERY_NOT_FOUND, the document, then the hash alone', async () => {
  const document = newDocument();
  const first = persistedClient();
  const answer = await first.client.query({ query: document });
  assert.deepEqual(answer.data.pillars.map((p) => p.name), PILLARS);
  const [unknown, withDocument] = first.recorder.requests;
  assert.equal(first.recorder.requests.length, 2);
  assert.equal(unknown.method, 'POST');
  assert.ok(hashOnly(unknown), 'the first request sends the hash alone');
  assert.equal(unknown.status, 200, 'PersistedQueryNotFound comes with 200, so Apollo keeps using hashes');
  assert.equal(withDocument.method, 'POST');
  assert.equal(withDocument.body.extensions.persistedQuery.sha256Hash, sha256(withDocument.body.query));
  assert.equal(withDocument.body.extensions.persistedQuery.sha256Hash,
    unknown.body.extensions.persistedQuery.sha256Hash);

  const second = persistedClient();
  const again = await second.client.query({ query: document });
  assert.deepEqual(again.data.pillars.map((p) => p.name), PILLARS);
  assert.equal(second.recorder.requests.length, 1);
  assert.ok(hashOnly(second.recorder.requests[0]), 'a known document is named by its hash alone');
  assert.equal(second.recorder.requests[0].status, 200);
});

await check('the not-found answer the link reads: message PersistedQueryNotFound, code PERSISTED_QUERY_NOT_FOUND', async () => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json,application/json;q=0.9' },
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(randomUUID()) } } }),
  });
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.data, null);
  assert.equal(body.errors[0].message, 'PersistedQueryNotFound');
  assert.equal(body.errors[0].extensions.code, 'PERSISTED_QUERY_NOT_FOUND');
});

await check('persisted queries with useGETForHashedQueries: GET with extensions and no query, cacheable', async () => {
  const document = newDocument();
  const first = persistedClient({ useGETForHashedQueries: true });
  const answer = await first.client.query({ query: document });
  assert.deepEqual(answer.data.pillars.map((p) => p.name), PILLARS);
  const [unknown, withDocument] = first.recorder.requests;
  assert.equal(first.recorder.requests.length, 2);
  assert.equal(unknown.method, 'GET');
  assert.equal(unknown.url.searchParams.get('query'), null);
  assert.equal(JSON.parse(unknown.url.searchParams.get('extensions')).persistedQuery.version, 1);
  assert.equal(unknown.status, 200);
  assert.equal(unknown.headers.get('cache-control'), 'no-store', 'a not-found answer is not kept');
  assert.equal(withDocument.method, 'POST', 'the document itself goes by POST');
  assert.ok(withDocument.body.query);

  const second = persistedClient({ useGETForHashedQueries: true });
  const again = await second.client.query({ query: document });
  assert.deepEqual(again.data.pillars.map((p) => p.name), PILLARS);
  assert.equal(second.recorder.requests.length, 1);
  const [byHash] = second.recorder.requests;
  assert.equal(byHash.method, 'GET');
  assert.equal(byHash.url.searchParams.get('query'), null);
  assert.ok(byHash.url.searchParams.get('extensions'));
  assert.equal(byHash.status, 200);
  const etag = byHash.headers.get('etag');
  assert.match(etag ?? '', /^"[^"]+"$/, 'an anonymous answer by hash carries an ETag');
  assert.equal(byHash.headers.get('cache-control'), 'public, max-age=0, must-revalidate');

  // the same request again (the ETag varies with Accept), as a browser's cache revalidates it
  const revalidated = await fetch(byHash.url, {
    headers: { accept: 'application/graphql-response+json,application/json;q=0.9', 'if-none-match': etag },
  });
  assert.equal(revalidated.status, 304);
});

summary('@apollo/client');
