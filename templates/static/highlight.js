// Meeting pages: when the page was opened from a search result (`?fremhaev=…`), loads the search
// script, which marks the query's words in the item (search.js `highlight`). The reader comes from
// the search page, so that script is in the cache; other visitors download nothing more.
(function () {
  'use strict';
  const me = document.currentScript;
  if (!me || !new URLSearchParams(location.search).get('fremhaev')) return;
  const script = document.createElement('script');
  script.src = me.dataset.search;
  document.head.append(script);
})();
