//! Masking personal data that must never be published: Danish CPR numbers.
//!
//! OWNER: site work (issue 3).

use crate::diag::Diagnostic;
use std::path::Path;

/// Masks CPR numbers in `text` (before parsing, so every output sees the masked text) and
/// returns one warning per number, with file, line and column.
pub fn mask_cpr(file: &Path, text: &mut String) -> Vec<Diagnostic> {
    let _ = (file, text);
    Vec::new()
}
