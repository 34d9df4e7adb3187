//! The build as a whole: a failed build leaves the previously published site exactly as it was, and
//! meetings parsed a second time for their pages (beyond the memory budget) give the same site.

mod site_support;
use referat::build::{self, BuildError, BuildOptions};
use site_support::*;
use std::path::Path;

fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        content: root.join("content"),
        output: root.join("public"),
        config: repo().join("config.toml"),
        templates: repo().join("templates"),
        base_url: None,
        ..Default::default()
    }
}

#[test]
fn failed_build_leaves_previous_public_untouched() {
    let root = tempfile::tempdir().unwrap();
    let opts = options(root.path());
    std::fs::create_dir_all(opts.output.join("direktionen")).unwrap();
    std::fs::write(opts.output.join("index.html"), "previous site").unwrap();
    std::fs::write(opts.output.join("direktionen/old.html"), "previous page").unwrap();
    std::fs::create_dir_all(&opts.content).unwrap();
    std::fs::write(opts.content.join("broken.txt"), b"Punkt 1\0binary").unwrap();

    let err = build::build(&opts).unwrap_err();
    assert!(matches!(err, BuildError::Input(_)), "{err}");
    let after = files(&opts.output);
    assert_eq!(
        after,
        vec![
            ("direktionen/old.html".to_string(), b"previous page".to_vec()),
            ("index.html".to_string(), b"previous site".to_vec())
        ]
    );
    let leftovers: Vec<_> = std::fs::read_dir(root.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 2, "no staging folder left behind: {leftovers:?}");
}

#[test]
fn meetings_parsed_again_for_their_pages_give_the_same_site() {
    let root = tempfile::tempdir().unwrap();
    let mut kept = options(root.path());
    kept.content = repo().join("content");
    let reparsed = BuildOptions { output: root.path().join("reparsed"), keep_bytes: 0, ..kept.clone() };
    build::build(&kept).unwrap();
    build::build(&reparsed).unwrap();
    let (a, b) = (files(&kept.output), files(&reparsed.output));
    assert!(a.len() > 20, "{} files", a.len());
    assert!(a == b, "the sites differ");
}

/// The clerk's rebuild returns once the new site is in place; the old one goes in the background.
#[test]
fn a_rebuild_removes_the_replaced_site_in_the_background() {
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("public");
    let build = || {
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_referat"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["build", "--output"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        String::from_utf8(run.stdout).unwrap()
    };
    assert!(!build().contains("background"), "nothing to remove on a first build");
    std::fs::write(out.join("stale.html"), "from the replaced site").unwrap();
    assert!(build().contains("The previous site is being removed in the background."));
    assert!(!out.join("stale.html").exists(), "the new site is in place at once");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let left = || std::fs::read_dir(root.path()).unwrap().count();
    while left() > 1 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let names: Vec<_> = std::fs::read_dir(root.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["public"], "the replaced site was removed");
}
