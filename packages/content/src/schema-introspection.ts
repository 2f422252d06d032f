import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';

/**
 * The CMS's GraphQL schema as SDL, sorted so that the committed copy diffs cleanly. Read over
 * HTTP with a token, exactly as the site sees it.
 */
export async function fetchSchemaSdl(graphqlUrl: string, token: string) {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: false }) }),
  });
  const body = (await res.json()) as { data?: IntrospectionQuery; errors?: { message: string }[] };
  if (!res.ok || !body.data) {
    throw new Error(`Introspection failed (${res.status}): ${body.errors?.map((e) => e.message).join('; ')}`);
  }
  return `${printSchema(lexicographicSortSchema(buildClientSchema(body.data)))}\n`;
}
