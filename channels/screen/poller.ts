/**
 * The one script a screen document runs, inline (a screen loads nothing from
 * elsewhere). It rotates the slides, and polls the document's own URL with
 * If-None-Match: a 304 changes nothing; a 200 swaps the slides container in
 * place once its images are loaded (parsed with DOMParser, so nothing in it
 * runs), without a reload that would flash a blank screen in front of
 * customers. Unreachable server, 5xx,
 * or any answer that is not a screen document: the last good slides stay up,
 * and a discreet marker says the screen is offline until the server answers
 * again.
 *
 * Push: when the document names an update stream (data-updates, server-sent
 * events), a `publish` event asks at once instead of at the next poll. The
 * poll keeps running: if the stream drops (EventSource reconnects by itself)
 * or the browser has no EventSource, the screen still refreshes on time.
 *
 * Plain ES5-level JavaScript, because kiosk browsers are often old; the same
 * bytes in every document, so a Content-Security-Policy can allow it by hash
 * (screenScriptHash below).
 */

/** The element the poller replaces with the same element from a newer document. */
export const SCREEN_SLIDES_ID = 'tessera-slides'

export const SCREEN_POLLER_SCRIPT = `(function () {
  'use strict';
  var root = document.documentElement;
  var etag = root.getAttribute('data-etag') || '';
  var slideTimer = 0;
  var current = 0;

  function seconds(name, fallback) {
    var value = Number(root.getAttribute(name));
    return value > 0 ? value : fallback;
  }

  function slides() {
    var container = document.getElementById('${SCREEN_SLIDES_ID}');
    return container ? container.querySelectorAll('[data-slide]') : [];
  }

  function show(index) {
    var all = slides();
    if (all.length === 0) return;
    current = index % all.length;
    for (var i = 0; i < all.length; i++) {
      var active = i === current;
      all[i].classList.toggle('is-active', active);
      all[i].setAttribute('aria-hidden', active ? 'false' : 'true');
    }
  }

  function rotate() {
    clearInterval(slideTimer);
    show(0);
    if (slides().length > 1) {
      slideTimer = setInterval(function () { show(current + 1); }, seconds('data-slide-seconds', 10) * 1000);
    }
  }

  function setOffline(offline) {
    root.classList.toggle('is-offline', offline);
    var marker = document.getElementById('tessera-offline');
    if (marker) marker.hidden = !offline;
  }

  // Resolves once the images are in the browser's cache (or failed, or 10 s
  // passed), so the swapped-in slides do not show empty frames while loading.
  function preload(container) {
    var images = container.querySelectorAll('img[src]');
    return Promise.all(Array.prototype.map.call(images, function (img) {
      return new Promise(function (resolve) {
        var probe = new Image();
        probe.onload = probe.onerror = resolve;
        setTimeout(resolve, 10000);
        probe.src = img.getAttribute('src');
      });
    }));
  }

  // Moves the new document's slides container in; false if it has none.
  function swap(next, headerTag) {
    var incoming = next.getElementById('${SCREEN_SLIDES_ID}');
    var container = document.getElementById('${SCREEN_SLIDES_ID}');
    if (!incoming || !container || !container.parentNode) return false;
    container.parentNode.replaceChild(document.adoptNode(incoming), container);
    var nextRoot = next.documentElement;
    ['lang', 'class', 'data-refresh-seconds', 'data-slide-seconds', 'data-width', 'data-height'].forEach(function (name) {
      var value = nextRoot.getAttribute(name);
      if (value !== null) root.setAttribute(name, value);
    });
    if (next.title) document.title = next.title;
    etag = headerTag || nextRoot.getAttribute('data-etag') || '';
    root.setAttribute('data-etag', etag);
    rotate();
    return true;
  }

  var pollTimer = 0;
  var polling = false;
  var askAgain = false;

  function poll() {
    clearTimeout(pollTimer);
    if (polling) { askAgain = true; return; }
    polling = true;
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    // A request the network swallowed must not stop the polling for good.
    var deadline = setTimeout(function () { if (controller) controller.abort(); }, 30000);
    var headers = { Accept: 'text/html' };
    if (etag) headers['If-None-Match'] = etag;
    fetch(location.href, { headers: headers, cache: 'no-store', credentials: 'same-origin', signal: controller ? controller.signal : undefined })
      .then(function (response) {
        if (response.status === 304) return setOffline(false);
        if (response.status !== 200) return setOffline(true);
        var headerTag = response.headers.get('ETag');
        return response.text().then(function (html) {
          var next = new DOMParser().parseFromString(html, 'text/html');
          var incoming = next.getElementById('${SCREEN_SLIDES_ID}');
          if (!incoming) return setOffline(true);
          return preload(incoming).then(function () { setOffline(!swap(next, headerTag)); });
        });
      })
      .catch(function () { setOffline(true); })
      .then(function () {
        clearTimeout(deadline);
        polling = false;
        if (askAgain) { askAgain = false; return poll(); }
        pollTimer = setTimeout(poll, seconds('data-refresh-seconds', 60) * 1000);
      });
  }

  function listen() {
    var updates = root.getAttribute('data-updates');
    if (!updates || typeof EventSource !== 'function') return;
    var source = new EventSource(updates);
    source.addEventListener('publish', function () { poll(); });
    // Back after a drop: what was published meanwhile is asked for at once.
    source.addEventListener('live', function () { if (root.getAttribute('data-pushed') === 'yes') poll(); root.setAttribute('data-pushed', 'yes'); });
  }

  rotate();
  listen();
  pollTimer = setTimeout(poll, seconds('data-refresh-seconds', 60) * 1000);
})();`

/** The CSP source that allows the inline script, e.g. `script-src 'sha256-…'`. */
export async function screenScriptHash(): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(SCREEN_POLLER_SCRIPT)))
  let binary = ''
  for (const byte of digest) binary += String.fromCharCode(byte)
  return `'sha256-${btoa(binary)}'`
}
