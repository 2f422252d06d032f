// Front matter shared by every template in content/: pages use the one HTML layout. Templates
// that are not HTML pages (feed, sitemap, robots, the language chooser at /) set `layout: false`.
export default {
  layout: 'layouts/base.njk',
};
