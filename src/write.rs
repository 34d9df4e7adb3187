//! Publishing a finished build: the new site is built in a staging folder beside the output and
//! swapped in only when everything succeeded, so a failed build leaves the previous site as it was.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

/// A staging folder next to `output` (same file system, so the swap is a rename).
/// Dropped without `publish`, it is removed with everything in it.
pub struct Staging {
    dir: tempfile::TempDir,
    output: PathBuf,
}

impl Staging {
    /// Refuses an `output` that exists but is not a site referat wrote (see [`replaceable`]): the
    /// publish replaces the whole folder, and a user's own files must never be taken with it.
    pub fn new(output: &Path) -> io::Result<Staging> {
        replaceable(output)?;
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)?;
        let name = output.file_name().and_then(|n| n.to_str()).unwrap_or("public");
        // The process id in the name lets a later build tell a staging folder that an interrupted
        // build left (Ctrl-C) from one that another build is writing now.
        let prefix = format!(".{name}.staging-{}-", std::process::id());
        let dir = tempfile::Builder::new().prefix(&prefix).tempdir_in(&parent)?;
        Ok(Staging { dir, output: output.to_path_buf() })
    }

    /// Where the build writes.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes the [`MARKER`] into the staged site, so the next build may replace the output.
    pub fn mark(&self) -> io::Result<()> {
        std::fs::write(self.dir.path().join(MARKER), MARKER_TEXT)
    }

    /// Replaces the output folder with the staged one. The previous site, if there was one, is
    /// moved aside and handed back: dropping it removes it, [`OldSite::keep`] leaves it for a
    /// removal in the background.
    pub fn publish(self) -> io::Result<Option<OldSite>> {
        self.mark()?;
        replaceable(&self.output)?; // it may have changed while the site was built
        let staged = self.dir.keep();
        let old = staged.with_file_name(format!("{}{}", old_prefix(&self.output), std::process::id()));
        let had_old = match std::fs::rename(&self.output, &old) {
            Ok(()) => true,
            Err(e) if e.kind() == io::ErrorKind::NotFound => false,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&staged);
                return Err(e);
            }
        };
        if let Err(e) = std::fs::rename(&staged, &self.output) {
            if had_old {
                let _ = std::fs::rename(&old, &self.output);
            }
            let _ = std::fs::remove_dir_all(&staged);
            return Err(e);
        }
        Ok(had_old.then_some(OldSite(Some(old))))
    }
}

/// The file every published site carries, so that the next build knows the folder is its to replace.
pub const MARKER: &str = ".referat-site";
const MARKER_TEXT: &str = "This folder was written by `referat build`; the next build replaces all of it.\n";

/// True unless `output` is a folder with files in it and without referat's [`MARKER`]: a build
/// into an existing folder of the user's (`--output .`, `--output content`, a typo) is refused
/// instead of moving the folder aside and deleting it.
pub fn replaceable(output: &Path) -> io::Result<()> {
    let mut entries = match std::fs::read_dir(output) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotADirectory || output.is_file() => {
            return Err(io::Error::new(io::ErrorKind::AlreadyExists, "it is a file, not a folder"));
        }
        Err(e) => return Err(e),
    };
    if entries.next().is_none() || output.join(MARKER).is_file() || earlier_site(output) {
        return Ok(());
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!(
            "the folder exists and was not written by referat (it has no {MARKER} file); a build \
             replaces the whole output folder, so choose a new or empty folder, or remove this one first"
        ),
    ))
}

/// A site an earlier version of referat wrote, before sites carried the [`MARKER`]: the files
/// every such site has, together. (So a deployment's first build after an upgrade is not refused.)
fn earlier_site(output: &Path) -> bool {
    ["404.html", "sitemap.xml", "data/meetings.json", "soeg/index.html"].iter().all(|f| output.join(f).is_file())
}

/// Refuses an output folder that contains the content folder or lies inside it: replacing the
/// output would delete the minutes, and a site inside the content would be read as content.
pub fn separate(content: &Path, output: &Path) -> io::Result<()> {
    let content = absolute(content)?;
    let output = absolute(output)?;
    if content.starts_with(&output) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "it is or holds the content folder {}, and a build replaces the whole output folder",
                content.display()
            ),
        ));
    }
    if output.starts_with(&content) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("it is inside the content folder {}; choose an output folder outside it", content.display()),
        ));
    }
    Ok(())
}

/// `path` made absolute with symbolic links resolved as far as it exists (the output may not yet).
fn absolute(path: &Path) -> io::Result<PathBuf> {
    let path = std::path::absolute(path)?;
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return Ok(path.clone()),
        }
    }
    let mut resolved = existing.canonicalize()?;
    resolved.extend(rest.iter().rev());
    Ok(resolved)
}

/// The previous site, moved aside by [`Staging::publish`] to a hidden folder beside the output
/// (`.public.old-<pid>`). The new site is already in place, so removing this one can fail or wait
/// without harm: deleting a national site's 113,000 files took 7-9 s of its rebuild on this disk,
/// nearly all of it waiting for the disk, which is why a caller may leave it to a background process.
#[derive(Debug)]
pub struct OldSite(Option<PathBuf>);

impl OldSite {
    pub fn path(&self) -> &Path {
        self.0.as_deref().unwrap_or(Path::new(""))
    }

    /// Leaves the folder in place (for [`remove_old_sites`] in another process) and returns its path.
    pub fn keep(mut self) -> PathBuf {
        self.0.take().unwrap_or_default()
    }
}

/// Removes the folder now; an error leaves it for the next [`old_sites`] sweep.
impl Drop for OldSite {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = remove_tree(&path);
        }
    }
}

/// The start of the name of every folder [`Staging::publish`] moves aside from `output`.
fn old_prefix(output: &Path) -> String {
    format!(".{}.old-", output.file_name().and_then(|n| n.to_str()).unwrap_or("public"))
}

/// Every folder beside `output` that a publish moved aside and that is still there: the last
/// one, and any whose removal was interrupted.
pub fn old_sites(output: &Path) -> Vec<PathBuf> {
    let prefix = old_prefix(output);
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(parent) else { return Vec::new() };
    let staging = staging_prefix(output);
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name().to_str().is_some_and(|n| is_old_site_name(n, &prefix) || is_abandoned_staging(n, &staging))
        })
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

fn staging_prefix(output: &Path) -> String {
    format!(".{}.staging-", output.file_name().and_then(|n| n.to_str()).unwrap_or("public"))
}

/// True for `<prefix><pid>-<random>` when process `pid` is gone: a build interrupted before it
/// published (Ctrl-C) left it, and nothing else would ever remove it. Where the system cannot
/// tell (no `/proc`), no staging folder counts as abandoned.
fn is_abandoned_staging(name: &str, prefix: &str) -> bool {
    let Some((pid, rest)) = name.strip_prefix(prefix).and_then(|r| r.split_once('-')) else { return false };
    let numeric = !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit());
    let proc = Path::new("/proc");
    numeric && !rest.is_empty() && pid != std::process::id().to_string() && proc.is_dir() && !proc.join(pid).exists()
}

fn is_old_site_name(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix).is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes folders that publishes moved aside, and nothing else: a path whose name is not
/// `.<name>.old-<digits>` is refused, so a wrong argument can never delete a user's folder.
pub fn remove_old_sites(paths: &[PathBuf]) -> io::Result<()> {
    // Each path is tried, whatever happened to the one before: another removal may be working on
    // the same folder (two builds in a row), and one failure must not leave the others in place.
    let mut first_error = None;
    for path in paths {
        if let Err(e) = remove_old_site(path) {
            first_error.get_or_insert(e);
        }
    }
    first_error.map_or(Ok(()), Err)
}

fn remove_old_site(path: &Path) -> io::Result<()> {
    // Removed already (by another removal, or named twice).
    if std::fs::symlink_metadata(path).is_err_and(|e| e.kind() == io::ErrorKind::NotFound) {
        return Ok(());
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let abandoned = name.rfind(".staging-").is_some_and(|i| i >= 2 && is_abandoned_staging(&name[i..], ".staging-"));
    let moved_aside = name.starts_with('.')
        && (abandoned || name.rfind(".old-").is_some_and(|i| i >= 2 && is_old_site_name(&name[i..], ".old-")))
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
    if !moved_aside {
        let msg = format!("{} is not a site that referat moved aside; not removed", path.display());
        return Err(io::Error::new(io::ErrorKind::InvalidInput, msg));
    }
    match remove_tree(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Removes `dir` and everything in it, the entries two levels down in parallel: a site has one
/// folder per meeting and per case, and unlinking in different folders proceeds side by side,
/// where one thread spent about a tenth of a rebuild deleting the previous site.
fn remove_tree(dir: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    let mut entries = Vec::new();
    for top in std::fs::read_dir(dir)? {
        let top = top?;
        if top.file_type()?.is_dir() {
            for inner in std::fs::read_dir(top.path())? {
                entries.push(inner?.path());
            }
        } else {
            entries.push(top.path());
        }
    }
    entries.par_iter().try_for_each(|path| match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    })?;
    // What is left are the emptied first-level folders.
    std::fs::remove_dir_all(dir)
}

/// Which files of the output an overlay may remove: those the staged tree does not have.
#[derive(Debug)]
pub(crate) enum Prune {
    Nothing,
    /// Everything except these (relative to the output).
    AllBut(BTreeSet<PathBuf>),
    /// Only below these folders (relative to the output).
    Within(Vec<PathBuf>),
}

/// Every file and folder below `dir`, relative to it.
pub(crate) fn relative_paths(dir: &Path) -> std::io::Result<BTreeSet<PathBuf>> {
    let mut paths = BTreeSet::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.map_err(std::io::Error::other)?;
        paths.insert(entry.path().strip_prefix(dir).map_err(std::io::Error::other)?.to_path_buf());
    }
    Ok(paths)
}

/// Moves every file below `staged` to the same place below `output` with `rename` (atomic per file,
/// so concurrent readers see the old or the new file, never a half-written one). Files whose bytes
/// did not change are left alone: fewer writes, and their ETags stay valid for the browsers.
/// A folder's subfolders are moved before its own files, so a file that names others below it
/// (the search index's `soeg/index.json` names the folder `soeg/<version>/`) comes after them.
/// Afterwards, files and folders that `staged` does not have are removed as `prune` allows.
/// Returns the number of files moved.
pub(crate) fn overlay(staged: &Path, output: &Path, prune: Prune) -> std::io::Result<usize> {
    let mut keep = BTreeSet::new();
    let mut moved = 0;
    for entry in folders_first(staged) {
        let entry = entry.map_err(std::io::Error::other)?;
        let rel = entry.path().strip_prefix(staged).map_err(std::io::Error::other)?.to_path_buf();
        let target = output.join(&rel);
        if entry.file_type().is_dir() {
            if target.exists() && !target.is_dir() {
                std::fs::remove_file(&target)?;
            }
            std::fs::create_dir_all(&target)?;
        } else if !same_bytes(entry.path(), &target) {
            if target.is_dir() {
                std::fs::remove_dir_all(&target)?;
            }
            std::fs::rename(entry.path(), &target)?;
            moved += 1;
        }
        keep.insert(rel);
    }
    match prune {
        Prune::Nothing => {}
        Prune::AllBut(also) => {
            keep.extend(also);
            remove_unkept(output, Path::new(""), &keep)?;
        }
        Prune::Within(folders) => {
            for folder in folders {
                remove_unkept(output, &folder, &keep)?;
            }
        }
    }
    Ok(moved)
}

/// Everything below `dir`, depth first, each folder's subfolders before its files.
fn folders_first(dir: &Path) -> walkdir::IntoIter {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .sort_by(|a, b| {
            b.file_type().is_dir().cmp(&a.file_type().is_dir()).then_with(|| a.file_name().cmp(b.file_name()))
        })
        .into_iter()
}

/// Removes what `keep` lacks below `output/scope`.
fn remove_unkept(output: &Path, scope: &Path, keep: &BTreeSet<PathBuf>) -> std::io::Result<()> {
    let root = output.join(scope);
    if !root.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(&root).min_depth(1).contents_first(true) {
        let entry = entry.map_err(std::io::Error::other)?;
        let rel = entry.path().strip_prefix(output).map_err(std::io::Error::other)?;
        if keep.contains(rel) {
            continue;
        }
        if entry.file_type().is_dir() {
            std::fs::remove_dir_all(entry.path())?;
        } else {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// True if both files exist with the same bytes (sizes first, so changed pages are rarely read).
fn same_bytes(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(ma), Ok(mb)) if ma.is_file() && mb.is_file() && ma.len() == mb.len() => {
            matches!((std::fs::read(a), std::fs::read(b)), (Ok(x), Ok(y)) if x == y)
        }
        _ => false,
    }
}

/// The folders below the top folder of a staged search index (its version's folder, `soeg/<v>`),
/// relative to `staged`.
pub(crate) fn index_folders(staged: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut folders = Vec::new();
    for entry in walkdir::WalkDir::new(staged).min_depth(2).max_depth(2) {
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.file_type().is_dir() {
            folders.push(entry.path().strip_prefix(staged).map_err(std::io::Error::other)?.to_path_buf());
        }
    }
    Ok(folders)
}

/// Removes every folder beside the `current` ones (relative to `output`) that is not one of them:
/// the search index's folders of earlier versions, once the manifest names the new one. Files beside
/// them (the search page `soeg/index.html`, the manifest) stay. Returns the number removed.
pub(crate) fn remove_superseded(output: &Path, current: &[PathBuf]) -> std::io::Result<usize> {
    let parents: BTreeSet<&Path> = current.iter().filter_map(|f| f.parent()).collect();
    let mut removed = 0;
    for parent in parents {
        let entries = match std::fs::read_dir(output.join(parent)) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            if entry.file_type()?.is_dir() && !current.contains(&parent.join(entry.file_name())) {
                std::fs::remove_dir_all(entry.path())?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_replaces_and_drop_discards() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("old.html"), "old").unwrap();
        std::fs::write(out.join(MARKER), "").unwrap();

        let failed = Staging::new(&out).unwrap();
        std::fs::write(failed.path().join("new.html"), "new").unwrap();
        drop(failed);
        assert!(out.join("old.html").exists(), "a dropped staging must not touch the output");

        let ok = Staging::new(&out).unwrap();
        std::fs::write(ok.path().join("new.html"), "new").unwrap();
        drop(ok.publish().unwrap());
        assert!(out.join("new.html").exists());
        assert!(!out.join("old.html").exists());
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 1, "no staging left behind");
    }

    /// Regression: `build --output DIR` moved any existing DIR aside and deleted it, minutes and all.
    #[test]
    fn a_folder_referat_did_not_write_is_never_replaced() {
        let root = tempfile::tempdir().unwrap();
        let mine = root.path().join("mine");
        std::fs::create_dir_all(mine.join("content")).unwrap();
        std::fs::write(mine.join("notes.txt"), "x").unwrap();
        let err = Staging::new(&mine).err().expect("refused");
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert!(err.to_string().contains(MARKER), "{err}");
        assert!(mine.join("notes.txt").exists() && mine.join("content").exists());
        let file = root.path().join("file");
        std::fs::write(&file, "x").unwrap();
        assert!(Staging::new(&file).is_err(), "a file is not replaced");

        // An empty folder is taken, and the site published there can be replaced next time.
        let empty = root.path().join("empty");
        std::fs::create_dir_all(&empty).unwrap();
        drop(Staging::new(&empty).unwrap().publish().unwrap());
        assert!(empty.join(MARKER).is_file());
        drop(Staging::new(&empty).unwrap().publish().unwrap());
    }

    #[test]
    fn a_site_from_before_the_marker_is_replaced() {
        let root = tempfile::tempdir().unwrap();
        let old = root.path().join("public");
        for f in ["404.html", "sitemap.xml", "data/meetings.json", "soeg/index.html"] {
            std::fs::create_dir_all(old.join(f).parent().unwrap()).unwrap();
            std::fs::write(old.join(f), "x").unwrap();
        }
        replaceable(&old).unwrap();
        std::fs::remove_file(old.join("sitemap.xml")).unwrap();
        assert!(replaceable(&old).is_err(), "not every file of a site: not one");
    }

    #[test]
    fn content_and_output_must_not_hold_each_other() {
        let root = tempfile::tempdir().unwrap();
        let site = root.path().join("site");
        std::fs::create_dir_all(site.join("content")).unwrap();
        assert!(separate(&site.join("content"), &site).is_err(), "output holds content");
        assert!(separate(&site.join("content"), &site.join("content/public")).is_err(), "content holds output");
        assert!(separate(&site.join("content"), &site.join("content/../content")).is_err(), "same folder");
        separate(&site.join("content"), &site.join("public")).unwrap();
        separate(&site.join("content"), &root.path().join("not/yet/there")).unwrap();
    }

    #[test]
    fn the_replaced_site_is_handed_back_and_removed_when_dropped() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let first = Staging::new(&out).unwrap();
        assert!(first.publish().unwrap().is_none(), "nothing replaced");
        std::fs::write(out.join("old.html"), "old").unwrap();

        let second = Staging::new(&out).unwrap();
        let old = second.publish().unwrap().expect("the first site was replaced");
        assert_eq!(old_sites(&out), [old.path().to_path_buf()]);
        assert!(old.path().join("old.html").exists(), "moved aside whole");
        let kept = old.keep();
        assert!(kept.exists(), "keep leaves it for another process");
        remove_old_sites(&[kept.clone(), kept.clone()]).unwrap();
        assert!(old_sites(&out).is_empty());

        let third = Staging::new(&out).unwrap();
        drop(third.publish().unwrap());
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 1, "dropping removed it");
    }

    #[test]
    fn only_folders_named_like_a_moved_aside_site_are_removed() {
        let root = tempfile::tempdir().unwrap();
        for name in ["public", "x.old-1", ".old-1", ".public.old-", ".public.old-1a", ".public.old-2"] {
            std::fs::create_dir_all(root.path().join(name).join("sub")).unwrap();
        }
        std::fs::write(root.path().join(".public.old-3"), "a file").unwrap();
        for name in ["public", "x.old-1", ".old-1", ".public.old-", ".public.old-1a", ".public.old-3"] {
            let err = remove_old_sites(&[root.path().join(name)]).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{name}");
            assert!(root.path().join(name).exists(), "{name} kept");
        }
        // An output whose own name has ".old-" in it: its moved-aside site is still recognised.
        std::fs::create_dir_all(root.path().join(".my.old-site.old-4")).unwrap();
        remove_old_sites(&[root.path().join(".my.old-site.old-4")]).unwrap();
        assert!(!root.path().join(".my.old-site.old-4").exists());
        assert_eq!(old_sites(&root.path().join("public")), [root.path().join(".public.old-2")]);
        let err = remove_old_sites(&[root.path().join("public"), root.path().join(".public.old-2")]).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert!(!root.path().join(".public.old-2").exists(), "a refused path does not stop the others");
        assert!(root.path().join("public").exists());
    }

    /// Regression: a build stopped with Ctrl-C left its staging folder (up to the size of a site),
    /// and no later build removed it.
    #[test]
    fn staging_folders_of_ended_builds_are_swept_and_live_ones_kept() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        let (dead, mine, live) = (
            ".public.staging-999999999-abc".to_string(),
            format!(".public.staging-{}-abc", std::process::id()),
            ".public.staging-1-abc".to_string(),
        );
        for name in [&dead, &mine, &live] {
            std::fs::create_dir_all(root.path().join(name).join("sub")).unwrap();
        }
        assert_eq!(old_sites(&out), [root.path().join(&dead)]);
        remove_old_sites(&old_sites(&out)).unwrap();
        assert!(!root.path().join(&dead).exists());
        for name in [&mine, &live] {
            assert!(remove_old_sites(&[root.path().join(name)]).is_err(), "{name}");
            assert!(root.path().join(name).exists(), "{name} is another build's, still running");
        }
        let staging = Staging::new(&out).unwrap();
        let name = staging.path().file_name().unwrap().to_str().unwrap().to_string();
        assert!(name.starts_with(&format!(".public.staging-{}-", std::process::id())), "{name}");
    }

    #[test]
    fn remove_tree_removes_nested_folders_files_and_symlinks() {
        let root = tempfile::tempdir().unwrap();
        let site = root.path().join("site");
        for f in ["index.html", "sager/16-26813.html", "a/b/c/d.json", "empty/x/"] {
            let p = site.join(f);
            std::fs::create_dir_all(if f.ends_with('/') { &p } else { p.parent().unwrap() }).unwrap();
            if !f.ends_with('/') {
                std::fs::write(p, "x").unwrap();
            }
        }
        let outside = root.path().join("outside.txt");
        std::fs::write(&outside, "keep").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&outside, site.join("a/link")).unwrap();
        remove_tree(&site).unwrap();
        assert!(!site.exists());
        assert!(outside.exists(), "a symlink is removed, not followed");
    }

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn overlay_replaces_files_and_prunes_only_when_asked() {
        let root = tempfile::tempdir().unwrap();
        let (staged, out) = (root.path().join("staged"), root.path().join("out"));
        write(&out.join("index.html"), "old");
        write(&out.join("stale/index.html"), "stale");
        write(&out.join("x"), "a file where a folder comes");
        write(&staged.join("index.html"), "new");
        write(&staged.join("x/index.html"), "folder now");
        assert_eq!(overlay(&staged, &out, Prune::Nothing).unwrap(), 2);
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(out.join("x/index.html")).unwrap(), "folder now");
        assert!(out.join("stale/index.html").exists(), "an incremental overlay keeps pages it did not render");

        write(&staged.join("index.html"), "newer");
        write(&staged.join("x/index.html"), "again");
        overlay(&staged, &out, Prune::AllBut(BTreeSet::new())).unwrap();
        assert!(!out.join("stale").exists(), "a full overlay removes pages the site no longer has");
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "newer");
    }

    #[test]
    fn overlay_leaves_unchanged_files_alone() {
        let root = tempfile::tempdir().unwrap();
        let (staged, out) = (root.path().join("staged"), root.path().join("out"));
        write(&out.join("same.html"), "same");
        write(&out.join("changed.html"), "old!");
        write(&staged.join("same.html"), "same");
        write(&staged.join("changed.html"), "new!");
        let before = std::fs::metadata(out.join("same.html")).unwrap().modified().unwrap();
        assert_eq!(overlay(&staged, &out, Prune::Nothing).unwrap(), 1);
        assert_eq!(std::fs::metadata(out.join("same.html")).unwrap().modified().unwrap(), before);
        assert_eq!(std::fs::read_to_string(out.join("changed.html")).unwrap(), "new!");
    }

    #[test]
    fn search_overlay_prunes_only_its_own_folders() {
        let root = tempfile::tempdir().unwrap();
        let (staged, out) = (root.path().join("staged"), root.path().join("out"));
        write(&out.join("soeg/index.html"), "search page, rendered by the site");
        write(&out.join("soeg/index.json"), r#"{"v":"old"}"#);
        write(&out.join("soeg/old/t/0.json"), "an earlier version");
        write(&out.join("soeg/t/0.json"), "the layout before versioned folders");
        write(&out.join("soeg/new/t/stale.json"), "not in the new version");
        write(&out.join("direktionen/index.html"), "a page");
        write(&staged.join("soeg/index.json"), r#"{"v":"new"}"#);
        write(&staged.join("soeg/new/t/0.json"), "[]");
        let owned = index_folders(&staged).unwrap();
        assert_eq!(owned, vec![PathBuf::from("soeg/new")]);
        overlay(&staged, &out, Prune::Within(owned.clone())).unwrap();
        assert!(out.join("soeg/new/t/0.json").exists());
        assert!(!out.join("soeg/new/t/stale.json").exists());
        assert!(out.join("soeg/old/t/0.json").exists(), "the overlay alone leaves other versions");
        assert_eq!(remove_superseded(&out, &owned).unwrap(), 2);
        assert!(!out.join("soeg/old").exists() && !out.join("soeg/t").exists());
        assert_eq!(std::fs::read_to_string(out.join("soeg/index.json")).unwrap(), r#"{"v":"new"}"#);
        assert!(out.join("soeg/index.html").exists());
        assert!(out.join("direktionen/index.html").exists());
    }

    /// The manifest names the folder of its version: a reader must never find the new manifest
    /// before the files it names are in place.
    #[test]
    fn overlay_moves_a_folders_subfolders_before_its_files() {
        let root = tempfile::tempdir().unwrap();
        let (staged, out) = (root.path().join("staged"), root.path().join("out"));
        write(&staged.join("soeg/a.json"), "before the folder by name");
        write(&staged.join("soeg/index.json"), "{}");
        write(&staged.join("soeg/v1/t/0.json"), "[]");
        write(&staged.join("soeg/v1/d/0.json"), "[]");
        let order: Vec<PathBuf> = folders_first(&staged)
            .map(|e| e.unwrap().path().strip_prefix(&staged).unwrap().to_path_buf())
            .filter(|p| p.extension().is_some())
            .collect();
        let manifest = order.iter().position(|p| p.ends_with("index.json")).unwrap();
        assert_eq!(order[..2], [PathBuf::from("soeg/v1/d/0.json"), PathBuf::from("soeg/v1/t/0.json")]);
        assert_eq!(manifest, 3, "{order:?}");
        assert_eq!(overlay(&staged, &out, Prune::Nothing).unwrap(), 4);
    }
}
