// Loads the built CMS in this process (on the database its environment names, seeding the demo
// content) and prints overdueReviews() for each date given as an argument, as JSON.
import { loadStrapi, requireDist } from '../../scripts/load-strapi.mjs';

const strapi = await loadStrapi();
try {
  const { overdueReviews } = requireDist('src/reviews');
  const results = {};
  for (const date of process.argv.slice(2)) results[date] = await overdueReviews(strapi, date);
  console.log(`RESULT ${JSON.stringify(results)}`);
} finally {
  await strapi.destroy();
}
process.exit(0);
