import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::interface-text.interface-text');
