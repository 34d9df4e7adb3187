// Meeting pages: when the page was opened from a search result (`?fremhaev=…`), loads the search
// script, which marks the query's words in the item (search.js `highlight`). The reader comes from
// the search page, so that script is in the cache; other visitors download nothing more.
// It also keeps a table's wrapper a tab stop only while the table scrolls sideways: a keyboard
// needs the stop to scroll it, and one more stop per table that fits is only in the way.
(function () {
  'use strict';
  const me = document.currentScript;
  const wraps = document.querySelectorAll('.table-wrap[tabindex]');
  const fit = () => {
    for (const w of wraps) {
      if (w.scrollWidth > w.clientWidth) w.setAttribute('tabindex', '0');
      else w.removeAttribute('tabindex');
    }
  };
  if (wraps.length) {
    fit();
    addEventListener('resize', fit);
  }
  if (!me || !new URLSearchParams(location.search).get('fremhaev')) return;
  const script = document.createElement('script');
  script.src = me.dataset.search;
  document.head.append(script);
})();
