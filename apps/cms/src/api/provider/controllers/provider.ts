import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::provider.provider');
