// A front end on another origin calling PolicyGraph as its developer would, in a real browser: urql with its
// defaults, Apollo Client (Relay-style paging, automatic persisted queries hashed with crypto.subtle) and Relay's
// runtime with an artifact of Relay's compiler. What each client got goes as JSON into #results, for
// CrossOriginClientsIT to read; nothing is asserted here, so the test says what is expected.
//   index.html?api=http://localhost:8080/graphql[&only=refused]
import { Client, fetchExchange, gql } from '@urql/core';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql as apolloGql } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { relayStylePagination } from '@apollo/client/utilities';
import { Environment, Network, RecordSource, Store, fetchQuery } from 'relay-runtime';
import PillarsWithMeasuresQuery from 'relay-artifact';

const api = new URLSearchParams(location.search).get('api');
const only = new URLSearchParams(location.search).get('only');
const results = { origin: location.origin, api };

/**
 * A fetch that keeps, for each request, what the page can know of it: method, address, the request body's
 * persisted-query hash and document, the status and headers JavaScript sees, and the error codes of the answer.
 */
function recorder() {
  const requests = [];
  const recorded = async (input, init = {}) => {
    const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    let body = null;
    if (typeof init.body === 'string') {
      body = JSON.parse(init.body);
    }
    const record = { method, url };
    const persisted = body?.extensions?.persistedQuery
      ?? JSON.parse(new URL(url).searchParams.get('extensions') ?? 'null')?.persistedQuery;
    if (persisted) {
      record.sha256Hash = persisted.sha256Hash;
      record.withDocument = typeof body?.query === 'string' || new URL(url).searchParams.has('query');
      record.document = body?.query ?? new URL(url).searchParams.get('query');
    }
    requests.push(record);
    try {
      const response = await fetch(input, init);
      record.status = response.status;
      record.etag = response.headers.get('etag');
      record.cacheControl = response.headers.get('cache-control');
      try {
        const answer = await response.clone().json();
        record.codes = (answer.errors ?? []).map((e) => e.extensions?.code ?? null);
      } catch {
        record.codes = null;
      }
      return response;
    } catch (error) {
      record.failed = String(error);
      throw error;
    }
  };
  return { fetch: recorded, requests };
}

async function scenario(name, body) {
  try {
    results[name] = await body();
  } catch (error) {
    results[name] = { thrown: String(error?.stack ?? error) };
  }
}

const sha256 = async (text) => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

const PILLARS = gql`
  query PagePillars {
    pillars { id name }
  }
`;

/** urql as installed: its default preferGetMethod sends queries by GET; no cache exchange, so each query travels. */
const urql = (fetchFn) => new Client({ url: api, exchanges: [fetchExchange], fetch: fetchFn });

function urqlError(error) {
  return error && {
    networkError: error.networkError ? String(error.networkError.message ?? error.networkError) : null,
    codes: error.graphQLErrors.map((e) => e.extensions?.code ?? null),
    messages: error.graphQLErrors.map((e) => e.message),
  };
}

/** What Resource Timing tells of the requests to one address; sizes are 0 unless the answer allowed timing. */
function timings(url) {
  return performance.getEntriesByType('resource').filter((e) => e.name === url).map((e) => ({
    transferSize: e.transferSize,
    encodedBodySize: e.encodedBodySize,
    responseStatus: e.responseStatus,
  }));
}

if (only === 'refused') {
  // served from an origin the service does not allow
  await scenario('refused', async () => {
    const { fetch, requests } = recorder();
    const result = await urql(fetch).query(PILLARS, {}).toPromise();
    return { data: result.data ?? null, error: urqlError(result.error), requests };
  });
} else {
  await scenario('urqlDefault', async () => {
    const { fetch, requests } = recorder();
    const result = await urql(fetch).query(PILLARS, {}).toPromise();
    return { pillars: result.data?.pillars.map((p) => p.name), error: urqlError(result.error), requests };
  });

  await scenario('urqlRepeat', async () => {
    // the same query again: the browser's HTTP cache holds the first answer (public, max-age=0, must-revalidate),
    // so it asks the service with If-None-Match, and a 304 comes to JavaScript as the stored 200
    const { fetch, requests } = recorder();
    const result = await urql(fetch).query(PILLARS, {}).toPromise();
    const url = requests[0]?.url;
    const etag = results.urqlDefault.requests?.[0]?.etag;
    // and what the page can see for itself: the same address with the ETag it read, past the HTTP cache
    const conditional = await window.fetch(url, {
      cache: 'no-store',
      headers: { accept: 'application/graphql-response+json, application/json', 'if-none-match': etag },
    }).then((r) => ({ status: r.status, etag: r.headers.get('etag'), body: r.status === 304 ? null : r.statusText }),
      (error) => ({ failed: String(error) }));
    return {
      pillars: result.data?.pillars.map((p) => p.name),
      error: urqlError(result.error),
      requests,
      timings: timings(url),
      conditional,
    };
  });

  await scenario('apolloPaging', async () => {
    const { fetch, requests } = recorder();
    const cache = new InMemoryCache({ typePolicies: { Query: { fields: { kpis: relayStylePagination(['where']) } } } });
    const client = new ApolloClient({ link: new HttpLink({ uri: api, fetch }), cache });
    const query = apolloGql`
      query PageKpis($first: Int, $after: String) {
        kpis(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node { id name } }
        }
      }
    `;
    const variables = { first: 10 };
    const watched = client.watchQuery({ query, variables });
    let subscription;
    let current = await new Promise((resolve, reject) => {
      subscription = watched.subscribe({ next: (r) => r.data?.kpis && resolve(r.data.kpis), error: reject });
    });
    let pages = 1;
    try {
      while (current.pageInfo.hasNextPage && pages < 100) {
        await watched.fetchMore({ variables: { after: current.pageInfo.endCursor } });
        pages++;
        current = client.readQuery({ query, variables }).kpis;
      }
    } finally {
      subscription.unsubscribe();
    }
    const ids = current.edges.map((e) => e.node.id);
    return {
      totalCount: current.totalCount,
      count: ids.length,
      distinct: new Set(ids).size,
      pages,
      hasNextPage: current.pageInfo.hasNextPage,
      methods: [...new Set(requests.map((r) => r.method))],
      statuses: [...new Set(requests.map((r) => r.status))],
    };
  });

  await scenario('apolloPersisted', async () => {
    // a document the service has never seen: a new operation name on every run
    const name = `PagePersisted_${crypto.randomUUID().replaceAll('-', '')}`;
    const document = apolloGql(`query ${name} { pillars { id name } }`);
    const run = async () => {
      const { fetch, requests } = recorder();
      const link = ApolloLink.from([createPersistedQueryLink({ sha256 }), new HttpLink({ uri: api, fetch })]);
      const client = new ApolloClient({ link, cache: new InMemoryCache() });
      const answer = await client.query({ query: document });
      for (const request of requests) {
        request.hashMatchesDocument = request.document ? request.sha256Hash === await sha256(request.document) : null;
        delete request.document;
      }
      return { pillars: answer.data?.pillars.map((p) => p.name), requests };
    };
    return { first: await run(), again: await run() };
  });

  await scenario('badRequests', async () => {
    const { fetch, requests } = recorder();
    const client = urql(fetch);
    const unknownField = await client.query(gql`query PageBadField { pillars { noSuchField } }`, {}).toPromise();
    const mutation = await client
      .mutation(gql`
        mutation PageRetire {
          retire(input: { id: "pil-sv-3", source: { sourceId: "shin-vision-r8-programs", section: "Ⅲ" } }) { id }
        }
      `, {})
      .toPromise();
    return {
      unknownField: urqlError(unknownField.error),
      mutationWithoutToken: urqlError(mutation.error),
      requests: requests.map(({ method, status, codes, failed }) => ({ method, status, codes, failed })),
    };
  });

  await scenario('relay', async () => {
    const { fetch, requests } = recorder();
    const network = Network.create(async (params, variables) => {
      const response = await fetch(api, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: params.text, variables, operationName: params.name }),
      });
      return response.json();
    });
    const environment = new Environment({ network, store: new Store(new RecordSource()) });
    const data = await fetchQuery(environment, PillarsWithMeasuresQuery, {}).toPromise();
    return {
      operation: PillarsWithMeasuresQuery.params.name,
      pillars: data.pillars.map((p) => ({ name: p.name, measures: p.measures.length })),
      requests: requests.map(({ method, status }) => ({ method, status })),
    };
  });
}

const out = document.getElementById('results');
out.textContent = JSON.stringify(results, null, 2);
out.dataset.done = 'true';
