// Autosave for the referral question pages (progressive enhancement: without it, Continue still saves the page).
// A few seconds after the last change, and when the tab is hidden, the form's fields are sent to the page's
// autosave address; the draft then keeps what was typed even if the session times out or the tab is closed.
// The status line next to the buttons (an aria-live region) says when the page was last saved, or why not.

const DELAY_MS = 2500;

const form = document.querySelector('form[data-autosave]');
const status = document.querySelector('[data-autosave-status]');

/** GOV.UK style times: 9:05am, 2:32pm, midday, midnight. */
function timeOfDay(d) {
  const h = d.getHours();
  const m = d.getMinutes();
  if (m === 0 && h === 12) return 'midday';
  if (m === 0 && h === 0) return 'midnight';
  return `${h % 12 || 12}:${String(m).padStart(2, '0')}${h < 12 ? 'am' : 'pm'}`;
}

if (form && status && window.fetch) {
  const url = form.getAttribute('data-autosave');
  const csrf = form.querySelector('input[name="_csrf"]')?.value ?? '';
  let timer = 0;
  let inFlight = false;
  let again = false;
  let submitting = false;
  let lastSent = body();

  function body() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (k !== '_csrf' && typeof v === 'string') params.append(k, v);
    return params.toString();
  }

  function say(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  async function save(leaving = false) {
    clearTimeout(timer);
    if (submitting) return;
    const payload = body();
    if (payload === lastSent) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      const res = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-csrf-token': csrf },
        body: payload,
        keepalive: leaving,
      });
      if (res.ok) {
        lastSent = payload;
        const out = await res.json().catch(() => ({}));
        say(`Saved at ${timeOfDay(out.savedAt ? new Date(out.savedAt) : new Date())}`);
      } else if (res.status === 422) {
        const out = await res.json().catch(() => ({}));
        const first = out?.error?.fields?.[0]?.message;
        say(`Not saved yet${first ? `: ${first}` : ''}. Your answers are kept on this page.`);
      } else if (res.status === 401) {
        say('Could not save because you have been signed out. Your answers are kept on this page: copy anything you need, then sign in again.');
      } else {
        say('Could not save. Your answers are kept on this page: check your connection, or press Continue.');
      }
    } catch {
      say('Could not save. Your answers are kept on this page: check your connection.');
    } finally {
      inFlight = false;
      if (again && !submitting) {
        again = false;
        timer = setTimeout(save, DELAY_MS);
      }
    }
  }

  const changed = () => {
    if (submitting) return;
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  // Continue (or "Save and come back later") saves the page itself: no autosave after that.
  form.addEventListener('submit', () => {
    submitting = true;
    clearTimeout(timer);
  });
  // Back to this page from the browser's cache after Continue: it autosaves again from what it shows.
  window.addEventListener('pageshow', (e) => {
    if (!e.persisted) return;
    submitting = false;
    lastSent = body();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save(true);
  });
}
