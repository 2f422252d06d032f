export * from '../../public/js/self-assessment-core.js';
