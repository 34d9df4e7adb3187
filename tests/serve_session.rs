//! The incremental build behind `serve` (`build::Session`), without HTTP: what a change re-parses
//! and re-renders, and that errors leave the published output alone.

mod serve_support;

use referat::build::{BuildError, BuildOptions, Change, Session};
use serve_support::*;
use std::path::PathBuf;

fn session(project: &Project) -> Session {
    let opts = BuildOptions {
        content: project.path("content"),
        output: project.output(),
        config: project.path("config.toml"),
        templates: project.path("templates"),
        base_url: None,
        ..Default::default()
    };
    Session::new(opts, "<!-- injected -->".into())
}

fn meeting_page(project: &Project) -> PathBuf {
    project.output().join(project.page_with("2017-03-20", DECISION).unwrap()).join("index.html")
}

#[test]
fn one_edited_file_is_parsed_and_rendered_incrementally() {
    let project = Project::new();
    let mut s = session(&project);
    let first = s.rebuild_all().unwrap();
    assert!(first.full);
    assert_eq!(first.parsed, 2);
    let page = meeting_page(&project);
    assert!(std::fs::read_to_string(&page).unwrap().contains("<!-- injected -->"));
    let untouched = project.output().join(project.page_with("2012-11-20", "").unwrap()).join("index.html");
    let untouched_before = std::fs::metadata(&untouched).unwrap().modified().unwrap();

    project.replace(MEETING, DECISION, "Direktionen godkendte INKREMENTELT");
    let report = s.update(&[Change::Content(MEETING.into())]).unwrap();
    assert!(!report.full);
    assert_eq!(report.parsed, 1);
    assert!(report.selected >= 1);
    assert!(report.render.pages < first.render.pages, "{} of {}", report.render.pages, first.render.pages);
    assert!(std::fs::read_to_string(&page).unwrap().contains("INKREMENTELT"));
    assert_eq!(
        std::fs::metadata(&untouched).unwrap().modified().unwrap(),
        untouched_before,
        "other meetings untouched"
    );
    assert!(
        report.diagnostics.0.iter().all(|d| d.file == std::path::Path::new(MEETING)),
        "only news: {}",
        report.diagnostics
    );

    let search = s.refresh_search().unwrap().expect("the index was stale");
    assert!(search.search.documents > 0);
    assert!(s.refresh_search().unwrap().is_none(), "nothing to do twice");
}

#[test]
fn an_error_keeps_the_output_and_the_pending_pages_render_after_the_fix() {
    let project = Project::new();
    let mut s = session(&project);
    s.rebuild_all().unwrap();
    let page = meeting_page(&project);
    let good = project.read(MEETING);

    save(&project.content(MEETING), format!("{good}\0").as_bytes());
    match s.update(&[Change::Content(MEETING.into())]) {
        Err(BuildError::Input(d)) => {
            assert!(d.0.iter().all(|d| d.is_error()), "only errors block: {d}");
            assert!(d.to_string().contains(MEETING));
        }
        other => panic!("expected an input error, got {other:?}"),
    }
    assert!(std::fs::read_to_string(&page).unwrap().contains(DECISION), "the last good page stays");

    // Another file changes while the first is broken; the fix must publish both.
    project.replace("direktionen/2012-11-20.md", "Direktionen", "Direktionen");
    assert!(s.update(&[Change::Content("direktionen/2012-11-20.md".into())]).is_err());
    project.save(MEETING, &good.replace(DECISION, "Direktionen godkendte RETTET"));
    let report = s.update(&[Change::Content(MEETING.into())]).unwrap();
    assert!(report.selected >= 2, "pages of both files: {}", report.selected);
    assert!(std::fs::read_to_string(&page).unwrap().contains("RETTET"));
}

#[test]
fn a_removed_file_rebuilds_fully_and_leaves_no_stale_page() {
    let project = Project::new();
    let mut s = session(&project);
    s.rebuild_all().unwrap();
    let page = meeting_page(&project);
    std::fs::remove_file(project.content(MEETING)).unwrap();
    let report = s.update(&[Change::Content(MEETING.into())]).unwrap();
    assert!(report.full);
    assert!(!page.exists());
    assert!(project.output().join("index.html").exists());
}

#[test]
fn a_template_change_renders_everything() {
    let project = Project::new();
    let mut s = session(&project);
    let first = s.rebuild_all().unwrap();
    let report = s.update(&[Change::Templates]).unwrap();
    assert!(report.full);
    assert_eq!(report.parsed, 0);
    assert_eq!(report.render.pages, first.render.pages);
    assert_eq!(report.published, 0, "identical pages are not rewritten");
}

#[test]
fn a_moved_folder_is_found_by_a_rescan() {
    let project = Project::new();
    let mut s = session(&project);
    s.rebuild_all().unwrap();
    std::fs::rename(project.path("content/direktionen"), project.path("content/dir2")).unwrap();
    let report = s.update(&[Change::ContentTree]).unwrap();
    assert_eq!(report.parsed, 4, "two files gone, two new");
    assert!(report.full, "the old source paths are gone");
    assert!(s.knows(std::path::Path::new("dir2/2017-03-20.txt")));
    assert!(!s.knows(std::path::Path::new(MEETING)));
}

#[test]
fn a_new_meeting_updates_the_previous_and_next_links_of_its_neighbours() {
    let project = Project::new();
    let mut s = session(&project);
    s.rebuild_all().unwrap();
    let page = meeting_page(&project);
    assert!(!std::fs::read_to_string(&page).unwrap().contains("Næste møde"));
    let copy = project.read(MEETING).replace("20-03-2017", "27-03-2017").replace("20. marts", "27. marts");
    project.save("direktionen/2017-03-27.txt", &copy);
    let report = s.update(&[Change::Content("direktionen/2017-03-27.txt".into())]).unwrap();
    assert!(!report.full);
    assert!(std::fs::read_to_string(&page).unwrap().contains("Næste møde"), "the neighbour links the new meeting");
}

/// A new meeting whose file spells the body otherwise ("REFERAT DIREKTIONEN") belongs to the same
/// body: its neighbour in that body links it, as in a full build (the rebuild looked for
/// neighbours among the meetings next to it in name order, which had another spelling).
#[test]
fn a_new_meeting_that_spells_its_body_otherwise_updates_its_neighbours_links() {
    let project = Project::new();
    let mut s = session(&project);
    s.rebuild_all().unwrap();
    let page = meeting_page(&project);
    // A case number of its own, so that no shared case re-renders the neighbour anyway.
    let text = "REFERAT DIREKTIONEN d. 27-03-2017\n\nPunkt 1: Orientering\n\n17/999\n\nBaggrund\n\nTekst.\n";
    project.save("direktionen/2017-03-27.txt", text);
    let report = s.update(&[Change::Content("direktionen/2017-03-27.txt".into())]).unwrap();
    assert!(!report.full);
    let text = std::fs::read_to_string(&page).unwrap();
    assert!(text.contains("Næste møde"), "the neighbour links the new meeting");
    assert!(text.contains("/direktionen/2017-03-27/"));
}

#[test]
fn pages_do_not_wait_for_the_search_index_and_the_index_catches_up() {
    let project = Project::new();
    let mut s = session(&project);
    s.rebuild_all().unwrap();
    project.replace(MEETING, DECISION, "Direktionen godkendte giraffen");
    s.update(&[Change::Content(MEETING.into())]).unwrap();
    assert!(s.start_search().unwrap());
    assert!(!s.start_search().unwrap(), "one index at a time");

    // An edit while the index is written: its page is published at once.
    project.replace(MEETING, "giraffen", "krokodillen");
    s.update(&[Change::Content(MEETING.into())]).unwrap();
    assert!(project.page_with("2017-03-20", "krokodillen").is_some());

    s.finish_search(true).unwrap().unwrap();
    assert!(s.start_search().unwrap(), "pages changed while indexing: index again");
    s.finish_search(true).unwrap().unwrap();
    assert!(project.index_has("krokodil"));
    assert!(!s.search_running());
}

/// Every file of the output but the search index (which follows in the background), with the
/// reload script taken out of the pages.
fn site_files(out: &std::path::Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(out)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap().to_string_lossy().to_string();
            (rel, String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).replace("<!-- injected -->", ""))
        })
        // The search index follows in the background: only its page is compared.
        .filter(|(rel, _)| !rel.starts_with("soeg/") || rel == "soeg/index.html")
        .collect()
}

/// A full `referat build` of the project's content into `out`.
fn full_build(project: &Project, out: PathBuf) -> referat::build::BuildReport {
    let opts = BuildOptions {
        content: project.path("content"),
        output: out,
        config: project.path("config.toml"),
        templates: project.path("templates"),
        base_url: None,
        ..Default::default()
    };
    referat::build::build(&opts).unwrap()
}

/// A same-day twin named after its date ("2017-03-20-a.txt", which sorts before "2017-03-20.txt")
/// gets its own address: the published meeting stays where it was, so the rebuild is incremental,
/// and it gives the site a full build gives.
#[test]
fn a_same_day_twin_named_after_its_date_leaves_the_published_meeting_in_place() {
    let project = Project::new();
    let mut s = session(&project);
    s.rebuild_all().unwrap();
    let twin = project.read(MEETING).replace(DECISION, "Direktionen godkendte TVILLING");
    project.save("direktionen/2017-03-20-a.txt", &twin);
    let report = s.update(&[Change::Content("direktionen/2017-03-20-a.txt".into())]).unwrap();
    assert!(!report.full, "no published page moved");
    assert_eq!(project.page_with("2017-03-20", "TVILLING").as_deref(), Some("direktionen/2017-03-20-a/"));
    assert_eq!(project.page_with("2017-03-20", DECISION).as_deref(), Some("direktionen/2017-03-20/"));
    let full = project.path("full");
    full_build(&project, full.clone());
    let (incremental, full) = (site_files(&project.output()), site_files(&full));
    let names = |files: &[(String, String)]| files.iter().map(|(rel, _)| rel.clone()).collect::<Vec<_>>();
    assert_eq!(names(&incremental), names(&full));
    for ((rel, a), (_, b)) in incremental.iter().zip(&full) {
        assert!(a == b, "{rel} differs from a full build's");
    }
}

/// A twin whose file gives the same address ("2017-03-20.md" beside "2017-03-20.txt") takes it in
/// file order: the published meeting moves, so the rebuild is full and leaves no stale page.
#[test]
fn a_same_day_twin_that_takes_a_meetings_address_rebuilds_fully() {
    let project = Project::new();
    let mut s = session(&project);
    s.rebuild_all().unwrap();
    let twin = project.read(MEETING).replace(DECISION, "Direktionen godkendte TVILLING");
    project.save("direktionen/2017-03-20.md", &twin);
    let report = s.update(&[Change::Content("direktionen/2017-03-20.md".into())]).unwrap();
    assert!(report.full, "the first meeting's page moved to a new address");
    assert_eq!(project.page_with("2017-03-20", "TVILLING").as_deref(), Some("direktionen/2017-03-20/"));
    assert_eq!(project.page_with("2017-03-20", DECISION).as_deref(), Some("direktionen/2017-03-20-2/"));
}

/// A sentence with a CPR number in the seed meeting's decision: masked, with a warning.
fn with_cpr(project: &Project) {
    project.replace(MEETING, DECISION, &format!("{DECISION} (borger 010180-1234)"));
}

/// Regression: `serve` printed fewer warnings than `build` (the warning about two meetings of one
/// body on one day was only `build`'s). Its first build reports what `build` reports.
#[test]
fn the_first_build_reports_the_warnings_build_reports() {
    let project = Project::new();
    with_cpr(&project);
    project.save("direktionen/tvilling.txt", &project.read(MEETING));
    let served = session(&project).rebuild_all().unwrap().diagnostics.to_string();
    let built = full_build(&project, project.path("full")).diagnostics.to_string();
    assert_eq!(served, built);
    for (file, what) in [
        (MEETING, "CPR number masked"),
        ("direktionen/tvilling.txt", "CPR number masked"),
        (MEETING, "another meeting of the same body on 2017-03-20"),
        ("direktionen/tvilling.txt", "another meeting of the same body on 2017-03-20"),
    ] {
        assert!(served.lines().any(|l| l.starts_with(file) && l.contains(what)), "{file}: {what}:\n{served}");
    }
}

/// A rebuild reports the warnings of the file that changed, not every warning of the site again.
#[test]
fn a_rebuild_reports_the_warnings_of_the_changed_file_only() {
    let project = Project::new();
    let mut s = session(&project);
    let first = s.rebuild_all().unwrap();
    assert!(first.diagnostics.0.is_empty(), "the seeds are clean: {}", first.diagnostics);

    with_cpr(&project);
    let report = s.update(&[Change::Content(MEETING.into())]).unwrap();
    let cpr: Vec<_> = report.diagnostics.warnings().filter(|d| d.message.contains("CPR number masked")).collect();
    assert_eq!(cpr.len(), 1, "{}", report.diagnostics);
    assert_eq!(cpr[0].file, PathBuf::from(MEETING));
    assert!(cpr[0].line > 0 && cpr[0].column > 0, "with its place: {}", cpr[0]);

    let other = "direktionen/2012-11-20.md";
    project.replace(other, "Direktionen", "Direktionen");
    let report = s.update(&[Change::Content(other.into())]).unwrap();
    assert!(report.diagnostics.0.is_empty(), "the other file's warning is not repeated: {}", report.diagnostics);

    // Saved while another file is broken: its warning comes with the rebuild that succeeds.
    let good = project.read(other);
    save(&project.content(other), format!("{good}\0").as_bytes());
    project.replace(MEETING, "010180-1234", "020280-1234");
    let changes = [Change::Content(MEETING.into()), Change::Content(other.into())];
    assert!(matches!(s.update(&changes), Err(BuildError::Input(_))));
    project.save(other, &good);
    let report = s.update(&[Change::Content(other.into())]).unwrap();
    let files: Vec<_> = report.diagnostics.0.iter().map(|d| (d.file.clone(), d.message.clone())).collect();
    assert!(files.iter().any(|(f, m)| f == &PathBuf::from(MEETING) && m.contains("CPR")), "{}", report.diagnostics);
}

/// A file added on the day of another meeting of its body: both files' warnings are news (the
/// other meeting's address may have moved); an unrelated edit afterwards repeats neither.
#[test]
fn a_rebuild_reports_a_new_same_day_twin_for_both_meetings() {
    let project = Project::new();
    let mut s = session(&project);
    s.rebuild_all().unwrap();
    project.save("direktionen/tvilling.txt", &project.read(MEETING));
    let report = s.update(&[Change::Content("direktionen/tvilling.txt".into())]).unwrap();
    let twins: Vec<_> =
        report.diagnostics.0.iter().filter(|d| d.message.contains("another meeting of the same body")).collect();
    let files: Vec<_> = twins.iter().map(|d| d.file.to_string_lossy().to_string()).collect();
    assert_eq!(files, [MEETING, "direktionen/tvilling.txt"], "{}", report.diagnostics);

    let other = "direktionen/2012-11-20.md";
    project.replace(other, "Direktionen", "Direktionen");
    let report = s.update(&[Change::Content(other.into())]).unwrap();
    assert!(report.diagnostics.0.is_empty(), "{}", report.diagnostics);

    // The twin goes: nothing to warn about, and no stale warning.
    std::fs::remove_file(project.content("direktionen/tvilling.txt")).unwrap();
    let report = s.update(&[Change::Content("direktionen/tvilling.txt".into())]).unwrap();
    assert!(report.diagnostics.0.is_empty(), "{}", report.diagnostics);
}

/// A templates folder whose search.js was copied before the search index's format: `build` and
/// serve's first build warn, naming the file; serve warns again when the templates change, not on
/// every edit of the minutes.
#[test]
fn an_old_copy_of_search_js_is_a_warning_of_build_and_serve() {
    let project = Project::new();
    let script = project.path("templates/static/search.js");
    let current = std::fs::read_to_string(&script).unwrap();
    let marker = format!("const FORMAT = {};", referat::search::json::FORMAT);
    let old = current.replace(&marker, "");
    assert_ne!(old, current, "the built-in script declares the index's format");
    std::fs::write(&script, &old).unwrap();
    let about_script = |d: &referat::diag::Diagnostics| {
        d.warnings().filter(|w| w.file == script && w.message.contains("search index format")).count()
    };

    let built = full_build(&project, project.path("full"));
    assert_eq!(about_script(&built.diagnostics), 1, "{}", built.diagnostics);
    let line = built.diagnostics.to_string();
    assert!(line.contains("static/search.js: warning: does not declare the search index format"), "{line}");

    let mut s = session(&project);
    let first = s.rebuild_all().unwrap();
    assert_eq!(
        first.diagnostics.to_string(),
        built.diagnostics.to_string(),
        "serve's first build says what build says"
    );
    project.replace(MEETING, DECISION, "Direktionen godkendte IGEN");
    let edit = s.update(&[Change::Content(MEETING.into())]).unwrap();
    assert_eq!(about_script(&edit.diagnostics), 0, "not on every edit: {}", edit.diagnostics);

    std::fs::write(&script, current.replace(&marker, "const FORMAT = 1;")).unwrap();
    let changed = s.update(&[Change::Templates]).unwrap();
    assert_eq!(about_script(&changed.diagnostics), 1, "{}", changed.diagnostics);
    assert!(changed
        .diagnostics
        .to_string()
        .contains(&format!("reads search index format 1, this build writes {}", referat::search::json::FORMAT)));

    std::fs::write(&script, &current).unwrap();
    let fixed = s.update(&[Change::Templates]).unwrap();
    assert!(fixed.diagnostics.0.is_empty(), "{}", fixed.diagnostics);
}
