import type { Core, UID } from '@strapi/strapi';

/**
 * Which content is translatable, read from the content-type schemas rather than listed by hand:
 * a type whose `pluginOptions.i18n.localized` is on, its text attributes that are localised, and
 * every text inside its localised components (a component is stored per locale as a whole).
 */

/** Attribute types a translator writes. Media, dates, numbers, enums and relations are not text. */
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'uid']);

type Attribute = {
  type: string;
  component?: string;
  repeatable?: boolean;
  pluginOptions?: { i18n?: { localized?: boolean } };
};
type Model = { uid: string; kind?: string; info?: { displayName?: string }; options?: { draftAndPublish?: boolean }; pluginOptions?: { i18n?: { localized?: boolean } }; attributes: Record<string, Attribute> };

export type LocalisedType = {
  uid: UID.ContentType;
  displayName: string;
  kind: 'collectionType' | 'singleType';
  draftAndPublish: boolean;
  /** The populate that brings every localised component (and its nested components). */
  populate: Record<string, unknown>;
};

const isLocalised = (target: { pluginOptions?: { i18n?: { localized?: boolean } } }) => target.pluginOptions?.i18n?.localized === true;
/** As Strapi's i18n decides: a uid (a slug) is always per locale, whatever its pluginOptions say. */
const isLocalisedAttribute = (attribute: Attribute) => isLocalised(attribute) || attribute.type === 'uid';

/** The application's localised content types (api::*), in a stable order. */
export function localisedTypes(strapi: Core.Strapi): LocalisedType[] {
  return Object.values(strapi.contentTypes as unknown as Record<string, Model>)
    .filter((model) => model.uid.startsWith('api::') && isLocalised(model))
    .map((model) => ({
      uid: model.uid as UID.ContentType,
      displayName: model.info?.displayName ?? model.uid,
      kind: model.kind === 'singleType' ? ('singleType' as const) : ('collectionType' as const),
      draftAndPublish: model.options?.draftAndPublish === true,
      populate: componentPopulate(strapi, model.attributes, true),
    }))
    .sort((a, b) => a.uid.localeCompare(b.uid));
}

function componentPopulate(strapi: Core.Strapi, attributes: Record<string, Attribute>, topLevel: boolean) {
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.type !== 'component' || (topLevel && !isLocalised(attribute))) continue;
    const nested = componentPopulate(strapi, componentAttributes(strapi, attribute.component!), false);
    populate[name] = Object.keys(nested).length > 0 ? { populate: nested } : true;
  }
  return populate;
}

function componentAttributes(strapi: Core.Strapi, uid: string) {
  return ((strapi.components as unknown as Record<string, Model>)[uid]?.attributes ?? {}) as Record<string, Attribute>;
}

/**
 * The translatable texts of an entry, by field path: `title`, `seo.metaTitle`,
 * `questions.0.prompt`. Empty texts are left out: there is nothing to translate in them.
 */
export function textFields(strapi: Core.Strapi, uid: string, entry: Record<string, unknown> | null): Record<string, string> {
  const model = (strapi.contentTypes as unknown as Record<string, Model>)[uid];
  const texts: Record<string, string> = {};
  if (model && entry) collect(strapi, model.attributes, entry, '', true, texts);
  return texts;
}

function collect(
  strapi: Core.Strapi,
  attributes: Record<string, Attribute>,
  entry: Record<string, unknown>,
  prefix: string,
  topLevel: boolean,
  texts: Record<string, string>,
) {
  for (const [name, attribute] of Object.entries(attributes)) {
    // Inside a component every attribute follows the component's own setting.
    if (topLevel && !isLocalisedAttribute(attribute)) continue;
    const value = entry[name];
    if (TEXT_TYPES.has(attribute.type)) {
      if (typeof value === 'string' && value !== '') texts[prefix + name] = value;
    } else if (attribute.type === 'component' && value) {
      const nested = componentAttributes(strapi, attribute.component!);
      const items = attribute.repeatable ? (Array.isArray(value) ? value : []) : [value];
      items.forEach((item, index) => {
        const path = attribute.repeatable ? `${prefix}${name}.${index}.` : `${prefix}${name}.`;
        if (item && typeof item === 'object') collect(strapi, nested, item as Record<string, unknown>, path, false, texts);
      });
    }
  }
}

/** Whether a path such as `seo.metaTitle` names a text field of the type (for any component index). */
export function isTextPath(strapi: Core.Strapi, uid: string, path: string) {
  const model = (strapi.contentTypes as unknown as Record<string, Model>)[uid];
  if (!model) return false;
  let attributes = model.attributes;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    const attribute = attributes[parts[i]];
    if (!attribute || (i === 0 && !isLocalisedAttribute(attribute))) return false;
    if (TEXT_TYPES.has(attribute.type)) return i === parts.length - 1;
    if (attribute.type !== 'component') return false;
    if (attribute.repeatable) {
      i++;
      if (!/^\d+$/.test(parts[i] ?? '')) return false;
    }
    attributes = componentAttributes(strapi, attribute.component!);
  }
  return false;
}

/** The entry's label for people: its title or name in the default locale, else the type's name. */
export function documentLabel(type: LocalisedType, entry: Record<string, unknown>) {
  for (const name of ['title', 'name', 'key', 'siteName']) {
    if (typeof entry[name] === 'string' && entry[name]) return entry[name] as string;
  }
  return type.displayName;
}
