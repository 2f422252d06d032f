// @ts-check
import { setMarkedText, unmark } from './i18n.js';

/**
 * A polite live region that speaks once the reader pauses typing: announcing every intermediate
 * search would talk over them (results still update as they type). Emptying it is immediate.
 * Shared by the provider search and the site search.
 * @param {HTMLElement} region @param {number} [quietMs]
 */
export function politeStatus(region, quietMs = 1000) {
  let lastKeystroke = -Infinity;
  /** Text waiting for a pause in typing, or null. @type {string | null} */
  let pending = null;
  let timer = 0;

  const write = () => {
    // English fallback in the text (marked by the build) is spoken as English.
    if (pending !== null && region.textContent !== unmark(pending)) setMarkedText(region, pending);
    pending = null;
  };
  const writeWhenQuiet = () => {
    const wait = lastKeystroke + quietMs - performance.now();
    if (wait > 0) timer = window.setTimeout(writeWhenQuiet, wait);
    else write();
  };

  return {
    /** The reader typed in a text field. */
    typed() {
      lastKeystroke = performance.now();
    },
    /** @param {string} text */
    set(text) {
      pending = text;
      clearTimeout(timer);
      if (text) writeWhenQuiet();
      else write();
    },
    /** A change, a submit, back/forward: the reader is done typing, so waiting text is due now
     * (on the next tick, so that a search answered at once can replace it first). */
    stoppedTyping() {
      lastKeystroke = -Infinity;
      if (pending === null) return;
      clearTimeout(timer);
      timer = window.setTimeout(write, 0);
    },
  };
}
