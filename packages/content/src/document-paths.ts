import fs from 'node:fs';
import {
  buildSchema,
  getNamedType,
  getOperationAST,
  isObjectType,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

export type ResponsePath = readonly (string | number)[];

/** One step of a response path that names a field: which field of which type, at which path. */
export interface PathStep {
  parentType: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  /** The path up to and including this field. */
  path: ResponsePath;
}

let committed: GraphQLSchema | undefined;

/** The schema the documents were generated from (schema.graphql); read once, and only when an error needs it. */
export function committedSchema(): GraphQLSchema {
  committed ??= buildSchema(fs.readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
  return committed;
}

export function toDocument(document: DocumentNode | string): DocumentNode | null {
  if (typeof document !== 'string') return document;
  try {
    return parse(document);
  } catch {
    return null;
  }
}

export function operationName(document: DocumentNode | null): string | null {
  return (document && getOperationAST(document)?.name?.value) ?? null;
}

/**
 * Follows a GraphQL error's path (response keys and list indices) through the document and the
 * schema, and returns one step per field on it. Null when the path leaves the document or the
 * schema, e.g. because the CMS schema moved on since schema.graphql was exported.
 */
export function stepsAlong(schema: GraphQLSchema, document: DocumentNode, path: ResponsePath): PathStep[] | null {
  const operation = getOperationAST(document);
  const root = schema.getQueryType();
  if (!operation || operation.operation !== 'query' || !root) return null;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );

  const steps: PathStep[] = [];
  let parentType: GraphQLNamedType = root;
  let selections: SelectionSetNode[] = [operation.selectionSet];
  for (const [index, key] of path.entries()) {
    if (typeof key === 'number') continue;
    const matches = selections.flatMap((set) => fieldsWithKey(set, key, parentType, schema, fragments));
    const first = matches[0];
    if (!first) return null;
    const field = first.parentType.getFields()[first.name];
    if (!field) return null;
    steps.push({ parentType: first.parentType, field, path: path.slice(0, index + 1) });
    parentType = getNamedType(field.type);
    selections = matches.flatMap((m) => (m.selectionSet ? [m.selectionSet] : []));
  }
  return steps;
}

interface FieldMatch {
  name: string;
  parentType: GraphQLObjectType;
  selectionSet: SelectionSetNode | undefined;
}

/** The fields answered under `key`, looking into fragments; a type condition narrows the parent type. */
function fieldsWithKey(
  set: SelectionSetNode,
  key: string,
  parentType: GraphQLNamedType,
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
): FieldMatch[] {
  return set.selections.flatMap((selection): FieldMatch[] => {
    if (selection.kind === Kind.FIELD) {
      if ((selection.alias ?? selection.name).value !== key || !isObjectType(parentType)) return [];
      return [{ name: selection.name.value, parentType, selectionSet: selection.selectionSet }];
    }
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
    if (!fragment) return [];
    const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parentType;
    return condition ? fieldsWithKey(fragment.selectionSet, key, condition, schema, fragments) : [];
  });
}
