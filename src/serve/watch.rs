//! Watching `content/`, `templates/` and `config.toml`, and the rebuild loop: a burst of file events
//! (an editor saving several files) is debounced into one batch, sorted, and becomes one rebuild.
//!
//! The debounce is done here rather than with notify-debouncer-mini: that crate drops the event
//! kind, and inotify reports every `open` of a watched file or folder, so the rebuild's own reading
//! of the minutes and templates would trigger the next rebuild, forever.

use super::change::{ChangeKind, OnDisk, Roots};
use super::http::BasePath;
use super::reload::Hub;
use crate::build::{BuildError, Change, RebuildReport, SearchReport, Session};
use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::{Duration, Instant};

/// How long the file system must stay quiet before a batch of events becomes a rebuild.
pub const DEBOUNCE: Duration = Duration::from_millis(150);
/// A steady stream of events (a long copy) still gets a rebuild this often.
pub const MAX_WAIT: Duration = Duration::from_secs(2);

pub type WatchEvent = notify::Result<Event>;

#[derive(Debug, thiserror::Error)]
#[error("cannot watch {path} for changes")]
pub struct WatchError {
    path: String,
    #[source]
    source: notify::Error,
}

/// The watcher, shared so the rebuild loop can watch a folder again that was replaced; events
/// arrive until the last strong handle (the caller's) is dropped.
pub type SharedWatcher = Arc<Mutex<RecommendedWatcher>>;

/// Starts watching; events arrive on the returned receiver until the watcher is dropped.
pub fn start(roots: &Roots) -> Result<(SharedWatcher, Receiver<WatchEvent>), WatchError> {
    let (tx, rx) = mpsc::channel();
    let err = |path: &Path| {
        let path = path.display().to_string();
        move |source| WatchError { path, source }
    };
    let mut watcher = notify::recommended_watcher(move |event: WatchEvent| {
        // The receiver is gone only while shutting down.
        let _ = tx.send(event);
    })
    .map_err(err(&roots.content))?;
    watcher.watch(&roots.content, RecursiveMode::Recursive).map_err(err(&roots.content))?;
    if roots.templates.is_dir() {
        watcher.watch(&roots.templates, RecursiveMode::Recursive).map_err(err(&roots.templates))?;
    }
    // The folder, not the file: editors save by writing a new file and renaming it over the old one,
    // which would end a watch on the file itself.
    if let Some(dir) = roots.config.parent().filter(|d| d.is_dir()) {
        watcher.watch(dir, RecursiveMode::NonRecursive).map_err(err(dir))?;
    }
    Ok((Arc::new(Mutex::new(watcher)), rx))
}

/// A folder's identity on disk (device and inode), `None` while it does not exist: a folder
/// deleted and created again, or swapped for another by renames, is a new one, and a watch on the
/// old one sees nothing of it.
fn identity(dir: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().filter(|m| m.is_dir()).map(|m| (m.dev(), m.ino()))
}

/// The watched folders' identities, to notice when one is replaced.
struct Watched {
    watcher: Weak<Mutex<RecommendedWatcher>>,
    content: Option<(u64, u64)>,
    templates: Option<(u64, u64)>,
}

impl Watched {
    fn new(watcher: Weak<Mutex<RecommendedWatcher>>, roots: &Roots) -> Watched {
        Watched { watcher, content: identity(&roots.content), templates: identity(&roots.templates) }
    }

    fn stale(&self, roots: &Roots) -> bool {
        identity(&roots.content) != self.content || identity(&roots.templates) != self.templates
    }

    /// Watches a content or templates folder again that was replaced (or created) since it was
    /// watched, and says what to rebuild for it: `None` for a new content folder, whose files may
    /// all differ from the old one's under the same names (edits made before the new watch began
    /// were not seen), so everything is parsed again.
    fn renew(&mut self, roots: &Roots) -> Option<Vec<Change>> {
        let mut changes = Some(Vec::new());
        for (dir, seen, change) in [
            (&roots.content, &mut self.content, None),
            (&roots.templates, &mut self.templates, Some(Change::Templates)),
        ] {
            let now = identity(dir);
            if now == *seen {
                continue;
            }
            *seen = now;
            if let (Some(_), Some(watcher)) = (now, self.watcher.upgrade()) {
                let mut watcher = watcher.lock().unwrap_or_else(PoisonError::into_inner);
                let _ = watcher.unwatch(dir);
                if let Err(e) = watcher.watch(dir, RecursiveMode::Recursive) {
                    eprintln!("warning: cannot watch {} again: {e}; restart `referat serve`", dir.display());
                }
            }
            println!("Changed: {} (the folder was replaced)", dir.display());
            match (change, &mut changes) {
                (Some(change), Some(list)) => list.push(change),
                _ => changes = None,
            }
        }
        changes
    }
}

/// Reading a file or listing a folder changes nothing; closing a file opened for writing does.
fn is_relevant(event: &WatchEvent) -> bool {
    match event {
        Ok(e) => match e.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
            EventKind::Access(_) => false,
            _ => true,
        },
        Err(_) => true,
    }
}

/// Waits for the first relevant event, then collects until the events stop for `quiet` (or
/// `max_wait` has passed). `None` once the watcher is gone.
pub fn next_batch(events: &Receiver<WatchEvent>, quiet: Duration, max_wait: Duration) -> Option<Vec<WatchEvent>> {
    next_batch_after(events, None, quiet, max_wait)
}

/// [`next_batch`] starting with an event already taken from the channel.
fn next_batch_after(
    events: &Receiver<WatchEvent>,
    first: Option<WatchEvent>,
    quiet: Duration,
    max_wait: Duration,
) -> Option<Vec<WatchEvent>> {
    let first = match first {
        Some(event) => event,
        None => events.iter().find(is_relevant)?,
    };
    let mut batch = vec![first];
    let deadline = Instant::now() + max_wait;
    let mut quiet_until = Instant::now() + quiet;
    loop {
        let now = Instant::now();
        let wait = quiet_until.min(deadline).saturating_duration_since(now);
        match events.recv_timeout(wait) {
            Ok(event) if is_relevant(&event) => {
                batch.push(event);
                quiet_until = Instant::now() + quiet;
            }
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) if Instant::now() >= quiet_until.min(deadline) => return Some(batch),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Some(batch),
        }
    }
}

/// Rebuilds on every batch of events until the watcher is dropped. Runs on its own thread; holds
/// the watcher only weakly, to watch a replaced folder again.
/// `start_over`: parse everything at the first change (the first build panicked).
pub fn rebuild_loop(
    events: Receiver<WatchEvent>,
    watcher: Weak<Mutex<RecommendedWatcher>>,
    mut session: Session,
    roots: Roots,
    hub: Arc<Hub>,
    base: Arc<BasePath>,
    start_over: bool,
) {
    let mut start_over = start_over;
    let mut early = None;
    let mut watched = Watched::new(watcher, &roots);
    loop {
        let first = match early.take() {
            Some(event) => event,
            None => match wait_for_change(&events, &mut session, &hub, &|| watched.stale(&roots)) {
                Some(event) => event,
                None => break,
            },
        };
        let Some(batch) = next_batch_after(&events, Some(first), DEBOUNCE, MAX_WAIT) else { break };
        let mut changes = sort_events(batch, &roots, &session);
        match watched.renew(&roots) {
            Some(more) => changes.extend(more),
            None => start_over = true,
        }
        let changes: Vec<Change> = changes.into_iter().collect();
        if !changes.is_empty() || start_over {
            let all = std::mem::take(&mut start_over);
            let outcome = run_and_report(&hub, || if all { session.rebuild_all() } else { session.update(&changes) });
            if outcome == Outcome::Panicked {
                start_over = true;
                continue;
            }
            if outcome == Outcome::Built {
                follow_base_path(&session, &base);
            }
        }
        // Edits that came in meanwhile go first; the index starts once the files are quiet.
        early = events.try_iter().find(is_relevant);
        if early.is_none() && !start_over {
            start_search(&mut session, &hub);
        }
    }
}

/// Serves the site under the base path of the config just read, when `base_url` got another path.
fn follow_base_path(session: &Session, base: &BasePath) {
    if let Some(path) = session.base_path() {
        if base.set(&path) {
            let origin = session.options().origin.clone().unwrap_or_default();
            println!("base_url has a new path: serving at {origin}{}", base.get());
        }
    }
}

/// Waits for the next relevant file event; meanwhile publishes the search index when it is written
/// and starts the next one if pages changed in the meantime. A watched folder that was replaced
/// (`stale`, checked every second: no event may tell, if its parent is not watched) counts as an
/// event. `None` once the watcher is gone.
fn wait_for_change(
    events: &Receiver<WatchEvent>,
    session: &mut Session,
    hub: &Hub,
    stale: &dyn Fn() -> bool,
) -> Option<WatchEvent> {
    const POLL: Duration = Duration::from_millis(100);
    const REPLACED: Duration = Duration::from_secs(1);
    let mut last_look = Instant::now();
    loop {
        let wait = if session.search_running() { POLL } else { REPLACED };
        match events.recv_timeout(wait) {
            Ok(event) if is_relevant(&event) => return Some(event),
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) => {
                if let Some(result) = session.finish_search(false) {
                    report_search(result, hub);
                    start_search(session, hub);
                }
            }
            Err(RecvTimeoutError::Disconnected) => return None,
        }
        // On every pass, not only on a timeout: a stream of ignored events must not hold it off.
        if last_look.elapsed() >= REPLACED {
            last_look = Instant::now();
            if stale() {
                return Some(Ok(Event::new(EventKind::Any)));
            }
        }
    }
}

fn start_search(session: &mut Session, hub: &Hub) {
    if let Err(e) = session.start_search() {
        report_search(Err(e), hub);
    }
}

fn report_search(result: Result<SearchReport, BuildError>, hub: &Hub) {
    match result {
        Ok(r) => {
            let ms = r.elapsed.as_secs_f64() * 1000.0;
            hub.indexed();
            println!("Search index updated in {ms:.1} ms ({} files changed)", r.published);
        }
        Err(e) => {
            let message = describe(&e);
            hub.failed(message.clone());
            eprintln!("error: the search index could not be updated\n{message}");
        }
    }
}

/// How a (re)build went.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Built,
    /// An error in the input or templates, reported; the last good site stays.
    Failed,
    /// A bug: reported like an error; the session may be half-updated and should start over.
    Panicked,
}

/// Runs one (re)build and reports it. A bug in a later stage must not end the preview, so a panic
/// is caught and reported like a build error. The open tabs are told before the terminal, so that
/// whoever reads the terminal line (a person, or a test) finds the page's status already changed.
pub fn run_and_report(hub: &Hub, build: impl FnOnce() -> Result<RebuildReport, BuildError>) -> Outcome {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(build)) {
        Ok(Ok(report)) => {
            hub.built();
            eprint!("{}", report.diagnostics);
            println!("{}", summary(&report));
            Outcome::Built
        }
        Ok(Err(e)) => {
            let message = describe(&e);
            hub.failed(message.clone());
            eprintln!("error: rebuild failed; the last good site, if any, stays served\n{message}");
            Outcome::Failed
        }
        Err(panic) => {
            let message = format!("internal error while rebuilding (a bug in referat): {}", panic_text(&panic));
            hub.failed(message.clone());
            eprintln!("error: {message}; the last good site, if any, stays served");
            Outcome::Panicked
        }
    }
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    match (panic.downcast_ref::<&str>(), panic.downcast_ref::<String>()) {
        (Some(s), _) => s.to_string(),
        (_, Some(s)) => s.clone(),
        _ => "unknown panic".into(),
    }
}

fn sort_events(batch: Vec<WatchEvent>, roots: &Roots, session: &Session) -> BTreeSet<Change> {
    let mut changes = BTreeSet::new();
    let mut paths = BTreeSet::new();
    for event in batch {
        match event {
            Ok(event) => paths.extend(event.paths),
            // Lost events (e.g. the kernel queue overflowed): look at everything again.
            Err(e) => {
                eprintln!("warning: file watching: {e}; rebuilding everything");
                changes.extend([Change::ContentTree, Change::Templates]);
            }
        }
    }
    for path in paths {
        let kind = roots.classify(&path, OnDisk::probe(&path), |rel| session.knows(rel));
        if kind != ChangeKind::Ignored {
            println!("Changed: {}", crate::privacy::masked_name(&path.to_string_lossy()));
        }
        changes.extend(kind.to_change());
    }
    changes
}

fn summary(report: &RebuildReport) -> String {
    let ms = report.total().as_secs_f64() * 1000.0;
    let what = if report.full {
        format!("full: {} files parsed, {} pages", report.parsed, report.render.pages)
    } else {
        format!(
            "incremental: {} file(s) parsed, {} meeting page(s) selected, {} pages",
            report.parsed, report.selected, report.render.pages
        )
    };
    let steps: Vec<String> =
        report.timings.iter().map(|(name, d)| format!("{name} {:.1} ms", d.as_secs_f64() * 1000.0)).collect();
    format!("Rebuilt in {ms:.1} ms ({what}; {})", steps.join(", "))
}

/// The error and its causes, one per line, as shown in the terminal and the browser overlay.
pub fn describe(e: &BuildError) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(&format!("\n  caused by: {cause}"));
        source = cause.source();
    }
    text.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, ModifyKind};

    fn event(kind: EventKind, path: &str) -> WatchEvent {
        Ok(Event::new(kind).add_path(path.into()))
    }

    #[test]
    fn a_burst_of_saves_is_one_batch() {
        let (tx, rx) = mpsc::channel();
        let sender = std::thread::spawn(move || {
            for i in 0..5 {
                tx.send(event(EventKind::Modify(ModifyKind::Any), &format!("/c/{i}.txt"))).unwrap();
                std::thread::sleep(Duration::from_millis(20));
            }
            std::thread::sleep(Duration::from_millis(300));
            tx.send(event(EventKind::Create(CreateKind::File), "/c/late.txt")).unwrap();
        });
        let first = next_batch(&rx, Duration::from_millis(100), MAX_WAIT).unwrap();
        assert_eq!(first.len(), 5);
        let second = next_batch(&rx, Duration::from_millis(100), MAX_WAIT).unwrap();
        assert_eq!(second.len(), 1);
        sender.join().unwrap();
        assert!(next_batch(&rx, Duration::from_millis(100), MAX_WAIT).is_none(), "ends when the watcher is gone");
    }

    #[test]
    fn reading_files_does_not_trigger_rebuilds() {
        let (tx, rx) = mpsc::channel();
        tx.send(event(EventKind::Access(AccessKind::Open(AccessMode::Any)), "/c/a.txt")).unwrap();
        tx.send(event(EventKind::Access(AccessKind::Close(AccessMode::Read)), "/c")).unwrap();
        drop(tx);
        assert!(next_batch(&rx, Duration::from_millis(50), MAX_WAIT).is_none());
    }

    #[test]
    fn a_steady_stream_still_gets_a_rebuild() {
        let (tx, rx) = mpsc::channel();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = stop.clone();
        let sender = std::thread::spawn(move || {
            while !flag.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = tx.send(event(EventKind::Modify(ModifyKind::Any), "/c/a.txt"));
                std::thread::sleep(Duration::from_millis(10));
            }
        });
        let started = Instant::now();
        let batch = next_batch(&rx, Duration::from_millis(100), Duration::from_millis(300)).unwrap();
        assert!(started.elapsed() < Duration::from_secs(2));
        assert!(batch.len() > 1);
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        sender.join().unwrap();
    }
}

#[cfg(test)]
mod panic_tests {
    use super::*;

    #[test]
    fn a_panicking_build_is_reported_not_fatal() {
        let hub = Hub::new();
        assert_eq!(run_and_report(&hub, || panic!("index out of bounds")), Outcome::Panicked);
        let status = hub.current();
        assert_eq!(status.version, 0);
        assert!(status.error.unwrap().contains("index out of bounds"));
    }
}
