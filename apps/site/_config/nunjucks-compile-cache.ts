import { createRequire } from 'node:module';
import type { EleventyConfig } from './types.js';

type CompiledTemplate = {
  tmplProps?: unknown;
  tmplStr: string;
  path: string | null;
  env: object;
};
type TemplateClass = { prototype: { _compile: (this: CompiledTemplate) => void } };

const patched = new WeakSet<object>();
const ELEVENTY_ENTRY = createRequire(import.meta.url).resolve('@11ty/eleventy');

/**
 * Eleventy 3.1 marks Nunjucks "not cacheable" and makes a new Nunjucks Template for every
 * paginated page, so each page compiles its template body and its permalink again: profiling a
 * corpus build (14,000 pages) put about a third of the CPU time in the Nunjucks lexer, parser and
 * compiler. The same string compiled for the same environment and file always gives the same
 * code, so this keeps the compiled code (per environment, file and template text) and hands it to
 * every later Template of that text. What a page renders does not change; it only stops compiling
 * it 14,000 times.
 *
 * It wraps `Template.prototype._compile` of the Nunjucks Eleventy itself loads (nunjucks 3.2.x,
 * whose Template takes precompiled code as `tmplProps`); with another shape it does nothing.
 */
export default function nunjucksCompileCachePlugin(_eleventyConfig: EleventyConfig) {
  const fromEleventy = createRequire(ELEVENTY_ENTRY);
  const { Template } = fromEleventy('nunjucks') as { Template?: TemplateClass };
  const original = Template?.prototype._compile;
  if (!Template || typeof original !== 'function' || patched.has(Template)) return;
  patched.add(Template);

  const compiled = new WeakMap<object, Map<string, unknown>>();
  Template.prototype._compile = function (this: CompiledTemplate) {
    if (this.tmplProps || typeof this.tmplStr !== 'string') return original.call(this);
    let forEnv = compiled.get(this.env);
    if (!forEnv) compiled.set(this.env, (forEnv = new Map()));
    const key = `${this.path ?? ''}\u0000${this.tmplStr}`;
    const props = forEnv.get(key);
    if (props) {
      // Nunjucks' own path for precompiled code: it reads tmplProps instead of compiling tmplStr.
      this.tmplProps = props;
      return original.call(this);
    }
    original.call(this);
    forEnv.set(key, { root: (this as unknown as { rootRenderFunc: unknown }).rootRenderFunc, ...blocksOf(this) });
  };
}

/** The `b_<name>` block functions Nunjucks keeps beside `root` in compiled code. */
function blocksOf(template: CompiledTemplate) {
  const blocks = (template as unknown as { blocks?: Record<string, unknown> }).blocks ?? {};
  return Object.fromEntries(Object.entries(blocks).map(([name, fn]) => [`b_${name}`, fn]));
}
