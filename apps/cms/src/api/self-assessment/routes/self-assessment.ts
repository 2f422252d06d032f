import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::self-assessment.self-assessment');
