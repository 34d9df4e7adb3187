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
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Referater".into(),
            base_url: "http://127.0.0.1:1111/".into(),
            municipality: "Høje-Taastrup Kommune".into(),
            description: "Referater fra kommunens politiske udvalg og direktion.".into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}")]
    Read { path: String, source: std::io::Error },
    #[error("{path}: {source}")]
    Parse { path: String, source: toml::de::Error },
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
        config.set_base_url(&config.base_url.clone());
        Ok(config)
    }

    /// Sets the base URL, normalized to end in exactly one slash.
    pub fn set_base_url(&mut self, url: &str) {
        self.base_url = format!("{}/", url.trim().trim_end_matches('/'));
    }

    /// The path part of the base URL ("/referater/" for "https://example.dk/referater/"), used for
    /// root-relative links so the site works under a sub-path on any static host.
    pub fn base_path(&self) -> String {
        let after_scheme = self.base_url.split_once("://").map_or(self.base_url.as_str(), |(_, r)| r);
        match after_scheme.find('/') {
            Some(i) => after_scheme[i..].to_string(),
            None => "/".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_of_sub_path_and_root() {
        let mut c = Config::default();
        c.set_base_url("https://example.dk/referater");
        assert_eq!(c.base_url, "https://example.dk/referater/");
        assert_eq!(c.base_path(), "/referater/");
        c.set_base_url("https://example.dk");
        assert_eq!(c.base_path(), "/");
    }

    #[test]
    fn unknown_keys_are_errors() {
        let e = toml::from_str::<Config>("titel = \"x\"").unwrap_err();
        assert!(e.to_string().contains("titel"));
    }
}
