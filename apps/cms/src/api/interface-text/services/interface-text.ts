import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::interface-text.interface-text');
