// @ts-check
/* global HTMLFormElement */
// Self-assessment on /<locale>/self-assessment/: with JavaScript, submitting counts the "yes"
// answers in the browser and shows the matching result on the same page (its heading gets the
// focus; a polite status repeats it). Nothing is sent anywhere. Without JavaScript the form opens
// the static page of all results instead.
import { pageTranslator, setMarkedText } from './i18n.js';
import { resultFor } from './self-assessment-core.js';

const form = document.getElementById('self-assessment');
const region = document.getElementById('assessment-result');
if (form instanceof HTMLFormElement && region) setUp(form, region);

/** @param {HTMLFormElement} form @param {HTMLElement} region */
function setUp(form, region) {
  const locale = document.documentElement.lang || 'en';
  const { t, plural } = pageTranslator('self-assessment-strings', locale);
  const status = /** @type {HTMLElement} */ (document.getElementById('assessment-status'));
  const score = /** @type {HTMLElement} */ (document.getElementById('assessment-score'));

  const options = [...region.querySelectorAll('[data-min-yes]')].map((el, k) => {
    const heading = /** @type {HTMLElement} */ (el.querySelector('h2'));
    heading.id ||= `assessment-result-heading-${k}`;
    return { minYes: Number(/** @type {HTMLElement} */ (el).dataset.minYes), heading: heading.textContent?.trim() ?? '', body: '', el: /** @type {HTMLElement} */ (el), headingEl: heading };
  });
  /** The radio groups, q1..qN, in order. */
  const questions = [...new Set([...form.querySelectorAll('input[type="radio"]')].map((r) => /** @type {HTMLInputElement} */ (r).name))];

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    let yes = 0;
    let unanswered = 0;
    for (const name of questions) {
      const checked = /** @type {HTMLInputElement | null} */ (form.querySelector(`input[type="radio"][name="${name}"]:checked`));
      if (!checked) unanswered++;
      else if (checked.value === 'yes') yes++;
    }
    const result = resultFor(options, yes);
    if (!result) return;
    for (const option of options) option.el.hidden = option !== result;
    let text = t('score', { yes, total: questions.length });
    if (unanswered) text += ` ${plural('unanswered', unanswered)}`;
    setMarkedText(score, text);
    region.setAttribute('aria-labelledby', result.headingEl.id);
    region.hidden = false;
    result.headingEl.focus();
    // Emptied first so that the same result, shown again, is announced again.
    status.textContent = '';
    const message = t('status', { heading: result.heading });
    setTimeout(() => setMarkedText(status, message), 100);
  });

  document.getElementById('assessment-restart')?.addEventListener('click', () => {
    form.querySelectorAll('input[type="radio"]').forEach((r) => (/** @type {HTMLInputElement} */ (r).checked = false));
    region.hidden = true;
    status.textContent = '';
    /** @type {HTMLInputElement | null} */ (form.querySelector('input[type="radio"]'))?.focus();
  });
}
