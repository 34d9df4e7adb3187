//! The `referat` command line: build, serve, check, parse.

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use referat::build::{self, BuildError, BuildOptions};
use referat::serve::{self, ServeOptions};
use std::path::PathBuf;
use std::process::ExitCode;

/// A build allocates millions of small strings from several threads at once; glibc's malloc spent
/// 12 % of a build's CPU on them, mimalloc less than half of that.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "referat", version, about = "Publish municipal meeting minutes as a static, searchable website")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site from the content folder into the output folder.
    Build(SiteArgs),
    /// Build, serve on http://127.0.0.1:1111/ and rebuild and reload on change.
    Serve(ServeArgs),
    /// Parse every minutes file and compile the templates; print all errors and warnings and exit
    /// non-zero on errors.
    Check {
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Templates folder to compile [default: templates, if there is one].
        #[arg(long, value_parser = existing_dir)]
        templates: Option<PathBuf>,
    },
    /// Parse one minutes file and print its model as JSON.
    Parse { file: PathBuf },
    /// Write the built-in theme's templates and static files into a folder, to copy from and edit;
    /// files already there are left as they are.
    Theme {
        #[arg(long, default_value = "templates")]
        output: PathBuf,
    },
    /// Removes sites that earlier builds moved aside (`.public.old-<pid>`); `build` starts this in
    /// the background.
    #[command(hide = true)]
    RemoveOldSites { paths: Vec<PathBuf> },
}

/// Where the site comes from: shared by `build` and `serve`.
#[derive(Args)]
struct InputArgs {
    /// Folder with the minutes (any depth).
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// Site settings [default: config.toml, if there is one].
    #[arg(long, value_parser = existing_path)]
    config: Option<PathBuf>,
    /// Folder with Tera templates that override the built-in theme [default: templates, if there
    /// is one].
    #[arg(long, value_parser = existing_dir)]
    templates: Option<PathBuf>,
    /// Public URL of the site; overrides `base_url` in config.toml (serve uses only its path).
    #[arg(long)]
    base_url: Option<String>,
    /// MB of minutes text whose parsed model is kept from the parse to the render pass (benchmarks).
    #[arg(long, hide = true)]
    keep_mb: Option<usize>,
    /// Builds no search index: measures what the index costs a build (benchmarks).
    #[arg(long, hide = true)]
    no_search_index: bool,
}

impl InputArgs {
    fn into_options(self, output: PathBuf) -> BuildOptions {
        BuildOptions {
            content: self.content,
            output,
            config: self.config.unwrap_or_else(|| "config.toml".into()),
            templates: self.templates.unwrap_or_else(|| "templates".into()),
            base_url: self.base_url,
            origin: None,
            keep_bytes: self.keep_mb.map_or(BuildOptions::default().keep_bytes, |mb| mb << 20),
            search_index: !self.no_search_index,
        }
    }
}

/// "1 meeting", "2 meetings".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A path given on the command line must exist: a mistyped `--config` or `--templates` silently
/// gave the defaults and the built-in theme. (Left out, the defaults are used where they exist.)
fn existing_path(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    if path.exists() {
        Ok(path)
    } else {
        Err(format!("{s} does not exist"))
    }
}

/// `--templates` names a folder: a file there (`--templates templates/base.html`) gave the
/// built-in theme without a word.
fn existing_dir(s: &str) -> Result<PathBuf, String> {
    let path = existing_path(s)?;
    if path.is_dir() {
        Ok(path)
    } else {
        Err(format!("{s} is a file; give the folder that holds the templates (and their static/ folder)"))
    }
}

#[derive(Args)]
struct SiteArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Folder to write the site to.
    #[arg(long, default_value = "public")]
    output: PathBuf,
    /// Also print how long each phase of the build took, and the memory in use at its end.
    #[arg(long)]
    timings: bool,
}

#[derive(Args)]
struct ServeArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Folder to write the preview to. Default: a temporary folder removed on exit, so the
    /// live-reload script never lands in a folder that gets published.
    #[arg(long)]
    output: Option<PathBuf>,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    bind: String,
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 1111)]
    port: u16,
}

impl From<ServeArgs> for ServeOptions {
    fn from(a: ServeArgs) -> Self {
        let keep_output = a.output.is_some();
        let build = a.input.into_options(a.output.unwrap_or_default());
        ServeOptions { build, bind: a.bind, port: a.port, keep_output }
    }
}

impl From<SiteArgs> for BuildOptions {
    fn from(a: SiteArgs) -> Self {
        a.input.into_options(a.output)
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Hands the site a build replaced (and any that an interrupted removal or build left beside
/// `output`) to a detached `referat remove-old-sites`, so the build returns as soon as the new site
/// is in place: deleting the old one was 7-9 s of a 20,000-meeting rebuild's 19-21 s, nearly all of
/// it waiting for the disk. If no process can be started, the site is removed here and false
/// returned; false too if there was nothing to remove.
fn remove_in_background(old: Option<referat::write::OldSite>, output: &std::path::Path) -> bool {
    use std::process::{Command, Stdio};
    let mut paths = referat::write::old_sites(output);
    if let Some(old) = &old {
        if !paths.iter().any(|p| p == old.path()) {
            paths.push(old.path().to_path_buf());
        }
    }
    if paths.is_empty() {
        return false;
    }
    let started = std::env::current_exe().and_then(|exe| {
        let mut command = Command::new(exe);
        command.arg("remove-old-sites").args(&paths).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
        // Its own process group: a Ctrl-C meant for the next command in the terminal does not stop it.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        command.spawn()
    });
    match started {
        Ok(_) => {
            if let Some(old) = old {
                old.keep();
            }
            true
        }
        Err(_) => false,
    }
}

/// Pretty JSON on stdout; a reader that stops early (`referat parse x | head`) is not an error.
fn print_json(value: &impl serde::Serialize) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to stdout"),
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build(args) => {
            let timings = args.timings;
            let opts: BuildOptions = args.into();
            match build::build(&opts) {
                Ok(mut report) => {
                    eprint!("{}", report.diagnostics);
                    let total: f64 = report.timings.iter().map(|(_, d)| d.as_secs_f64()).sum();
                    println!(
                        "Built {} ({}), {}, into {} in {:.0} ms",
                        counted(report.meetings, "meeting", "meetings"),
                        counted(report.items, "agenda item", "agenda items"),
                        counted(report.render.pages, "page", "pages"),
                        opts.output.display(),
                        total * 1000.0
                    );
                    println!("Styled with {}", report.render.theme);
                    // A web team building from another folder got the defaults without a word.
                    match opts.config.exists() {
                        true => println!("Settings from {}", opts.config.display()),
                        false => println!(
                            "Default settings: no {} here (pass --config to use another)",
                            opts.config.display()
                        ),
                    }
                    if build::load_config(&opts).is_ok_and(|c| c.is_local()) {
                        eprintln!(
                            "warning: base_url is a local address: the canonical links, feeds, sitemap and open data \
                             point at this machine; set base_url in config.toml or pass --base-url before publishing"
                        );
                    }
                    let replaced = report.old_site.is_some();
                    if remove_in_background(report.old_site.take(), &opts.output) && replaced {
                        println!("The previous site is being removed in the background.");
                    }
                    if timings {
                        let memory = |rss: &Option<u64>| rss.map(|b| format!(" ({} MB)", b >> 20)).unwrap_or_default();
                        let phases: Vec<String> = (report.timings.iter().zip(&report.resident))
                            .map(|((name, d), rss)| format!("{name} {} ms{}", d.as_millis(), memory(rss)))
                            .collect();
                        println!("Phases: {}", phases.join(", "));
                    }
                    Ok(ExitCode::SUCCESS)
                }
                Err(BuildError::Input(diags)) => {
                    eprint!("{diags}");
                    eprintln!(
                        "error: build failed with {} error(s); {} left unchanged",
                        diags.errors().count(),
                        opts.output.display()
                    );
                    Ok(ExitCode::FAILURE)
                }
                Err(e) => Err(e).context("build failed"),
            }
        }
        Command::Serve(args) => {
            serve::serve(args.into())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { content, templates } => {
            let (meetings, mut diags) = build::check_all(&content);
            // The theme too, so that a broken template fails a CI check, not the next build.
            let templates = templates.unwrap_or_else(|| "templates".into());
            match referat::render::templates::Theme::load(Some(&templates), "/") {
                Ok(theme) => diags.extend(theme.warnings),
                Err(e) => diags.extend([referat::diag::Diagnostic::error(&templates, 0, e.to_string())]),
            }
            eprint!("{diags}");
            let errors = diags.errors().count();
            println!("{} meetings parsed, {} error(s), {} warning(s)", meetings, errors, diags.warnings().count());
            Ok(if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
        }
        Command::Theme { output } => {
            let (written, kept) = referat::render::templates::export(&output)
                .with_context(|| format!("cannot write the theme into {}", output.display()))?;
            for path in &kept {
                eprintln!("kept {} (already there)", path.display());
            }
            println!("Wrote {} files of the built-in theme into {}", written.len(), output.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::RemoveOldSites { paths } => {
            referat::write::remove_old_sites(&paths)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Parse { file } => {
            // Messages name the file as given on the command line.
            let (meeting, diags) = build::parse_file(std::path::Path::new(""), &file);
            eprint!("{}", referat::diag::Diagnostics(diags));
            match meeting {
                Some(m) => {
                    print_json(&m)?;
                    Ok(ExitCode::SUCCESS)
                }
                None => Ok(ExitCode::FAILURE),
            }
        }
    }
}
