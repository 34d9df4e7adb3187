//! The meetings' full text between linking and rendering: kept from the parse while a memory budget
//! lasts, parsed again from the content folder otherwise, and handed out once each.

use super::{parse_file, BuildError};
use crate::diag::{Diagnostic, Diagnostics};
use crate::link::Site;
use crate::model::Meeting;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Bytes of minutes (source text) the build keeps parsed from the parse to the render pass; the
/// parsed model, copied into memory of its own, takes about 1.7 times that. 2,000 meetings (48 MB)
/// fit, so a municipality's site is parsed once, while a national one (20,000 meetings, 478 MB)
/// peaks at about 900 MB at the cost of parsing a fifth of its files twice (with 256 MB kept: a
/// 680 MB peak, half the files twice, 1.1 s more). Memory peaks at the end of the parse or link
/// (light site + kept).
pub const KEEP_BYTES: usize = 384 << 20;

/// Hands out what remains of a byte budget, from any thread.
#[derive(Debug)]
pub struct Budget(AtomicUsize);

impl Budget {
    pub fn new(bytes: usize) -> Budget {
        Budget(AtomicUsize::new(bytes))
    }

    /// Takes `bytes` from the budget if that much is left.
    pub fn take(&self, bytes: usize) -> bool {
        self.0.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| left.checked_sub(bytes)).is_ok()
    }
}

/// The full text of every meeting of a [`Site`] (same indexes), whose own meetings are light.
#[derive(Debug)]
pub struct FullText {
    content: PathBuf,
    kept: Vec<Mutex<Option<Meeting>>>,
}

impl FullText {
    /// `kept[i]` is meeting `i`'s full text if the parse kept it.
    pub fn new(content: PathBuf, kept: Vec<Option<Meeting>>) -> FullText {
        FullText { content, kept: kept.into_iter().map(Mutex::new).collect() }
    }

    /// Meeting `i` with its full text: the kept one (which is then freed), or its file parsed again.
    pub fn take(&self, site: &Site, i: usize) -> Result<Meeting, BuildError> {
        let kept = self.kept.get(i).and_then(|k| k.lock().ok()?.take());
        if let Some(meeting) = kept {
            return Ok(meeting);
        }
        let light = &site.meetings[i];
        let (meeting, diags) = parse_file(&self.content, &self.content.join(&light.source));
        match meeting {
            // The file is read twice; if it changed in between, its pages would disagree with the rest.
            Some(m) if m.light() == *light => Ok(m),
            Some(_) => Err(changed(light)),
            None if diags.iter().any(Diagnostic::is_error) => {
                let mut all = Diagnostics::default();
                all.extend(diags);
                Err(BuildError::Input(all))
            }
            None => Err(changed(light)),
        }
    }
}

fn changed(light: &Meeting) -> BuildError {
    let mut d = Diagnostics::default();
    d.push(Diagnostic::error(&light.source, 0, "the file changed during the build; build again"));
    BuildError::Input(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn a_file_changed_between_the_passes_is_an_error_not_a_mismatched_page() {
        let dir = tempfile::tempdir().unwrap();
        let seed = std::fs::read_to_string("content/direktionen/2017-03-20.txt").unwrap();
        std::fs::write(dir.path().join("m.txt"), &seed).unwrap();
        let (meeting, _) = parse_file(dir.path(), &dir.path().join("m.txt"));
        let site = Site::new(Config::default(), vec![meeting.unwrap().light()]);
        let full = FullText::new(dir.path().to_path_buf(), vec![None]);
        assert!(full.take(&site, 0).is_ok(), "parsed again, unchanged");
        std::fs::write(dir.path().join("m.txt"), seed.replace("Status på Office 365", "Status på Office 2016"))
            .unwrap();
        match full.take(&site, 0) {
            Err(BuildError::Input(d)) => assert!(d.to_string().contains("changed during the build"), "{d}"),
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    #[test]
    fn budget_gives_out_no_more_than_it_has() {
        let b = Budget::new(10);
        assert!(b.take(6));
        assert!(!b.take(5), "only 4 left");
        assert!(b.take(4));
        assert!(!b.take(1));
    }
}
