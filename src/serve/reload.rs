//! Live reload: the build status every open tab follows over Server-Sent Events, and the small
//! script (injected only by `serve`) that reloads the tab after a good rebuild or shows the error.

use axum::http::header;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
use serde::Serialize;
use std::convert::Infallible;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::{broadcast, watch};

/// Where the script and the event stream live (outside any base path, never in a built site).
pub const SCRIPT_PATH: &str = "/__referat/reload.js";
pub const EVENTS_PATH: &str = "/__referat/events";

/// How an HTML response names the build it comes from: `Server-Timing: referat;desc="<version>"`,
/// which the page's script can read (`PerformanceNavigationTiming.serverTiming`).
pub const BUILD_TIMING: &str = "referat;desc=\"";

/// The HTML `serve` asks the renderer to put before `</body>`. An external script, so a strict
/// Content-Security-Policy (`script-src 'self'`) in the templates does not block it.
pub fn inject_html() -> String {
    format!("<script src=\"{SCRIPT_PATH}\" defer></script>")
}

/// What the tabs are told: the number of the last good build and, if the newest attempt failed, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Status {
    pub version: u64,
    /// The number of search indexes published: the search page reloads when it changes, since the
    /// index follows the pages in the background and the page may hold the one before.
    #[serde(skip_serializing_if = "is_zero")]
    pub index: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Shared between the builder thread and every event stream.
pub struct Hub {
    current: Mutex<Status>,
    updates: broadcast::Sender<Status>,
}

impl Hub {
    pub fn new() -> Arc<Hub> {
        let (updates, _) = broadcast::channel(16);
        Arc::new(Hub { current: Mutex::new(Status { version: 0, index: 0, error: None }), updates })
    }

    pub fn current(&self) -> Status {
        self.current.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// A rebuild succeeded: tabs showing an older build reload.
    pub fn built(&self) {
        self.publish(|s| Status { version: s.version + 1, index: s.index, error: None });
    }

    /// A rebuild failed: tabs keep the last good page and show `message` over it.
    pub fn failed(&self, message: String) {
        self.publish(|s| Status { version: s.version, index: s.index, error: Some(message) });
    }

    /// A search index was published: open search pages reload to read it.
    pub fn indexed(&self) {
        self.publish(|s| Status { index: s.index + 1, ..s.clone() });
    }

    fn publish(&self, next: impl FnOnce(&Status) -> Status) {
        let status = {
            let mut current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
            *current = next(&current);
            current.clone()
        };
        // No subscribers is fine: nobody has a tab open.
        let _ = self.updates.send(status);
    }

    /// The current status, then every change, until `shutdown` flips (so the server can stop).
    pub fn events(&self, shutdown: watch::Receiver<bool>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
        let first = self.current();
        let state = (Some(first), self.updates.subscribe(), shutdown);
        let stream = stream::unfold(state, |(first, mut updates, mut shutdown)| async move {
            if let Some(status) = first {
                return Some((Ok(event(&status)), (None, updates, shutdown)));
            }
            loop {
                let next = tokio::select! {
                    update = updates.recv() => Some(update),
                    _ = shutdown.wait_for(|stop| *stop) => None,
                };
                match next {
                    Some(Ok(status)) => return Some((Ok(event(&status)), (None, updates, shutdown))),
                    // Missed some updates: only the newest matters, and it is still to come.
                    Some(Err(broadcast::error::RecvError::Lagged(_))) => continue,
                    Some(Err(broadcast::error::RecvError::Closed)) | None => return None,
                }
            }
        });
        Sse::new(stream).keep_alive(KeepAlive::default())
    }
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

fn event(status: &Status) -> Event {
    let name = if status.error.is_some() { "failed" } else { "built" };
    let data = serde_json::to_string(status).unwrap_or_else(|_| "{}".into());
    Event::default().event(name).data(data)
}

/// The client side. The overlay text is set with `textContent`, so an error message quoting the
/// minutes can never run as HTML.
const SCRIPT: &str = r#"// referat serve: live reload (only in `referat serve`, never in a built site).
(() => {
  // The build this page came from, as the server said when it sent the page; without it, the
  // first status the stream reports.
  const nav = performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
  const mark = nav && nav.serverTiming ? nav.serverTiming.find((t) => t.name === 'referat') : null;
  let seen = mark ? Number(mark.description) : null;
  let box = null;
  // `good`: a build has succeeded since serve started, so the page is its last good version.
  const show = (message, good) => {
    if (!box) {
      box = document.createElement('div');
      box.id = 'referat-build-error';
      box.setAttribute('role', 'alert');
      Object.assign(box.style, {
        position: 'fixed', left: '0', right: '0', top: '0', zIndex: '2147483647', maxHeight: '60vh',
        overflow: 'auto', margin: '0', padding: '1rem 1.25rem', background: '#7a0000', color: '#ffffff',
        font: '15px/1.45 system-ui, sans-serif', boxShadow: '0 2px 12px rgba(0,0,0,.5)',
      });
      const title = document.createElement('strong');
      const pre = document.createElement('pre');
      Object.assign(pre.style, { whiteSpace: 'pre-wrap', font: '14px/1.4 ui-monospace, monospace', margin: '.5rem 0 0' });
      const hint = document.createElement('p');
      hint.textContent = 'Ret filen og gem den; siden genindlæses af sig selv.';
      hint.style.margin = '.5rem 0 0';
      box.append(title, pre, hint);
      document.body.append(box);
    }
    box.querySelector('strong').textContent = good
      ? 'Ændringen kunne ikke bygges. Siden viser den sidste gode version.'
      : 'Sitet kunne ikke bygges, og der er endnu ingen god version at vise.';
    box.querySelector('pre').textContent = message;
  };
  const hide = () => {
    if (box) box.remove();
    box = null;
  };
  // The search page also follows the search index, which is published after the pages.
  const searching = document.getElementById('search') !== null;
  let index = null;
  const follow = (e) => {
    const status = JSON.parse(e.data);
    if (seen === null) seen = status.version;
    if (index === null) index = status.index || 0;
    if (status.version !== seen || (searching && (status.index || 0) !== index)) {
      location.reload();
      return;
    }
    if (status.error) show(status.error, status.version > 0); else hide();
  };
  const events = new EventSource('/__referat/events');
  events.addEventListener('built', follow);
  events.addEventListener('failed', follow);
})();
"#;

pub async fn script() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], SCRIPT)
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_count_good_builds_and_errors_keep_the_version() {
        let hub = Hub::new();
        let mut rx = hub.updates.subscribe();
        hub.built();
        assert_eq!(rx.try_recv().unwrap(), Status { version: 1, index: 0, error: None });
        hub.failed("direktionen/x.txt:3:1: error: bad".into());
        assert_eq!(
            rx.try_recv().unwrap(),
            Status { version: 1, index: 0, error: Some("direktionen/x.txt:3:1: error: bad".into()) }
        );
        hub.built();
        assert_eq!(hub.current(), Status { version: 2, index: 0, error: None });
        // A published search index counts apart: pages stay, the search page reloads.
        hub.indexed();
        assert_eq!(hub.current(), Status { version: 2, index: 1, error: None });
    }

    #[test]
    fn events_carry_the_status_as_json() {
        let s = Status { version: 3, index: 0, error: Some("<script>".into()) };
        assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"version":3,"error":"<script>"}"#);
        assert_eq!(serde_json::to_string(&Status { version: 1, index: 0, error: None }).unwrap(), r#"{"version":1}"#);
    }

    #[test]
    fn script_never_uses_inner_html() {
        assert!(!SCRIPT.contains("innerHTML"));
        assert!(SCRIPT.contains(EVENTS_PATH));
        assert!(inject_html().contains(SCRIPT_PATH));
    }
}
