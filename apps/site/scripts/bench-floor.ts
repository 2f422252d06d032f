// The plain-Eleventy floor for `pnpm bench`: Eleventy alone, no project code. In a fresh temp
// folder (this process's working directory, so no project config is found): `--pages N` pages
// paginated from one local JSON file through one small Nunjucks layout with a title, a byline, a
// list and a ~3 KB body. Prints one JSON line.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Eleventy from '@11ty/eleventy';

const { values } = parseArgs({ options: { pages: { type: 'string' } } });
const count = Number(values.pages);
if (!Number.isInteger(count) || count < 1) throw new Error('--pages must be a positive whole number');

const dir = process.cwd();
const paragraph = 'Palliative care is specialised medical care for people living with a serious illness. '.repeat(6);
const body = Array.from({ length: 6 }, (_, i) => `<h2>Section ${i + 1}</h2>\n<p>${paragraph}</p>`).join('\n');
const pages = Array.from({ length: count }, (_, i) => ({
  slug: `page-${i}`,
  title: `Page ${i}: living with a serious illness`,
  author: `Author ${i % 300}`,
  items: [`Topic ${i % 20}`, `Topic ${(i + 7) % 20}`, `Related ${i + 1}`, `Related ${i + 2}`],
  body,
}));

await fs.mkdir(path.join(dir, 'src/_data'), { recursive: true });
await fs.mkdir(path.join(dir, 'src/_includes'), { recursive: true });
await fs.writeFile(path.join(dir, 'src/_data/pages.json'), JSON.stringify(pages));
await fs.writeFile(
  path.join(dir, 'src/_includes/layout.njk'),
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ page_.title }}</title></head>
<body><main>
<h1>{{ page_.title }}</h1>
<p class="byline">By {{ page_.author }}</p>
<ul>{% for item in page_.items %}<li>{{ item }}</li>{% endfor %}</ul>
<article>{{ page_.body | safe }}</article>
</main></body></html>
`,
);
await fs.writeFile(
  path.join(dir, 'src/page.njk'),
  `---
pagination:
  data: pages
  size: 1
  alias: page_
permalink: "/{{ page_.slug }}/index.html"
layout: layout.njk
---
`,
);

const started = performance.now();
const eleventy = new Eleventy('src', '_site', { quietMode: true });
const results = (await eleventy.write()) as unknown as [unknown, { outputPath?: string }[]] | { outputPath?: string }[];
const totalMs = Math.round(performance.now() - started);
const list = Array.isArray(results[1]) ? results[1] : (results as { outputPath?: string }[]);
const written = list.filter((r) => r?.outputPath?.endsWith('.html')).length;
const usage = process.resourceUsage();
const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
console.log(`BENCH_RESULT ${JSON.stringify({ pages: written, totalMs, cpuMs })}`);
