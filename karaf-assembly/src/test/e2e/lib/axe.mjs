// Accessibility checks with axe-core (the same engine as the project's outside audit), run inside
// the page under test: WCAG 2.0/2.1 A and AA rules, the level DSTU EN 301 549 asks for.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical violations on the page as it is now, each as one readable line
 * (rule, impact, the first nodes' selectors), so an assertion failure says what to fix.
 */
export async function axeViolations(page, { impacts = ['serious', 'critical'] } = {}) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  const result = await page.evaluate(async () => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return result.violations.filter(v => impacts.includes(v.impact))
    .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
}
