// Live updates for intelligence pages (progressive enhancement: every page works without it).
// A list marked data-live-list="kind,kind" refreshes its [data-live-region] when a record of those kinds changes;
// a record page marked data-live-kind/data-live-id/data-live-version shows a banner when someone else changes it.
const list = document.querySelector('[data-live-list]');
const record = document.querySelector('[data-live-id]');
const status = document.querySelector('[data-live-status]');

function announce(text) {
  if (status) status.textContent = text;
}

if ((list || record) && 'EventSource' in window) {
  const kinds = list ? list.getAttribute('data-live-list') : record.getAttribute('data-live-kind');
  const params = new URLSearchParams({ kinds });
  if (record && !list) params.set('id', record.getAttribute('data-live-id'));
  const source = new EventSource(`/api/v1/intelligence/events?${params}`);
  let pending = null;

  source.addEventListener('change', (message) => {
    const e = JSON.parse(message.data);
    if (record && e.id === record.getAttribute('data-live-id')) {
      const mine = Number(record.getAttribute('data-live-version'));
      if (e.version > mine) showChanged(e);
      return;
    }
    if (list) {
      clearTimeout(pending);
      pending = setTimeout(refreshList, 300);
    }
  });

  async function refreshList() {
    const region = list.querySelector('[data-live-region]');
    if (!region) return;
    const res = await fetch(window.location.href, {
      headers: { accept: 'text/html' },
      credentials: 'same-origin',
    });
    if (!res.ok) return;
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const fresh = doc.querySelector('[data-live-region]');
    if (fresh) {
      region.innerHTML = fresh.innerHTML;
      announce('The list has been updated.');
    }
  }

  function showChanged(e) {
    let banner = document.getElementById('live-changed');
    if (!banner) {
      banner = document.createElement('div');
      banner.id = 'live-changed';
      banner.className = 'govuk-notification-banner';
      banner.setAttribute('role', 'alert');
      banner.innerHTML =
        '<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title">Changed by someone else</h2></div>' +
        '<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading"></p>' +
        '<p class="govuk-body"><a class="govuk-notification-banner__link" href="">Reload to see their change</a>. If you save now, your change will be refused and their change shown to you.</p></div>';
      const main = document.querySelector('main');
      main.insertBefore(banner, main.firstChild);
    }
    banner.querySelector('.govuk-notification-banner__heading').textContent =
      `${e.byName || 'Someone'} changed this record (version ${e.version}).`;
    banner.querySelector('a').setAttribute('href', window.location.pathname);
  }
}
