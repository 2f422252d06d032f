import {
  GraphQLError,
  Kind,
  NoFragmentCyclesRule,
  validate,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * Bounds on one GraphQL document, far above what the site's own queries use (the biggest, an
 * incremental fetch's LocaleChanges, has 117 fields after its fragments are expanded, 5 aliases,
 * 14 fragments, about 540 tokens).
 */
export const GRAPHQL_LIMITS = {
  /** Lexical tokens: parsing stops past this, before any validation. */
  maxTokens: 5000,
  /** Aliased fields in the whole document (aliases let one request repeat an expensive field). */
  maxAliases: 20,
  /** Fields selected once every fragment is expanded where it is spread. */
  maxSelections: 1000,
  /** Fragment definitions in the document. */
  maxFragments: 50,
  /** Request bodies, checked before they are read (koa-bodyparser's jsonLimit). */
  maxBodyBytes: 256 * 1024,
} as const;

const tooLarge = (message: string) => new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });

/**
 * Counts selected fields with fragments expanded, stopping as soon as the limit is passed, so a
 * document whose fragments spread each other many times over ("fragment bombs") costs no more
 * than the limit to check. Must only run on a document without fragment cycles.
 */
function expandedSelectionCount(document: DocumentNode, limit: number) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let count = 0;
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (count > limit) return;
      if (selection.kind === Kind.FIELD) {
        count += 1;
        if (selection.selectionSet) walk(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  // Iterative over operations, recursive over nesting: depth is bounded by maxTokens.
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet);
  }
  return count;
}

/** The size limits as a validation rule: aliases and fragments are counted as written. */
function SizeLimitsRule(context: ValidationContext): ASTVisitor {
  let aliases = 0;
  let fragments = 0;
  return {
    Field(node) {
      if (node.alias && ++aliases === GRAPHQL_LIMITS.maxAliases + 1) {
        context.reportError(tooLarge(`The query uses more than ${GRAPHQL_LIMITS.maxAliases} aliases.`));
      }
    },
    FragmentDefinition() {
      if (++fragments === GRAPHQL_LIMITS.maxFragments + 1) {
        context.reportError(tooLarge(`The query defines more than ${GRAPHQL_LIMITS.maxFragments} fragments.`));
      }
    },
  };
}

/**
 * Problems that must be ruled out before any other validation: Strapi's depth limit
 * (graphql-depth-limit) follows fragment spreads recursively as soon as validation starts, so a
 * cycle (`fragment A { ...B } fragment B { ...A }`) overflows the stack (an HTTP 500) and a
 * fragment bomb takes exponential time. graphql-js's own NoFragmentCyclesRule goes first.
 */
export function graphqlLimitErrors(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
  const errors = validate(schema, document, [NoFragmentCyclesRule, SizeLimitsRule]);
  if (errors.length > 0) return errors;
  if (expandedSelectionCount(document, GRAPHQL_LIMITS.maxSelections) > GRAPHQL_LIMITS.maxSelections) {
    return [tooLarge(`The query selects more than ${GRAPHQL_LIMITS.maxSelections} fields once its fragments are expanded.`)];
  }
  return [];
}

type ValidationStart = { schema: GraphQLSchema; document: DocumentNode };

/** Stand-in documents (see graphqlLimitsPlugin) and the reasons their original was refused. */
const refusals = new WeakMap<DocumentNode, readonly GraphQLError[]>();

/**
 * An Apollo Server plugin: validationDidStart runs after parsing and before Apollo's own
 * validation, which includes Strapi's depth limit. A refused document is swapped for an empty
 * stand-in that carries the reasons, which RefusedDocumentRule then reports: Apollo answers
 * HTTP 400 with them like any invalid query. (An error thrown from a hook would be a 500.)
 * Applies to every query, whichever extension added the fields it asks for.
 */
export const graphqlLimitsPlugin = {
  async requestDidStart() {
    return {
      async validationDidStart(requestContext: ValidationStart) {
        const errors = graphqlLimitErrors(requestContext.schema, requestContext.document);
        if (errors.length === 0) return;
        const standIn: DocumentNode = { kind: Kind.DOCUMENT, definitions: [] };
        refusals.set(standIn, errors);
        requestContext.document = standIn;
      },
    };
  },
};

/** Reports why a document was refused (apolloServer.validationRules, next to graphqlLimitsPlugin). */
export function RefusedDocumentRule(context: ValidationContext): ASTVisitor {
  for (const error of refusals.get(context.getDocument()) ?? []) context.reportError(error);
  return {};
}
