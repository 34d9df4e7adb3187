//! Shared harness for the `referat serve` tests: a temp copy of the project, the real binary on a
//! free port, its terminal output collected, and polling helpers.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const REPO: &str = env!("CARGO_MANIFEST_DIR");
/// The seed meeting every test edits, and a sentence from one of its decisions.
pub const MEETING: &str = "direktionen/2017-03-20.txt";
pub const DECISION: &str = "Direktionen godkendte, at politikkerne sendes videre til politisk behandling";

/// A temp copy of content/, templates/ and config.toml, plus an output folder the test can look in.
pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    pub fn new() -> Project {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&Path::new(REPO).join("content"), &dir.path().join("content"));
        copy_dir(&Path::new(REPO).join("templates"), &dir.path().join("templates"));
        std::fs::copy(Path::new(REPO).join("config.toml"), dir.path().join("config.toml")).unwrap();
        Project { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn content(&self, rel: &str) -> PathBuf {
        self.path("content").join(rel)
    }

    pub fn output(&self) -> PathBuf {
        self.path("public")
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.content(rel)).unwrap()
    }

    /// Writes a content file the way editors do: a temp file renamed over the original.
    pub fn save(&self, rel: &str, text: &str) {
        save(&self.content(rel), text.as_bytes());
    }

    pub fn replace(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.save(rel, &text.replace(from, to));
    }

    /// True if any JSON file below the output's search folder contains `needle`.
    pub fn index_has(&self, needle: &str) -> bool {
        walkdir::WalkDir::new(self.output().join("soeg"))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "json"))
            .any(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains(needle)))
    }

    /// The page below the output folder (relative path) whose address contains `hint` and whose
    /// text contains `needle` (case pages quote decisions too, so the hint picks the meeting page).
    pub fn page_with(&self, hint: &str, needle: &str) -> Option<String> {
        walkdir::WalkDir::new(self.output())
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
            .filter(|e| e.path().to_string_lossy().contains(hint))
            .find(|e| std::fs::read_to_string(e.path()).is_ok_and(|t| t.contains(needle)))
            .map(|e| {
                let rel = e.path().strip_prefix(self.output()).unwrap().to_string_lossy().to_string();
                rel.strip_suffix("index.html").map(str::to_string).unwrap_or(rel)
            })
    }
}

pub fn save(path: &Path, bytes: &[u8]) {
    let tmp = path.with_file_name(format!(".{}.saving", path.file_name().unwrap().to_string_lossy()));
    std::fs::write(&tmp, bytes).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).follow_links(true) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A running `referat serve`, stopped with SIGINT (like Ctrl-C) when dropped.
pub struct Serve {
    pub child: Child,
    pub url: String,
    pub origin: String,
    pub stdout: Arc<Mutex<Vec<String>>>,
    pub stderr: Arc<Mutex<Vec<String>>>,
}

impl Serve {
    /// Starts serve on a free port with the project's folders and `--output` in the project.
    pub fn start(project: &Project, extra: &[&str]) -> Serve {
        let mut args: Vec<String> = ["serve", "--port", "0", "--content", "content", "--templates", "templates"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        args.extend(["--config".into(), "config.toml".into(), "--output".into(), "public".into()]);
        args.extend(extra.iter().map(|s| s.to_string()));
        Serve::spawn(project.dir.path(), &args)
    }

    pub fn spawn(dir: &Path, args: &[String]) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_referat"))
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = collect(child.stdout.take().unwrap());
        let stderr = collect(child.stderr.take().unwrap());
        let mut serve = Serve { child, url: String::new(), origin: String::new(), stdout, stderr };
        let line = serve.wait_for_line(|l| l.starts_with("Serving "), Duration::from_secs(120));
        serve.url = line.rsplit(' ').next().unwrap().to_string();
        let after_scheme = &serve.url["http://".len()..];
        let host_end = after_scheme.find('/').unwrap();
        serve.origin = serve.url[..("http://".len() + host_end)].to_string();
        serve
    }

    pub fn out(&self) -> String {
        self.stdout.lock().unwrap().join("\n")
    }

    pub fn err(&self) -> String {
        self.stderr.lock().unwrap().join("\n")
    }

    pub fn rebuilds(&self) -> usize {
        self.stdout.lock().unwrap().iter().filter(|l| l.starts_with("Rebuilt in")).count()
    }

    pub fn failures(&self) -> usize {
        self.stderr.lock().unwrap().iter().filter(|l| l.contains("rebuild failed")).count()
    }

    pub fn wait_for_line(&mut self, pred: impl Fn(&str) -> bool, timeout: Duration) -> String {
        let start = Instant::now();
        loop {
            if let Some(l) = self.stdout.lock().unwrap().iter().find(|l| pred(l)) {
                return l.clone();
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("serve exited with {status}\nstdout:\n{}\nstderr:\n{}", self.out(), self.err());
            }
            assert!(start.elapsed() < timeout, "timed out\nstdout:\n{}\nstderr:\n{}", self.out(), self.err());
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Sends SIGINT, as Ctrl-C in the terminal does, and waits for the exit.
    pub fn interrupt(&mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-INT", &pid]).status().unwrap();
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(start.elapsed() < Duration::from_secs(15), "serve did not stop after SIGINT");
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    pub fn get(&self, path: &str) -> (u16, String) {
        let url = format!("{}{}", self.origin, path);
        let r = client().get(&url).send().unwrap();
        (r.status().as_u16(), r.text().unwrap())
    }

    /// The first status the live-reload stream reports: (event name, JSON data).
    pub fn status(&self) -> (String, String) {
        let mut stream = TcpStream::connect(self.origin.trim_start_matches("http://")).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(stream, "GET /__referat/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n").unwrap();
        let mut seen = String::new();
        let mut buf = [0u8; 4096];
        loop {
            let n = stream.read(&mut buf).unwrap();
            assert!(n > 0, "event stream ended: {seen}");
            seen.push_str(&String::from_utf8_lossy(&buf[..n]));
            let event = seen.lines().find_map(|l| l.strip_prefix("event: ")).map(str::to_string);
            let data = seen.lines().find_map(|l| l.strip_prefix("data: ")).map(str::to_string);
            if let (Some(event), Some(data)) = (event, data) {
                return (event, data);
            }
        }
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let pid = self.child.id().to_string();
            let _ = Command::new("kill").args(["-INT", &pid]).status();
            let start = Instant::now();
            while matches!(self.child.try_wait(), Ok(None)) && start.elapsed() < Duration::from_secs(5) {
                std::thread::sleep(Duration::from_millis(25));
            }
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn collect(stream: impl Read + Send + 'static) -> Arc<Mutex<Vec<String>>> {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let sink = lines.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            sink.lock().unwrap().push(line);
        }
    });
    lines
}

pub fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// Polls `check` until it returns `Some`, or fails after `timeout` with `what`.
pub fn eventually<T>(timeout: Duration, what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = check() {
            return v;
        }
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}
