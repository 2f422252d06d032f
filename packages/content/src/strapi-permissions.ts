import { getNamedType, isObjectType, type GraphQLNamedType } from 'graphql';
import type { PathStep } from './document-paths.js';

/** A content-API permission of a Strapi API token. */
export interface TokenPermission {
  /** As stored and sent through the admin API, e.g. `plugin::i18n.locales.listLocales`. */
  action: string;
  /** As Settings > API Tokens shows it: section > controller > action, e.g. `I18n > locales > listLocales`. */
  label: string;
}

interface Controller {
  apiId: string;
  controller: string;
  find: string;
  findOne: string;
}

// Plugin types whose GraphQL name does not spell their permission (Strapi names them plugin + singular name).
const PLUGIN_CONTROLLERS: Record<string, Controller> = {
  I18NLocale: { apiId: 'plugin::i18n', controller: 'locales', find: 'listLocales', findOne: 'listLocales' },
  UploadFile: { apiId: 'plugin::upload', controller: 'content-api', find: 'find', findOne: 'findOne' },
  UsersPermissionsUser: { apiId: 'plugin::users-permissions', controller: 'user', find: 'find', findOne: 'findOne' },
  UsersPermissionsRole: { apiId: 'plugin::users-permissions', controller: 'role', find: 'find', findOne: 'findOne' },
};

/**
 * The permission Strapi checked when it refused the field at the end of `steps`: a root query
 * needs `find` (lists, single types) or `findOne` (one document by documentId) on its type, a
 * relation needs `find` on the related type. Null for a field that is not a read of a content type.
 */
export function permissionFor(steps: PathStep[]): TokenPermission | null {
  const step = steps[steps.length - 1];
  if (!step) return null;
  const target = entryType(getNamedType(step.field.type));
  if (!target) return null;
  const controller = PLUGIN_CONTROLLERS[target.name] ?? apiController(target.name);
  const isRoot = steps.length === 1;
  const readsOne = isRoot && step.field.args.some((arg) => arg.name === 'documentId');
  const action = readsOne ? controller.findOne : controller.find;
  const section = capitalize(controller.apiId.slice(controller.apiId.indexOf('::') + 2));
  return {
    action: `${controller.apiId}.${controller.controller}.${action}`,
    label: `${section} > ${controller.controller} > ${action}`,
  };
}

/** The content type a field reads: itself, or the type of `nodes` for a *_connection answer. */
function entryType(type: GraphQLNamedType): GraphQLNamedType | null {
  if (!isObjectType(type)) return null;
  const fields = type.getFields();
  if (fields.documentId) return type;
  return fields.nodes ? entryType(getNamedType(fields.nodes.type)) : null;
}

// A type the project defines is api::<singular>.<singular>, and Strapi names it PascalCase(singular).
function apiController(typeName: string): Controller {
  const singular = typeName.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  return { apiId: `api::${singular}`, controller: singular, find: 'find', findOne: 'findOne' };
}

// The admin capitalises the section the way lodash does: first letter up, the rest down ("I18n", "Self-assessment").
function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
