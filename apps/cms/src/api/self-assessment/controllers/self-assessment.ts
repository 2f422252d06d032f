import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::self-assessment.self-assessment');
