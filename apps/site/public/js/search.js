// @ts-check
/* global HTMLFormElement */
// Article search on /<locale>/search/ with Pagefind's JS API (the index is built after the site:
// one per language, in parts merged here, see indexParts). Results update as the reader types,
// the count is announced once they pause; the query is kept in the URL (?q=), restored on load
// and on back/forward. Authors the query names are listed above the articles (search-people.js).

import { pageTranslator } from './i18n.js';
import { politeStatus } from './polite-status.js';
import { peopleNamed } from './search-people.js';

/** Written by Pagefind after the site is built (see _config/search-index.ts). */
const PAGEFIND = '/pagefind/pagefind.js';
/** Each language's page count and the parts of its index besides the main one, which are merged in. */
const PARTS = '/pagefind/parts.json';
const EXCERPT_LENGTH = 24;
const PAGE_SIZE = 10;
const TYPING_DELAY = 250;
const PEOPLE_SHOWN = 5;

const form = document.getElementById('search-form');
if (form instanceof HTMLFormElement) setUp(form);

/** @typedef {{ url: string, excerpt: string, meta: { title?: string } }} ResultData */
/** @typedef {{ id: string, data: () => Promise<ResultData> }} Result */

/** @param {HTMLFormElement} form */
function setUp(form) {
  const locale = document.documentElement.lang || 'en';
  const { t, plural } = pageTranslator('search-strings', locale);
  const input = /** @type {HTMLInputElement} */ (document.getElementById('search-input'));
  const announcer = politeStatus(/** @type {HTMLElement} */ (document.getElementById('search-status')));
  const list = /** @type {HTMLOListElement} */ (document.getElementById('search-results'));
  const more = /** @type {HTMLButtonElement} */ (document.getElementById('search-more'));
  const numbers = new Intl.NumberFormat(locale);
  const people = peopleList();

  /** @type {Promise<any> | null} */
  let pagefindPromise = null;
  const loadPagefind = () => {
    if (!pagefindPromise) {
      const parts = indexParts(locale);
      pagefindPromise = import(PAGEFIND).then(async (pagefind) => {
        const { language, names } = await parts;
        await pagefind.options({ excerptLength: EXCERPT_LENGTH, ...(language ? { language } : {}) });
        await pagefind.init();
        // The parts share the main index's WebAssembly: each adds its entry and meta files (a few KB).
        await Promise.all(names.map((name) => pagefind.mergeIndex(`/pagefind/parts/${name}/`, { language, excerptLength: EXCERPT_LENGTH })));
        return pagefind;
      });
      pagefindPromise.catch(() => (pagefindPromise = null));
    }
    return pagefindPromise;
  };

  let generation = 0;
  /** @type {{ results: Result[], shown: number } | null} */
  let current = null;
  let typingTimer = 0;

  /** @param {string} q @param {'push' | 'replace' | 'none'} mode */
  function updateUrl(q, mode) {
    if (mode === 'none') return;
    const url = location.pathname + (q ? `?${new URLSearchParams({ q })}` : '');
    if (url === location.pathname + location.search) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /** @param {'push' | 'replace' | 'none'} mode */
  async function update(mode) {
    const my = ++generation;
    const q = input.value.trim();
    updateUrl(q, mode);
    if (!q) {
      current = null;
      list.replaceChildren();
      people.show('');
      more.hidden = true;
      announcer.set(mode === 'none' ? '' : t('prompt'));
      return;
    }
    list.setAttribute('aria-busy', 'true');
    try {
      const pagefind = await loadPagefind();
      const search = await pagefind.search(q);
      if (my !== generation) return;
      current = { results: search?.results ?? [], shown: 0 };
      list.replaceChildren();
      if (!(await renderMore(my))) return;
      const n = current.results.length;
      const named = people.show(q);
      // "No articles found ... try another word" only when no one is found either.
      const found = n || named ? plural('count', n, { n: numbers.format(n), q }) : t('none', { q });
      announcer.set(named ? `${found} ${t('people')}: ${numbers.format(named)}` : found);
    } catch {
      if (my !== generation) return;
      current = null;
      list.replaceChildren();
      people.show('');
      list.removeAttribute('aria-busy');
      more.hidden = true;
      announcer.set(t('error'));
    }
  }

  /** @param {number} my @returns {Promise<HTMLElement[] | null>} */
  async function renderMore(my) {
    if (!current) return null;
    const page = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    list.setAttribute('aria-busy', 'true');
    const data = await Promise.all(page.map((r) => r.data()));
    if (my !== generation || !current) return null;
    const items = data.map(renderItem);
    list.append(...items);
    list.removeAttribute('aria-busy');
    current.shown += page.length;
    more.hidden = current.shown >= current.results.length;
    return items;
  }

  /** @param {ResultData} result */
  function renderItem(result) {
    const item = document.createElement('li');
    item.className = 'entry';
    const heading = document.createElement('h3');
    heading.className = 'entry__title';
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta?.title || result.url;
    heading.append(link);
    const excerpt = document.createElement('p');
    excerpt.className = 'site-search__excerpt';
    excerpt.append(...excerptNodes(result.excerpt));
    item.append(heading, excerpt);
    return item;
  }

  /**
   * Pagefind's excerpt is HTML with <mark> around the matched words: keep the text and the
   * marks, nothing else.
   * @param {string} html
   */
  function excerptNodes(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    /** @type {Node[]} */
    const out = [];
    for (const node of template.content.childNodes) {
      if (node.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = node.textContent;
        out.push(mark);
      } else out.push(document.createTextNode(node.textContent ?? ''));
    }
    return out;
  }

  form.addEventListener('input', () => {
    announcer.typed();
    clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => update('replace'), TYPING_DELAY);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    announcer.stoppedTyping();
    update('push');
  });
  more.addEventListener('click', async () => {
    const items = await renderMore(generation);
    items?.[0]?.querySelector('a')?.focus();
  });
  window.addEventListener('popstate', () => {
    announcer.stoppedTyping();
    input.value = new URLSearchParams(location.search).get('q') ?? '';
    update('none');
  });

  const notice = document.getElementById('search-nojs');
  if (notice) notice.hidden = true;
  const q = new URLSearchParams(location.search).get('q') ?? '';
  input.value = q;
  if (q.trim()) update('none');
  else loadPagefind().catch(() => {});
}

/**
 * The list of authors a search names, from the page's data; `show` fills it for a query (empty:
 * none) and says how many it shows.
 */
function peopleList() {
  const box = /** @type {HTMLElement} */ (document.getElementById('search-people'));
  const list = /** @type {HTMLUListElement} */ (document.getElementById('search-people-list'));
  /** @type {import('./search-people.js').Person[]} */
  let everyone = [];
  try {
    everyone = JSON.parse(document.getElementById('search-people-data')?.textContent ?? '[]');
  } catch {
    // Without the list, the search still finds articles.
  }
  return {
    /** @param {string} query */
    show(query) {
      const found = peopleNamed(everyone, query, PEOPLE_SHOWN);
      list.replaceChildren(
        ...found.map((person) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = person.url;
          link.textContent = person.credentials ? `${person.name}, ${person.credentials}` : person.name;
          item.append(link);
          return item;
        }),
      );
      box.hidden = found.length === 0;
      return found.length;
    },
  };
}

/**
 * The index to search for this page's language, from parts.json: the language's, else its base
 * language's, else the one with the most pages (as Pagefind itself would fall back), and the
 * parts to merge with its main index. Without parts.json, Pagefind picks (and the main index
 * answers alone, with fewer results).
 * @param {string} locale
 * @returns {Promise<{ language: string | undefined, names: string[] }>}
 */
async function indexParts(locale) {
  try {
    const response = await fetch(PARTS, { cache: 'no-cache' });
    if (!response.ok) return { language: undefined, names: [] };
    /** @type {Record<string, { pages: number, parts: string[] }>} */
    const languages = await response.json();
    const wanted = locale.toLowerCase();
    const language =
      [wanted, wanted.split('-')[0]].find((l) => l && languages[l]) ??
      Object.keys(languages).sort((a, b) => languages[b].pages - languages[a].pages)[0];
    return { language, names: language ? languages[language].parts : [] };
  } catch {
    return { language: undefined, names: [] };
  }
}
