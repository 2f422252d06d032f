import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::self-assessment.self-assessment');
