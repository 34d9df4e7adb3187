//! Publishing a finished build: the new site is built in a staging folder beside the output and
//! swapped in only when everything succeeded, so a failed build leaves the previous site as it was.

use std::io;
use std::path::{Path, PathBuf};

/// A staging folder next to `output` (same file system, so the swap is a rename).
/// Dropped without `publish`, it is removed with everything in it.
pub struct Staging {
    dir: tempfile::TempDir,
    output: PathBuf,
}

impl Staging {
    pub fn new(output: &Path) -> io::Result<Staging> {
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)?;
        let name = output.file_name().and_then(|n| n.to_str()).unwrap_or("public");
        let dir = tempfile::Builder::new().prefix(&format!(".{name}.staging-")).tempdir_in(&parent)?;
        Ok(Staging { dir, output: output.to_path_buf() })
    }

    /// Where the build writes.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Replaces the output folder with the staged one.
    pub fn publish(self) -> io::Result<()> {
        let staged = self.dir.keep();
        let old = staged.with_file_name(format!(
            ".{}.old-{}",
            self.output.file_name().and_then(|n| n.to_str()).unwrap_or("public"),
            std::process::id()
        ));
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
        if had_old {
            remove_tree(&old)?;
        }
        Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_replaces_and_drop_discards() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("old.html"), "old").unwrap();

        let failed = Staging::new(&out).unwrap();
        std::fs::write(failed.path().join("new.html"), "new").unwrap();
        drop(failed);
        assert!(out.join("old.html").exists(), "a dropped staging must not touch the output");

        let ok = Staging::new(&out).unwrap();
        std::fs::write(ok.path().join("new.html"), "new").unwrap();
        ok.publish().unwrap();
        assert!(out.join("new.html").exists());
        assert!(!out.join("old.html").exists());
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 1, "no staging left behind");
    }

    #[test]
    fn remove_tree_removes_nested_folders_files_and_symlinks() {
        let root = tempfile::tempdir().unwrap();
        let site = root.path().join("site");
        for f in ["index.html", "sager/16-26813/index.html", "a/b/c/d.json", "empty/x/"] {
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
}
