//! Load under rebuilds: many concurrent requests against `referat serve` on loopback while a minutes
//! file is edited again and again. Every answer must be complete and correct. Bounded in requests
//! and time.

mod serve_support;

use serve_support::*;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const THREADS: usize = 16;
const MAX_REQUESTS_PER_THREAD: usize = 400;
const MAX_TIME: Duration = Duration::from_secs(8);

#[test]
fn concurrent_requests_during_rebuilds_are_all_answered() {
    let project = Project::new();
    let serve = Serve::start(&project, &[]);
    let rel = eventually(Duration::from_secs(60), "the meeting page", || project.page_with("2017-03-20", DECISION));
    let targets: Arc<Vec<(String, u16, &str)>> = Arc::new(vec![
        (format!("{}{rel}", serve.url), 200, "</html>"),
        (serve.url.clone(), 200, "</html>"),
        (format!("{}static/style.css", serve.url), 200, ""),
        (format!("{}findes/ikke/", serve.url), 404, "</html>"),
        (format!("{}/__referat/reload.js", serve.origin), 200, "})();"),
    ]);
    let done = Arc::new(AtomicBool::new(false));
    let requests = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let workers: Vec<_> = (0..THREADS)
        .map(|t| {
            let (targets, done, requests) = (targets.clone(), done.clone(), requests.clone());
            std::thread::spawn(move || {
                let client = client();
                let mut errors = Vec::new();
                for i in 0..MAX_REQUESTS_PER_THREAD {
                    if done.load(Ordering::Relaxed) {
                        break;
                    }
                    let (url, status, tail) = &targets[(t + i) % targets.len()];
                    match client.get(url).send().and_then(|r| Ok((r.status().as_u16(), r.text()?))) {
                        Ok((s, body)) if s == *status && body.trim_end().ends_with(tail) => {}
                        Ok((s, body)) => errors.push(format!("{url}: {s}, {} bytes", body.len())),
                        Err(e) => errors.push(format!("{url}: {e}")),
                    }
                    requests.fetch_add(1, Ordering::Relaxed);
                }
                errors
            })
        })
        .collect();

    let good = project.read(MEETING);
    let mut edits = 0;
    while start.elapsed() < MAX_TIME && workers.iter().any(|w| !w.is_finished()) {
        edits += 1;
        project.save(MEETING, &good.replace(DECISION, &format!("Direktionen godkendte UNDER-LAST-{edits}")));
        std::thread::sleep(Duration::from_millis(250));
    }
    done.store(true, Ordering::Relaxed);
    let errors: Vec<String> = workers.into_iter().flat_map(|w| w.join().unwrap()).collect();
    let elapsed = start.elapsed();
    let total = requests.load(Ordering::Relaxed);
    println!(
        "{total} requests from {THREADS} threads in {:.2} s ({:.0} req/s) during {} rebuilds after {edits} edits",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64(),
        serve.rebuilds()
    );
    assert!(errors.is_empty(), "{} failed requests, e.g. {:?}", errors.len(), &errors[..errors.len().min(5)]);
    assert!(serve.rebuilds() >= 3, "the load ran across rebuilds: {}", serve.out());
    assert_eq!(serve.failures(), 0, "{}", serve.err());
}
