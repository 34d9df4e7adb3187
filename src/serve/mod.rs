//! `referat serve`: local preview over HTTP with rebuild on change and live reload.
//!
//! OWNER: serve work (issue 5).

use crate::build::BuildOptions;

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: String,
    pub port: u16,
}

pub fn serve(opts: ServeOptions) -> anyhow::Result<()> {
    let report = crate::build::build(&opts.build)?;
    eprint!("{}", report.diagnostics);
    println!(
        "Serving {} on http://{}:{}/ (not yet: serve is being written)",
        opts.build.output.display(),
        opts.bind,
        opts.port
    );
    Ok(())
}
