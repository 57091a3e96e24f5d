// Progressive enhancement for GOV.UK and MoJ components. Pages work without it.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
const moj = await import('/assets/moj/moj-frontend.min.js').catch(() => null);
if (moj && moj.initAll) moj.initAll();

// GOV.UK Frontend marks radios and checkboxes that reveal conditional content with aria-expanded, which ARIA does
// not allow on those roles (axe: aria-allowed-attr). The revealed content follows the input and aria-controls
// stays, so the attribute is removed whenever it appears.
const isChoice = (el) => el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox');
for (const el of document.querySelectorAll('input[aria-expanded]')) if (isChoice(el)) el.removeAttribute('aria-expanded');
new MutationObserver((changes) => {
  for (const c of changes) if (isChoice(c.target) && c.target.hasAttribute('aria-expanded')) c.target.removeAttribute('aria-expanded');
}).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-expanded'] });
