//! Parsing minutes text (plain text from PDF or markdown-ish exports) into a `Meeting`.
//!
//! OWNER: parser work (issue 2). Replace this placeholder.

use crate::diag::Diagnostic;
use crate::model::Meeting;
use std::path::Path;

/// Parses one minutes file. `file` is the path used in diagnostics.
/// On success returns the meeting and its warnings; on failure every error found (never panics).
pub fn parse(file: &Path, text: &str) -> Result<(Meeting, Vec<Diagnostic>), Vec<Diagnostic>> {
    let _ = text;
    Err(vec![Diagnostic::error(file, 0, "parser not written yet")])
}
