//! Sorting file-system events into what they mean for the site: a minutes file changed, was added or
//! removed, a template, static asset or the config changed, or noise to ignore (editor temp files,
//! the output folder).

use crate::build::Change;
use std::path::{Path, PathBuf};

/// What one changed path means for the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    /// A known minutes file was written (path relative to the content folder).
    ContentChanged(PathBuf),
    /// A minutes file the site does not have yet.
    ContentAdded(PathBuf),
    /// A minutes file vanished (deleted or moved away).
    ContentRemoved(PathBuf),
    /// A folder below the content folder appeared, vanished or moved.
    ContentTree,
    /// A Tera template (or a folder of them).
    Template,
    /// A file below `templates/static/`, copied to the site as is.
    Static,
    /// `config.toml`.
    Config,
    /// Editor temp and backup files, the output folder, unrelated files.
    Ignored,
}

impl ChangeKind {
    /// The build change this stands for; `None` for ignored paths.
    pub fn to_change(&self) -> Option<Change> {
        match self {
            ChangeKind::ContentChanged(p) | ChangeKind::ContentAdded(p) | ChangeKind::ContentRemoved(p) => {
                Some(Change::Content(p.clone()))
            }
            ChangeKind::ContentTree => Some(Change::ContentTree),
            ChangeKind::Template | ChangeKind::Static => Some(Change::Templates),
            ChangeKind::Config => Some(Change::Config),
            ChangeKind::Ignored => None,
        }
    }
}

/// What is at a changed path now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnDisk {
    File,
    Dir,
    Missing,
}

impl OnDisk {
    pub fn probe(path: &Path) -> OnDisk {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => OnDisk::Dir,
            Ok(_) => OnDisk::File,
            Err(_) => OnDisk::Missing,
        }
    }
}

/// The watched places, as absolute paths (events arrive with absolute paths).
#[derive(Debug, Clone)]
pub struct Roots {
    pub content: PathBuf,
    pub templates: PathBuf,
    pub config: PathBuf,
    pub output: PathBuf,
}

impl Roots {
    /// Sorts one event path. `known` says whether a content-relative path is a file the site has.
    pub fn classify(&self, path: &Path, on_disk: OnDisk, known: impl Fn(&Path) -> bool) -> ChangeKind {
        if path.starts_with(&self.output) || is_output_staging(path, &self.output) || is_editor_temp(path) {
            return ChangeKind::Ignored;
        }
        if path == self.config {
            return ChangeKind::Config;
        }
        if let Ok(rel) = path.strip_prefix(&self.templates) {
            return if rel.starts_with("static") { ChangeKind::Static } else { ChangeKind::Template };
        }
        match path.strip_prefix(&self.content) {
            Ok(rel) if rel.as_os_str().is_empty() => ChangeKind::Ignored,
            Ok(rel) => classify_content(rel, on_disk, known(rel)),
            Err(_) => ChangeKind::Ignored,
        }
    }
}

fn classify_content(rel: &Path, on_disk: OnDisk, known: bool) -> ChangeKind {
    let minutes = crate::load::is_minutes_file(rel);
    match on_disk {
        OnDisk::Dir => ChangeKind::ContentTree,
        OnDisk::File if !minutes => ChangeKind::Ignored,
        OnDisk::File if known => ChangeKind::ContentChanged(rel.to_path_buf()),
        OnDisk::File => ChangeKind::ContentAdded(rel.to_path_buf()),
        OnDisk::Missing if minutes => ChangeKind::ContentRemoved(rel.to_path_buf()),
        // Something without a minutes extension vanished: maybe a folder of minutes.
        OnDisk::Missing if rel.extension().is_none() => ChangeKind::ContentTree,
        OnDisk::Missing => ChangeKind::Ignored,
    }
}

/// The staging and old folders `build` and `serve` create beside the output (`.public.staging-*`).
fn is_output_staging(path: &Path, output: &Path) -> bool {
    let name = output.file_name().and_then(|n| n.to_str()).unwrap_or("public");
    path.ancestors()
        .filter_map(|a| a.file_name()?.to_str())
        .any(|n| n.starts_with(&format!(".{name}.staging-")) || n.starts_with(&format!(".{name}.old-")))
}

/// Files editors write while saving: backups, swap files, lock files, atomic-save temp files.
pub fn is_editor_temp(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return true };
    let lower = name.to_ascii_lowercase();
    name.starts_with('.')
        || name.starts_with('#')
        || name.starts_with("~$")
        || name.ends_with('~')
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".bak", ".kate-swp", ".part", ".crdownload"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        || is_jetbrains_temp(name)
        || is_sed_temp(name)
}

/// `sed -i` writes the new text to `sedXXXXXX` beside the file and renames it over the file; the
/// temp file, gone when its event is sorted and without an extension, looked like a removed folder
/// of minutes and made serve scan the whole content folder again.
fn is_sed_temp(name: &str) -> bool {
    name.len() == 9 && name.starts_with("sed") && name[3..].bytes().all(|b| b.is_ascii_alphanumeric())
}

/// JetBrains IDEs save via `name___jb_tmp___` and `name___jb_old___`.
fn is_jetbrains_temp(name: &str) -> bool {
    name.ends_with("___jb_tmp___") || name.ends_with("___jb_old___")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roots() -> Roots {
        Roots {
            content: "/site/content".into(),
            templates: "/site/templates".into(),
            config: "/site/config.toml".into(),
            output: "/tmp/preview/public".into(),
        }
    }

    fn kind(path: &str, on_disk: OnDisk, known: bool) -> ChangeKind {
        roots().classify(Path::new(path), on_disk, |_| known)
    }

    #[test]
    fn content_files_changed_added_removed() {
        let rel = PathBuf::from("direktionen/2017-03-20.txt");
        let path = "/site/content/direktionen/2017-03-20.txt";
        assert_eq!(kind(path, OnDisk::File, true), ChangeKind::ContentChanged(rel.clone()));
        assert_eq!(kind(path, OnDisk::File, false), ChangeKind::ContentAdded(rel.clone()));
        assert_eq!(kind(path, OnDisk::Missing, true), ChangeKind::ContentRemoved(rel));
        let deep = PathBuf::from("a/b/c/2012-11-20.md");
        assert_eq!(kind("/site/content/a/b/c/2012-11-20.md", OnDisk::File, true), ChangeKind::ContentChanged(deep));
    }

    #[test]
    fn content_folders_and_other_files() {
        assert_eq!(kind("/site/content/byraadet", OnDisk::Dir, false), ChangeKind::ContentTree);
        assert_eq!(kind("/site/content/byraadet", OnDisk::Missing, false), ChangeKind::ContentTree);
        assert_eq!(kind("/site/content/logo.png", OnDisk::File, false), ChangeKind::Ignored);
        assert_eq!(kind("/site/content/logo.png", OnDisk::Missing, false), ChangeKind::Ignored);
        assert_eq!(kind("/site/content", OnDisk::Dir, false), ChangeKind::Ignored);
    }

    #[test]
    fn templates_static_and_config() {
        assert_eq!(kind("/site/templates/meeting.html", OnDisk::File, false), ChangeKind::Template);
        assert_eq!(kind("/site/templates/partials", OnDisk::Dir, false), ChangeKind::Template);
        assert_eq!(kind("/site/templates/static/search.js", OnDisk::File, false), ChangeKind::Static);
        assert_eq!(kind("/site/templates/static/css/site.css", OnDisk::Missing, false), ChangeKind::Static);
        assert_eq!(kind("/site/config.toml", OnDisk::File, false), ChangeKind::Config);
        assert_eq!(kind("/site/config.toml", OnDisk::Missing, false), ChangeKind::Config);
        assert_eq!(kind("/site/Cargo.toml", OnDisk::File, false), ChangeKind::Ignored);
    }

    #[test]
    fn sed_in_place_temp_file_is_not_a_removed_folder() {
        assert_eq!(kind("/site/content/direktionen/sedAb12Cd", OnDisk::Missing, false), ChangeKind::Ignored);
        assert_eq!(kind("/site/templates/sedAb12Cd", OnDisk::File, false), ChangeKind::Ignored);
        // A folder of minutes may still be called "sed…" when the name is not sed's pattern.
        assert_eq!(kind("/site/content/sedler", OnDisk::Missing, false), ChangeKind::ContentTree);
    }

    #[test]
    fn editor_temp_files_are_ignored() {
        for name in [
            ".2017-03-20.txt.swp",
            "2017-03-20.txt.swx",
            "2017-03-20.txt~",
            "#2017-03-20.txt#",
            ".#2017-03-20.txt",
            "4913",
            "~$2017-03-20.txt",
            "2017-03-20.txt.tmp",
            "2017-03-20.txt___jb_tmp___",
            ".DS_Store",
            "sedX3kQ9a",
        ] {
            let path = format!("/site/content/direktionen/{name}");
            assert_eq!(kind(&path, OnDisk::File, true), ChangeKind::Ignored, "{name}");
            let path = format!("/site/templates/{name}");
            assert_eq!(kind(&path, OnDisk::File, true), ChangeKind::Ignored, "{name}");
        }
    }

    #[test]
    fn output_folder_and_its_staging_are_ignored() {
        assert_eq!(kind("/tmp/preview/public/index.html", OnDisk::File, false), ChangeKind::Ignored);
        assert_eq!(kind("/tmp/preview/.public.staging-x1/a.html", OnDisk::File, false), ChangeKind::Ignored);
        let mut inside = roots();
        inside.output = "/site/content/public".into();
        let got = inside.classify(Path::new("/site/content/public/x/2017.md"), OnDisk::File, |_| false);
        assert_eq!(got, ChangeKind::Ignored, "an output folder inside content/ must not trigger rebuilds");
    }

    #[test]
    fn kinds_map_to_build_changes() {
        assert_eq!(ChangeKind::Static.to_change(), Some(Change::Templates));
        assert_eq!(ChangeKind::Config.to_change(), Some(Change::Config));
        assert_eq!(ChangeKind::Ignored.to_change(), None);
        let rel = PathBuf::from("a.md");
        assert_eq!(ChangeKind::ContentRemoved(rel.clone()).to_change(), Some(Change::Content(rel)));
    }
}
