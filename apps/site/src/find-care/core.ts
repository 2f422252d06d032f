// The one implementation of the search logic lives in public/js/find-care-core.js, which the
// browser loads as is; the build and the tests use it through this module.
export * from '../../public/js/find-care-core.js';
