//! `referat serve`: builds the site, serves it over HTTP, rebuilds what changed when files under
//! `content/`, `templates/` or `config.toml` change, and reloads the open browser tabs.
//!
//! [`change`] sorts file events, [`watch`] debounces them into rebuilds, [`reload`] tells the tabs,
//! [`http`] serves the output folder like a static host.

pub mod change;
pub mod http;
pub mod reload;
pub mod watch;

use crate::build::{self, BuildOptions, Session};
use change::Roots;
use http::BasePath;
use reload::Hub;
use std::future::IntoFuture;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::watch as signal_watch;

#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// `build.output` is used only with `keep_output`; otherwise the preview goes to a temporary
    /// folder, so the reload script can never end up in a folder that gets published.
    pub build: BuildOptions,
    pub bind: String,
    pub port: u16,
    pub keep_output: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error("cannot listen on {addr}")]
    Bind { addr: String, source: std::io::Error },
    #[error("cannot prepare the output folder {path}")]
    Output { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Watch(#[from] watch::WatchError),
    #[error("cannot start the async runtime")]
    Runtime(#[source] std::io::Error),
    #[error("HTTP server failed")]
    Server(#[source] std::io::Error),
}

/// How long open connections get to finish after Ctrl-C.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// Runs until Ctrl-C (or SIGTERM).
pub fn serve(mut opts: ServeOptions) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(ServeError::Runtime)?;
    let base_path = build::load_config(&opts.build)?.base_path();
    let addr = format!("{}:{}", host_for_url(&opts.bind), opts.port);
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind((opts.bind.as_str(), opts.port)))
        .map_err(|source| ServeError::Bind { addr: addr.clone(), source })?;
    let local = listener.local_addr().map_err(|source| ServeError::Bind { addr, source })?;
    let origin = origin(&opts.bind, local);
    let url = format!("{origin}{base_path}");
    opts.build.origin = Some(origin);

    // Listen for Ctrl-C from here on: before the server runs (the first build of a large site takes
    // seconds) it ends the process at once, after removing the preview folder.
    let phase = Arc::new(AtomicU8::new(BUILDING));
    let preview = Arc::new(OnceLock::new());
    let signal = runtime.spawn(stop_on_signal(phase.clone(), preview.clone()));
    let temp = prepare_output(&mut opts)?;
    if let Some(dir) = &temp {
        let _ = preview.set(dir.path().to_path_buf());
    }
    let hub = Hub::new();
    let mut session = Session::new(opts.build.clone(), reload::inject_html());
    println!("Building the site from {}…", opts.build.content.display());
    let first = watch::run_and_report(&hub, || session.rebuild_all());

    let roots = roots(&opts.build);
    let (watcher, events) = watch::start(&roots)?;
    let base = BasePath::new(&base_path);
    let builder = {
        let (hub, base) = (hub.clone(), base.clone());
        // Weakly: the loop ends when the watcher is dropped below and its events stop.
        let watcher = std::sync::Arc::downgrade(&watcher);
        let start_over = first == watch::Outcome::Panicked;
        std::thread::spawn(move || watch::rebuild_loop(events, watcher, session, roots, hub, base, start_over))
    };

    let (stop, stopped) = signal_watch::channel(false);
    let app = http::App::new(&opts.build.output, base, hub, stopped.clone())
        .map_err(|source| ServeError::Output { path: opts.build.output.clone(), source })?;
    // A Ctrl-C that came as the first build ended has its task end the process: nothing is served.
    if phase.compare_exchange(BUILDING, SERVING, Ordering::SeqCst, Ordering::SeqCst).is_err() {
        loop {
            std::thread::park();
        }
    }
    println!("Serving {} at {url}", opts.build.output.display());
    println!("Press Ctrl-C to stop.");
    let served = runtime.block_on(run_server(listener, http::router(app), signal, stop, stopped));

    drop(watcher);
    // The builder ends when the watcher's channel closes; a rebuild in progress finishes first.
    let _ = builder.join();
    drop(temp);
    // Do not wait for stray blocking tasks (name lookups) longer than the connections got.
    runtime.shutdown_timeout(SHUTDOWN_GRACE);
    println!("Stopped.");
    served
}

/// The serve's phase, one atomic so that Ctrl-C and the first build's end cannot both win: it
/// printed "Serving" after "Stopped before the first build ended" when they came together.
const BUILDING: u8 = 0;
const SERVING: u8 = 1;
const STOPPING: u8 = 2;

/// Waits for Ctrl-C or SIGTERM. Once the server runs, [`run_server`] stops it gracefully; before,
/// nothing is served that could be cut off, so the process ends here with the signal's status.
async fn stop_on_signal(phase: Arc<AtomicU8>, preview: Arc<OnceLock<PathBuf>>) {
    wait_for_signal().await;
    if phase.compare_exchange(BUILDING, STOPPING, Ordering::SeqCst, Ordering::SeqCst).is_err() {
        return;
    }
    println!("Stopped before the first build ended.");
    if let Some(dir) = preview.get() {
        // The build's threads may still be writing into it: once its folders are gone their writes
        // fail, so a removal that raced with them is tried again, for up to two seconds.
        for _ in 0..40 {
            if std::fs::remove_dir_all(dir).is_ok() || !dir.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    std::process::exit(130);
}

async fn run_server(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    signal: tokio::task::JoinHandle<()>,
    stop: signal_watch::Sender<bool>,
    mut stopped: signal_watch::Receiver<bool>,
) -> Result<(), ServeError> {
    let graceful = async move {
        let _ = stopped.wait_for(|s| *s).await;
    };
    let server = tokio::spawn(axum::serve(listener, router).with_graceful_shutdown(graceful).into_future());
    let _ = signal.await;
    println!("Stopping…");
    let _ = stop.send(true);
    match tokio::time::timeout(SHUTDOWN_GRACE, server).await {
        Ok(Ok(result)) => result.map_err(ServeError::Server),
        // Panicked or still busy after the grace period: stop anyway, nothing is half-written.
        Ok(Err(_)) | Err(_) => Ok(()),
    }
}

async fn wait_for_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = ctrl_c => {}
                _ = term.recv() => {}
            }
        }
        Err(_) => {
            let _ = ctrl_c.await;
        }
    }
}

/// Points `opts.build.output` at a fresh temporary folder unless the user asked for one.
fn prepare_output(opts: &mut ServeOptions) -> Result<Option<tempfile::TempDir>, ServeError> {
    let err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ServeError::Output { path, source }
    };
    let temp = if opts.keep_output {
        // The same refusal as `build`'s, before anything is served: a folder of the user's would
        // otherwise be served as it is (minutes and config included) while every build fails.
        build::check_output(&opts.build).map_err(|e| match e {
            build::BuildError::Output { path, source } => ServeError::Output { path, source },
            other => ServeError::Output { path: opts.build.output.clone(), source: std::io::Error::other(other) },
        })?;
        None
    } else {
        let dir = tempfile::Builder::new().prefix("referat-serve-").tempdir().map_err(err(&std::env::temp_dir()))?;
        opts.build.output = dir.path().join("public");
        Some(dir)
    };
    std::fs::create_dir_all(&opts.build.output).map_err(err(&opts.build.output))?;
    Ok(temp)
}

/// The watched places as absolute paths, to compare with the paths in file events.
fn roots(opts: &BuildOptions) -> Roots {
    Roots {
        content: absolute(&opts.content),
        templates: absolute(&opts.templates),
        config: absolute(&opts.config),
        output: absolute(&opts.output),
    }
}

/// Canonical if it exists; otherwise its folder made canonical, so a file created later matches.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    match (std::fs::canonicalize(parent), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// An IPv6 address needs brackets in a URL.
fn host_for_url(bind: &str) -> String {
    if bind.contains(':') && !bind.starts_with('[') {
        format!("[{bind}]")
    } else {
        bind.to_string()
    }
}

/// `http://BIND:PORT`: the address actually listened on, for the site's URLs.
fn origin(bind: &str, local: SocketAddr) -> String {
    format!("http://{}:{}", host_for_url(bind), local.port())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_uses_bind_and_port() {
        let local: SocketAddr = "127.0.0.1:4321".parse().unwrap();
        assert_eq!(origin("127.0.0.1", local), "http://127.0.0.1:4321");
        assert_eq!(origin("localhost", local), "http://localhost:4321");
        assert_eq!(origin("::1", local), "http://[::1]:4321");
    }

    #[test]
    fn serve_keeps_the_configured_path_on_its_own_address() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "base_url = \"https://www.htk.dk/politik/referater\"\n").unwrap();
        let mut opts = BuildOptions { config, origin: Some("http://127.0.0.1:4321".into()), ..Default::default() };
        let c = build::load_config(&opts).unwrap();
        assert_eq!(c.base_url, "http://127.0.0.1:4321/politik/referater/");
        opts.base_url = Some("https://example.dk/m%C3%B8der/".into());
        assert_eq!(build::load_config(&opts).unwrap().base_url, "http://127.0.0.1:4321/m%C3%B8der/");
    }
}
