// @ts-check
/* global HTMLFormElement, FormData */
// Provider search on /<locale>/find-care/: searches as the reader types, keeps the query in the
// URL (replaceState while typing, pushState on submit and option changes, restored on load and on
// back/forward) and announces the number of results in a polite live region once the reader
// pauses typing. All the search
// logic is in find-care-core.js; this file is the page around it.
import { markedNodes, pageTranslator, setMarkedText } from './i18n.js';
import { politeStatus } from './polite-status.js';
import {
  checkZip,
  decodeIndex,
  detailLocation,
  flagAges,
  flagSettings,
  FLAG,
  lookupZip,
  matchPlace,
  paramsFromQuery,
  queryFromParams,
  search,
  formatMiles,
  telHref,
  zipPrefix,
} from './find-care-core.js';
import { providerUrl } from './routes.js';

/** @typedef {import('./find-care-core.js').ProviderIndex} ProviderIndex */
/** @typedef {import('./find-care-core.js').Hit} Hit */
/** @typedef {import('./find-care-core.js').Query} Query */
/** @typedef {[slug: string, name: string, phone: string]} DetailRow */

const PAGE_SIZE = 20;
/** Pause after a keystroke before searching. */
const TYPING_DELAY = 150;
/** Pause after which a ZIP code still too short is reported as an error. */
const INCOMPLETE_DELAY = 1200;

const form = document.getElementById('find-care-form');
if (form instanceof HTMLFormElement) setUp(form);

/** @param {HTMLFormElement} form */
function setUp(form) {
  const locale = form.dataset.locale || document.documentElement.lang || 'en';
  const { t, plural } = pageTranslator('find-care-strings', locale);
  const zipInput = /** @type {HTMLInputElement} */ (document.getElementById('zip'));
  const zipError = /** @type {HTMLElement} */ (document.getElementById('zip-error'));
  const announcer = politeStatus(/** @type {HTMLElement} */ (document.getElementById('results-status')));
  const list = /** @type {HTMLOListElement} */ (document.getElementById('results'));
  const more = /** @type {HTMLButtonElement} */ (document.getElementById('results-more'));
  const zipHintIds = zipInput.getAttribute('aria-describedby') || '';

  const numbers = new Intl.NumberFormat(locale);
  /** "1 program" / "5 programs", with the number in the reader's format. @param {string} key @param {number} n @param {Record<string, string | number>} [values] */
  const tn = (key, n, values = {}) => plural(key, n, { ...values, n: numbers.format(n) });

  // Data: the locale's index once, ZIP and detail chunks on demand; a failed request is retried
  // the next time it is needed.
  /** @type {Promise<ProviderIndex> | null} */
  let indexPromise = null;
  /** @type {Map<string, Promise<any>>} */
  const requests = new Map();
  /** @param {string} url */
  const fetchJson = (url) => {
    let request = requests.get(url);
    if (!request) {
      request = fetch(url).then((response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.json();
      });
      requests.set(url, request);
      request.catch(() => requests.delete(url));
    }
    return request;
  };
  const loadIndex = () => {
    if (!indexPromise) {
      indexPromise = fetchJson(/** @type {string} */ (form.dataset.index)).then(decodeIndex);
      indexPromise.catch(() => (indexPromise = null));
    }
    return indexPromise;
  };
  /** @param {ProviderIndex} index @param {string} zip */
  const locateZip = async (index, zip) => {
    const prefix = zipPrefix(zip);
    if (!index.zipPrefixes[Number(prefix)]) return null;
    return lookupZip(await fetchJson(`${index.zipBase}${prefix}.json`), zip);
  };

  /** Increases with every search; an answer that arrives for an older one is dropped. */
  let generation = 0;
  /** @type {{ index: ProviderIndex, hits: Hit[], shown: number } | null} */
  let current = null;
  /** The query (as URL parameters) whose results are on the page. */
  let shownQuery = '';
  let typingTimer = 0;
  let incompleteTimer = 0;

  const readForm = () => queryFromParams(new URLSearchParams(/** @type {any} */ (new FormData(form))));

  /** @param {Query} query */
  function writeForm(query) {
    zipInput.value = query.zip;
    /** @type {HTMLSelectElement} */ (form.elements.namedItem('radius')).value = String(query.radius);
    /** @type {HTMLInputElement} */ (form.elements.namedItem('place')).value = query.place;
    for (const box of form.querySelectorAll('input[type="checkbox"]')) {
      const input = /** @type {HTMLInputElement} */ (box);
      input.checked =
        input.name === 'setting' ? query.settings.includes(input.value)
        : input.name === 'age' ? query.ages.includes(input.value)
        : input.name === 'accepting' ? query.accepting
        : input.checked;
    }
    const lang = /** @type {HTMLSelectElement} */ (form.elements.namedItem('lang'));
    lang.value = query.lang;
    if (lang.value !== query.lang) lang.value = '';
  }

  /** @param {Query} query @param {'push' | 'replace' | 'none'} mode */
  function updateUrl(query, mode) {
    if (mode === 'none') return;
    const search = paramsFromQuery(query).toString();
    const url = location.pathname + (search ? `?${search}` : '') + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /** @param {string} message */
  function showZipError(message) {
    setMarkedText(zipError, message);
    zipError.hidden = false;
    zipInput.setAttribute('aria-invalid', 'true');
    zipInput.setAttribute('aria-describedby', `${zipHintIds} zip-error`.trim());
  }

  function clearZipError() {
    zipError.hidden = true;
    zipError.textContent = '';
    zipInput.removeAttribute('aria-invalid');
    zipInput.setAttribute('aria-describedby', zipHintIds);
  }

  function clearResults() {
    current = null;
    shownQuery = '';
    list.replaceChildren();
    list.removeAttribute('aria-busy');
    more.hidden = true;
  }

  /**
   * Runs the search in the form.
   * @param {'push' | 'replace' | 'none'} historyMode how the URL follows
   * @param {boolean} final true to report a ZIP code that is still too short (submit, leaving
   *   the field, a pause in typing); false while the reader may still be typing
   * @returns {Promise<void>}
   */
  async function update(historyMode, final) {
    const query = readForm();
    updateUrl(query, historyMode);
    // The same search again (leaving a field, back to the same URL): keep the results as they
    // are, so that a result being clicked is not replaced under the pointer.
    const key = paramsFromQuery(query).toString();
    if (current && key === shownQuery) {
      generation++; // and drop any search still running for another query
      list.removeAttribute('aria-busy');
      return;
    }
    const my = ++generation;
    const zip = checkZip(query.zip);
    const placeText = query.place.trim();

    if (!zip.ok && zip.reason !== 'empty') {
      clearResults();
      if (zip.reason === 'incomplete' && !final) {
        clearZipError();
        announcer.set('');
      } else {
        showZipError(t('zipFormat'));
        announcer.set(t('zipFormat'));
      }
      return;
    }
    clearZipError();
    if (!zip.ok && placeText.length < 2) {
      clearResults();
      announcer.set(historyMode === 'none' && !placeText ? '' : t('prompt'));
      return;
    }

    list.setAttribute('aria-busy', 'true');
    /** @type {ProviderIndex} */
    let index;
    let origin = null;
    try {
      index = await loadIndex();
      if (zip.ok) origin = await locateZip(index, zip.zip);
    } catch {
      if (my !== generation) return;
      clearResults();
      announcer.set(t('loadError'));
      return;
    }
    if (my !== generation) return;
    if (zip.ok && !origin) {
      const message = t('zipUnknown', { zip: zip.zip });
      clearResults();
      showZipError(message);
      announcer.set(message);
      return;
    }

    const place = placeText.length >= 2 ? matchPlace(index, placeText) : null;
    const hits = search(index, {
      origin,
      radius: query.radius,
      place,
      settings: query.settings,
      ages: query.ages,
      accepting: query.accepting,
      lang: query.lang,
    });
    current = { index, hits, shown: 0 };
    list.replaceChildren();
    const rendered = await renderMore(my);
    if (!rendered) return;
    shownQuery = key;

    /** @type {string[]} */
    const parts = [];
    if (origin) {
      const where = { radius: query.radius, zip: origin.zip, city: origin.city, state: origin.state };
      parts.push(hits.length ? tn('near', hits.length, where) : t('nearNone', where));
      if (placeText) parts.push(t('placeAlso', { place: placeText }));
      if (hits.length > PAGE_SIZE) parts.push(t('firstShown', { shown: PAGE_SIZE }));
    } else {
      parts.push(hits.length ? tn('place', hits.length, { place: placeText }) : t('placeNone', { place: placeText }));
    }
    announcer.set(parts.join(' '));
  }

  /**
   * Shows the next page of results, fetching the details it needs.
   * @param {number} my the search this belongs to
   * @returns {Promise<HTMLElement[] | null>} the new items, or null when the search is stale or failed
   */
  async function renderMore(my) {
    if (!current) return null;
    const { index, hits, shown } = current;
    const page = hits.slice(shown, shown + PAGE_SIZE);
    list.setAttribute('aria-busy', 'true');
    /** @type {Map<string, DetailRow[]>} */
    const chunks = new Map();
    try {
      const files = [...new Set(page.map((hit) => detailLocation(index, hit.i).file))];
      const loaded = await Promise.all(files.map(fetchJson));
      files.forEach((file, k) => chunks.set(file, loaded[k]));
    } catch {
      if (my !== generation) return null;
      clearResults();
      announcer.set(t('loadError'));
      return null;
    }
    if (my !== generation || !current) return null;
    const items = page.map((hit) => {
      const { file, row } = detailLocation(index, hit.i);
      return renderItem(index, hit, /** @type {DetailRow} */ (chunks.get(file)?.[row]));
    });
    list.append(...items);
    list.removeAttribute('aria-busy');
    current.shown = shown + page.length;
    more.hidden = current.shown >= hits.length;
    return items;
  }

  /** @param {ProviderIndex} index @param {Hit} hit @param {DetailRow} detail */
  function renderItem(index, hit, detail) {
    const [slug, name, phone] = detail;
    const state = /** @type {import('./find-care-core.js').IndexState} */ (index.states[/** @type {number} */ (index.state[hit.i])]);
    const flags = /** @type {number} */ (index.flags[hit.i]);
    const item = element('li', 'provider-card');
    const heading = element('h3', 'provider-card__name');
    const link = element('a');
    link.setAttribute('href', providerUrl(locale, state.code, slug));
    link.textContent = name;
    heading.append(link);

    const facts = element('dl', 'facts');
    /** @param {string} label @param {string | Node} value @param {string} [valueClass] */
    const fact = (label, value, valueClass) => {
      const row = element('div');
      const dt = element('dt');
      setMarkedText(dt, label);
      const dd = element('dd');
      const nodes = typeof value === 'string' ? markedNodes(value) : [value];
      if (valueClass) {
        const span = element('span', valueClass);
        span.append(...nodes);
        dd.append(span);
      } else dd.append(...nodes);
      row.append(dt, dd);
      facts.append(row);
    };
    if (hit.distance !== null) fact(t('distance'), t('distanceValue', { miles: formatMiles(hit.distance, locale) }), 'distance');
    fact(t('city'), `${index.cities[/** @type {number} */ (index.city[hit.i])]}, ${state.code}`);
    fact(t('settings'), flagSettings(flags).map((s) => t(`setting.${s}`)).join(', '));
    fact(t('ages'), flagAges(flags).map((a) => t(`age.${a}`)).join(', '));
    fact(t('accepting'), t(flags & FLAG.ACCEPTING ? 'acceptingYes' : 'acceptingNo'));
    if (phone) {
      const tel = element('a');
      tel.setAttribute('href', telHref(phone));
      tel.textContent = phone;
      fact(t('phone'), tel);
    }
    item.append(heading, facts);
    return item;
  }

  /** @param {string} tag @param {string} [className] */
  function element(tag, className) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    return el;
  }

  // Events ------------------------------------------------------------------------------------

  form.noValidate = true; // messages come from this script, next to the field and in the status
  form.addEventListener('input', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (!(target instanceof HTMLInputElement) || target.type !== 'text') return;
    announcer.typed();
    clearTimeout(typingTimer);
    clearTimeout(incompleteTimer);
    typingTimer = window.setTimeout(() => update('replace', false), TYPING_DELAY);
    if (target === zipInput) {
      incompleteTimer = window.setTimeout(() => {
        const check = checkZip(zipInput.value);
        if (!check.ok && check.reason === 'incomplete') update('replace', true);
      }, INCOMPLETE_DELAY);
    }
  });
  form.addEventListener('change', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    clearTimeout(typingTimer);
    clearTimeout(incompleteTimer);
    announcer.stoppedTyping();
    // Leaving a text field checks it fully; ticking a box or choosing an option is a new search.
    if (target instanceof HTMLInputElement && target.type === 'text') update('replace', true);
    else update('push', true);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    clearTimeout(incompleteTimer);
    announcer.stoppedTyping();
    await update('push', true);
    if (zipInput.getAttribute('aria-invalid') === 'true') zipInput.focus();
  });
  more.addEventListener('click', async () => {
    const items = await renderMore(generation);
    items?.[0]?.querySelector('a')?.focus();
  });
  window.addEventListener('popstate', () => {
    announcer.stoppedTyping();
    writeForm(queryFromParams(new URLSearchParams(location.search)));
    update('none', true);
  });

  // Start: the notice for readers without JavaScript goes, a query in the URL is shown.
  const notice = document.getElementById('find-care-nojs');
  if (notice) notice.hidden = true;
  const initial = queryFromParams(new URLSearchParams(location.search));
  writeForm(initial);
  if (location.search) update('replace', true);
  else loadIndex().catch(() => {}); // ready for the first keystroke
}
