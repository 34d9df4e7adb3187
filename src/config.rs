//! Site settings from `config.toml`, with defaults so a missing file still builds.

use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Site title shown in the header and feeds.
    pub title: String,
    /// Absolute URL the site is published at, with trailing slash, e.g. "https://example.dk/referater/".
    pub base_url: String,
    /// The municipality publishing the minutes.
    pub municipality: String,
    /// Short description used on the front page and in feeds.
    pub description: String,
    /// The web team's own settings for its templates (`[extra]`: a phone number, a link to the
    /// accessibility statement …), given to every page as `extra`; referat reads none of them.
    pub extra: toml::Table,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Referater".into(),
            base_url: "http://127.0.0.1:1111/".into(),
            // No municipality's name unless the config gives one: a site built without a config
            // must not say it is Høje-Taastrup's.
            municipality: String::new(),
            description: "Referater fra kommunens politiske udvalg og direktion.".into(),
            extra: toml::Table::new(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}")]
    Read { path: String, source: std::io::Error },
    /// The TOML error (with line and column) is the source, printed once by the caller's chain.
    #[error("cannot read the settings in {path}")]
    Parse { path: String, source: toml::de::Error },
    #[error("base_url {url:?} {why}")]
    BaseUrl { url: String, why: &'static str },
}

impl Config {
    /// Reads `path` if it exists; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => return Err(ConfigError::Read { path: path.display().to_string(), source }),
        };
        let mut config: Config =
            toml::from_str(&text).map_err(|source| ConfigError::Parse { path: path.display().to_string(), source })?;
        config.set_base_url(&config.base_url.clone())?;
        Ok(config)
    }

    /// Sets the base URL, normalized to end in exactly one slash, with its path percent-encoded
    /// (a space or "ø" written as such). Feeds, the sitemap and canonical links need an absolute
    /// URL, and the site's own links are built by appending to it, so a scheme and host are required
    /// and a query or fragment is refused.
    pub fn set_base_url(&mut self, url: &str) -> Result<(), ConfigError> {
        let url = url.trim();
        let refuse = |why| Err(ConfigError::BaseUrl { url: url.to_string(), why });
        let Some((scheme, rest)) = url.split_once("://") else {
            return refuse("must be an absolute address starting with https:// (or http://)");
        };
        if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
            return refuse("must start with https:// or http://");
        }
        if rest.contains(['?', '#']) {
            return refuse("must not have a query (?) or fragment (#): the site's paths are added to it");
        }
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if host.is_empty() || host.contains(char::is_whitespace) {
            return refuse("must name a host, as in https://www.kommune.dk/referater/");
        }
        self.base_url = format!("{scheme}://{host}{}/", encode_path(path.trim_end_matches('/')));
        Ok(())
    }

    /// The base URL without its scheme: "example.dk/referater/".
    fn after_scheme(&self) -> &str {
        self.base_url.split_once("://").map_or(self.base_url.as_str(), |(_, r)| r)
    }

    /// Whether the base URL names this machine (the preview's default): a site built with it tells
    /// search engines and feed readers that its pages live on the reader's own computer.
    pub fn is_local(&self) -> bool {
        let host = self.after_scheme().split('/').next().unwrap_or("");
        let host =
            host.rsplit_once(':').filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit())).map_or(host, |(h, _)| h);
        let host = host.to_ascii_lowercase();
        host == "localhost"
            || host.ends_with(".localhost")
            || host.starts_with("127.")
            || host == "[::1]"
            || host == "0.0.0.0"
    }

    /// The path part of the base URL ("/referater/" for "https://example.dk/referater/"), used for
    /// root-relative links so the site works under a sub-path on any static host.
    pub fn base_path(&self) -> String {
        let after_scheme = self.after_scheme();
        match after_scheme.find('/') {
            Some(i) => after_scheme[i..].to_string(),
            None => "/".to_string(),
        }
    }
}

/// `path` with every byte a URL path may not hold as such percent-encoded; `%XX` is kept as written.
pub fn encode_path(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = String::with_capacity(path.len());
    for (i, &b) in bytes.iter().enumerate() {
        let escape = b == b'%' && bytes.get(i + 1..i + 3).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
        if b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b) || escape {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: a build for publishing with the preview's base_url printed no warning, and its
    /// canonical links, feeds, sitemap and open data all pointed at 127.0.0.1.
    #[test]
    fn a_base_url_on_this_machine_is_local() {
        let mut c = Config::default();
        for (url, local) in [
            ("http://127.0.0.1:1111/", true),
            ("http://localhost/referater/", true),
            ("http://[::1]:8080/", true),
            ("https://www.htk.dk/referater/", false),
            ("https://localhost.dk/", false),
        ] {
            c.set_base_url(url).unwrap();
            assert_eq!(c.is_local(), local, "{url}");
        }
    }

    #[test]
    fn base_path_of_sub_path_and_root() {
        let mut c = Config::default();
        c.set_base_url("https://example.dk/referater").unwrap();
        assert_eq!(c.base_url, "https://example.dk/referater/");
        assert_eq!(c.base_path(), "/referater/");
        c.set_base_url("https://example.dk").unwrap();
        assert_eq!(c.base_path(), "/");
    }

    /// Regression: a base_url without a scheme, or with a query, built without a word: feeds and
    /// the sitemap got relative addresses and every stylesheet link "…/?x=1/static/style.css".
    #[test]
    fn base_url_must_be_absolute_without_query() {
        let mut c = Config::default();
        for bad in ["www.htk.dk/politik/referater/", "/referater/", "ftp://htk.dk/", "https:///referater/"] {
            let e = c.set_base_url(bad).unwrap_err().to_string();
            assert!(e.contains(bad) && e.contains("https://"), "{e}");
        }
        let e = c.set_base_url("https://htk.dk/referater/?x=1&y=2").unwrap_err().to_string();
        assert!(e.contains("query"), "{e}");
        assert_eq!(c.base_url, Config::default().base_url, "a refused URL changes nothing");
    }

    #[test]
    fn base_url_path_is_percent_encoded_once() {
        let mut c = Config::default();
        c.set_base_url("https://htk.dk/politik/møder og referater").unwrap();
        assert_eq!(c.base_url, "https://htk.dk/politik/m%C3%B8der%20og%20referater/");
        c.set_base_url("https://htk.dk/politik/m%C3%B8der/").unwrap();
        assert_eq!(c.base_path(), "/politik/m%C3%B8der/", "already encoded stays as it is");
        c.set_base_url("HTTPS://htk.dk/100%/").unwrap();
        assert_eq!(c.base_url, "HTTPS://htk.dk/100%25/");
    }

    #[test]
    fn a_toml_error_is_said_once_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "title = \"x\"\ntitel = \"y\"\n").unwrap();
        let e = Config::load(&path).unwrap_err();
        assert!(!e.to_string().contains("titel"), "the message leaves the TOML error to its source: {e}");
        let source = std::error::Error::source(&e).unwrap().to_string();
        assert!(source.contains("titel") && source.contains('2'), "{source}");
    }

    #[test]
    fn unknown_keys_are_errors() {
        let e = toml::from_str::<Config>("titel = \"x\"").unwrap_err();
        assert!(e.to_string().contains("titel"));
    }
}
