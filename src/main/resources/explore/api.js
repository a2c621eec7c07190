// The explorer's only door to data: the public GraphQL API, by GET (cacheable, revalidated with ETags), with
// each operation's text read from operations/<name>.graphql exactly as written, so that a service accepting only
// listed documents runs it too. A request too long for a URL goes by POST instead.
const ENDPOINT = new URL('../graphql', import.meta.url).pathname;
const MAX_QUERY_STRING = 4000;
const documents = new Map();

export class ApiError extends Error {
  constructor(errors) {
    super(errors.map((error) => `${error.message}${error.extensions?.code ? ` (${error.extensions.code})` : ''}`).join('; '));
    this.errors = errors;
  }
}

function operation(name) {
  if (!documents.has(name)) {
    documents.set(name, fetch(new URL(`operations/${name}.graphql`, import.meta.url)).then((response) => {
      if (!response.ok) {
        throw new Error(`operations/${name}.graphql: HTTP ${response.status}`);
      }
      return response.text();
    }));
  }
  return documents.get(name);
}

/**
 * Runs operations/<name>.graphql with the variables and answers its data, or throws an ApiError. An answer the
 * API marks retryable (the database busy or away) or a read cut off by the time limit (on a busy service) is asked
 * again, twice at most.
 */
export async function query(name, variables = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once(name, variables);
    } catch (error) {
      const again = error instanceof ApiError && error.errors.every((e) => e.extensions?.retryable || e.extensions?.code === 'TIMEOUT');
      if (!again || attempt === 3) {
        throw error;
      }
      await new Promise((resolve) => { setTimeout(resolve, 500 * attempt); });
    }
  }
}

async function once(name, variables) {
  const text = await operation(name);
  const parameters = new URLSearchParams({ query: text, variables: JSON.stringify(variables) });
  const accept = { Accept: 'application/graphql-response+json, application/json' };
  const response = parameters.toString().length <= MAX_QUERY_STRING
    ? await fetch(`${ENDPOINT}?${parameters}`, { headers: accept })
    : await fetch(ENDPOINT, {
      method: 'POST',
      headers: { ...accept, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: text, variables }),
    });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError([{ message: `HTTP ${response.status}` }]);
  }
  if (body.errors?.length) {
    throw new ApiError(body.errors);
  }
  return body.data;
}
