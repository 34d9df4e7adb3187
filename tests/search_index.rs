//! The written search index of a hand-built site: layout, doc order, facets, exact tokens, and that
//! closed items contribute nothing.

mod search_support;

use referat::search::encode::{decode, decode_numbers};
use referat::search::exact::shard_of;
use referat::search::text::Analyzer;
use serde_json::Value;
use std::path::Path;

fn read(dir: &Path, rel: &str) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join(rel)).unwrap()).unwrap()
}

/// A file of the manifest's version: `soeg/<v>/<rel>`.
fn shard(dir: &Path, manifest: &Value, rel: &str) -> Value {
    read(&dir.join(manifest["v"].as_str().unwrap()), rel)
}

fn written() -> (tempfile::TempDir, std::path::PathBuf, referat::search::IndexStats) {
    let out = tempfile::tempdir().unwrap();
    let stats = referat::search::write_index(&search_support::small_site(), out.path()).unwrap();
    let dir = out.path().join("soeg");
    (out, dir, stats)
}

/// All records in doc-id order.
fn records(dir: &Path, manifest: &Value) -> Vec<Value> {
    let chunk = manifest["chunk"].as_u64().unwrap() as usize;
    let docs = manifest["docs"].as_u64().unwrap() as usize;
    (0..docs.div_ceil(chunk))
        .flat_map(|n| shard(dir, manifest, &format!("d/{n}.json")).as_array().unwrap().clone())
        .collect()
}

/// The manifest's body runs as (body, docs).
fn body_runs(manifest: &Value) -> Vec<(u32, u32)> {
    decode_numbers(manifest["body_runs"].as_str().unwrap()).chunks(2).map(|r| (r[0], r[1] + 1)).collect()
}

fn term_entry(dir: &Path, manifest: &Value, term: &str) -> Value {
    let keys = referat::search::json::front_decode(manifest["keys"].as_str().unwrap());
    let n = referat::search::index::shard_of_term(&keys, term);
    shard(dir, manifest, &format!("t/{n}.json"))[term].clone()
}

fn exact_entry(dir: &Path, manifest: &Value, key: &str) -> Value {
    let n = shard_of(key, manifest["xs"].as_u64().unwrap() as u32);
    shard(dir, manifest, &format!("x/{n}.json"))[key].clone()
}

#[test]
fn docs_are_ordered_newest_meeting_first_with_facet_runs() {
    let (_out, dir, stats) = written();
    let manifest = read(&dir, "index.json");
    assert_eq!(stats.documents, 7, "2 meetings + 5 open items; the closed item is not a document");
    assert_eq!(manifest["bodies"], serde_json::json!([["Byrådet", "byraadet"], ["Direktionen", "direktionen"]]));
    assert_eq!(manifest["years"], serde_json::json!([2018, 3, 2017, 4]));
    assert_eq!(body_runs(&manifest), [(0, 3), (1, 4)]);
    let titles: Vec<String> = records(&dir, &manifest).iter().map(|r| r[0].as_str().unwrap().to_string()).collect();
    assert_eq!(
        titles,
        [
            "Byrådet 12-06-2018",
            "Budget 2019",
            "Ny lokalplan for Taastrup Hovedgade",
            "Direktionen 20-03-2017",
            "Økonomiopfølgning - 20-03-2017",
            "Godkendelse af handicappolitik og udsattepolitik",
            "Lokalplan for Århus Bygade",
        ]
    );
}

#[test]
fn regression_a_body_spelled_two_ways_is_one_body_in_the_facet_runs() {
    use search_support::{item, meeting};
    let meetings = vec![
        meeting("Børne- og Skoleudvalget", "2024-03-04", vec![item(1, "Skolestruktur", None, vec![])]),
        meeting("Byrådet", "2024-02-26", vec![item(1, "Budget", None, vec![])]),
        meeting("Borne- og Skoleudvalget", "2024-02-05", vec![item(1, "Klasseloft", None, vec![])]),
        meeting("Børne- og Skoleudvalget", "2024-01-08", vec![item(1, "Madordning", None, vec![])]),
    ];
    let site = referat::link::Site::new(referat::config::Config::default(), meetings);
    let out = tempfile::tempdir().unwrap();
    referat::search::write_index(&site, out.path()).unwrap();
    let dir = out.path().join("soeg");
    let manifest = read(&dir, "index.json");
    assert_eq!(
        manifest["bodies"],
        serde_json::json!([["Byrådet", "byraadet"], ["Børne- og Skoleudvalget", "boerne-og-skoleudvalget"]])
    );
    // Doc ids by date: "Borne-" is the same body as the meetings before and after it, one run.
    assert_eq!(manifest["years"], serde_json::json!([2024, 8]));
    assert_eq!(body_runs(&manifest), [(1, 2), (0, 2), (1, 4)]);
    let titles: Vec<String> = records(&dir, &manifest).iter().map(|r| r[0].as_str().unwrap().to_string()).collect();
    let udvalg = ["Skolestruktur", "Klasseloft", "Madordning"];
    assert_eq!(titles.iter().filter(|t| udvalg.contains(&t.as_str())).collect::<Vec<_>>(), udvalg, "newest first");
    assert_eq!(titles[2..4], ["Byrådet 26-02-2024", "Budget"]);
}

#[test]
fn stemmed_terms_have_title_flags() {
    let (_out, dir, _) = written();
    let manifest = read(&dir, "index.json");
    let term = Analyzer::default().term("lokalplanerne").unwrap();
    let e = term_entry(&dir, &manifest, &term);
    assert_eq!(decode(e[0].as_str().unwrap()), [2, 6], "both lokalplan items");
    assert_eq!(decode(e[1].as_str().unwrap()), [2, 6], "both have it in the title");
    assert_eq!(e[2], 2);
    let aarhus = term_entry(&dir, &manifest, "aarhus");
    assert_eq!(decode(aarhus[0].as_str().unwrap()), [6], "Århus in the title and Aarhus in the text are one term");
}

#[test]
fn case_numbers_and_dates_are_exact_keys_with_carriers_first() {
    let (_out, dir, _) = written();
    let manifest = read(&dir, "index.json");
    let case = exact_entry(&dir, &manifest, "c:16/26813");
    assert_eq!(decode(case[0].as_str().unwrap()), [1, 2, 4], "two carriers and one mention");
    assert_eq!(decode(case[1].as_str().unwrap()), [2, 4]);
    assert_eq!(case[2], "16-26813", "the case page slug");
    assert_eq!(case[3]["2"][0], "Ny lokalplan for Taastrup Hovedgade", "carriers' records are inline");
    let kle = exact_entry(&dir, &manifest, "c:00.01.00-A00-1-21");
    assert_eq!(decode(kle[1].as_str().unwrap()), [6]);
    let date = exact_entry(&dir, &manifest, "d:2017-03-13");
    assert_eq!(decode(date[0].as_str().unwrap()), [4], "a date mentioned in the text");
    let meeting = exact_entry(&dir, &manifest, "d:2017-03-20");
    assert_eq!(decode(meeting[1].as_str().unwrap()), [3, 4, 5, 6], "the meeting and its open items carry its date");
}

#[test]
fn closed_items_contribute_nothing() {
    let (out, _dir, _) = written();
    // The case number of the closed item is public (its case page and the meeting page show it):
    // its only place in the index is the entry that offers the case page, without any doc.
    let page_only = r#""c:17/171":["","","17-171",{}]"#;
    for entry in walkdir::WalkDir::new(out.path()).into_iter().flatten().filter(|e| e.file_type().is_file()) {
        let text = std::fs::read_to_string(entry.path()).unwrap().replace(page_only, "");
        assert!(!text.contains("17/171"), "{} has the closed item's case number", entry.path().display());
        assert!(!text.contains("Lukket"), "{} has the closed item's title", entry.path().display());
    }
}

/// Regression: `17/171`, the case number of a closed item, found nothing ("Ingen resultater")
/// although its case page sager/17-171.html exists; the entry now offers the page, with no doc.
#[test]
fn a_case_number_only_closed_items_carry_offers_its_case_page() {
    let (_out, dir, _) = written();
    let manifest = read(&dir, "index.json");
    let case = exact_entry(&dir, &manifest, "c:17/171");
    assert_eq!(case, serde_json::json!(["", "", "17-171", {}]));
    assert_eq!(exact_entry(&dir, &manifest, "c:16/26813")[2], "16-26813", "open cases keep their docs and page");
}

/// Regression: the meeting's own doc indexed the labels "Mødested" and "Deltagere", so every
/// meeting was a result for them; the absent members ("Afbud") were not indexed at all.
#[test]
fn a_meeting_doc_indexes_the_place_and_names_not_the_labels() {
    let mut site = search_support::small_site();
    let direktionen = site.meetings.iter().position(|m| m.body == "Direktionen").unwrap();
    site.meetings[direktionen].absent.push(referat::model::Participant {
        name: "Birthe Fraværsen".into(),
        party: None,
        role: None,
    });
    let out = tempfile::tempdir().unwrap();
    referat::search::write_index(&site, out.path()).unwrap();
    let dir = out.path().join("soeg");
    let manifest = read(&dir, "index.json");
    let a = Analyzer::default();
    for label in ["Mødested", "Deltagere", "Afbud"] {
        assert!(term_entry(&dir, &manifest, &a.term(label).unwrap()).is_null(), "{label} is indexed");
    }
    let docs = |word: &str| decode(term_entry(&dir, &manifest, &a.term(word).unwrap())[0].as_str().unwrap());
    assert_eq!(docs("B204"), [0, 3], "the place of both meetings");
    assert_eq!(docs("Holte"), [0, 3]);
    assert_eq!(docs("Fraværsen"), [3], "the absent member of the Direktionen meeting");
    let snippet = records(&dir, &manifest)[3][6].clone();
    assert_eq!(
        snippet, "Mødested: B204. Deltagere: Lars Holte. Afbud: Birthe Fraværsen.",
        "the snippet keeps its labels"
    );
}

#[test]
fn records_carry_what_a_result_shows() {
    let (_out, dir, _) = written();
    let manifest = read(&dir, "index.json");
    let r = &records(&dir, &manifest)[5];
    assert_eq!(r[1], 1, "body index of Direktionen");
    assert_eq!(r[2], "2017-03-20");
    assert_eq!(r[3], 3, "item number for the #punkt-3 anchor");
    assert_eq!(r[4], "15/14789");
    assert_eq!(r[5], "15-14789");
    assert_eq!(r[6], "Socialudvalget godkendte i januar 2016 en revision af handicappolitikken.", "markup stripped");
}

#[test]
fn manifest_carries_the_stop_words_and_a_version() {
    let (_out, dir, _) = written();
    let manifest = read(&dir, "index.json");
    let stop: Vec<&str> = manifest["stop"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(stop.contains(&"og") && stop.contains(&"naar"), "folded stop words");
    assert!(manifest["v"].as_str().unwrap().len() >= 8);
    let (_o2, dir2, _) = written();
    assert_eq!(read(&dir2, "index.json")["v"], manifest["v"], "the same site gives the same version");
}

/// Every file below `dir`, by relative path.
fn files(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let entries = walkdir::WalkDir::new(dir).into_iter().flatten().filter(|e| e.file_type().is_file());
    entries
        .map(|e| (e.path().strip_prefix(dir).unwrap().display().to_string(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// Builds the index of `site` from parts of `size` meetings, handed to `finish` last part first.
fn in_parts(site: &referat::link::Site, size: usize) -> std::collections::BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let plan = referat::search::Plan::new(site);
    let mut parts: Vec<referat::search::Part> = plan
        .meeting_order()
        .chunks(size)
        .map(|run| plan.part(&run.iter().map(|&i| (i, &site.meetings[i])).collect::<Vec<_>>()).unwrap())
        .collect();
    parts.reverse();
    plan.finish(parts, out.path()).unwrap();
    files(out.path())
}

#[test]
fn parts_of_any_size_give_the_same_files() {
    let site = search_support::synthetic_site(600, 3);
    let whole = in_parts(&site, site.meetings.len());
    assert!(whole.len() > 5 && whole.contains_key("soeg/index.json"));
    for size in [1, 7] {
        let cut = in_parts(&site, size);
        assert_eq!(cut.keys().collect::<Vec<_>>(), whole.keys().collect::<Vec<_>>(), "{size} meetings a part");
        for (name, bytes) in &cut {
            assert!(bytes == &whole[name], "{name} differs with {size} meetings a part");
        }
    }
}

#[test]
fn parts_that_leave_a_gap_are_refused() {
    let site = search_support::small_site();
    let plan = referat::search::Plan::new(&site);
    let first = plan.meeting_order()[0];
    let part = plan.part(&[(first, &site.meetings[first])]).unwrap();
    let out = tempfile::tempdir().unwrap();
    let err = plan.finish(vec![part], out.path()).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
}

#[test]
fn parts_out_of_doc_order_are_refused_not_a_panic() {
    let site = search_support::small_site();
    let plan = referat::search::Plan::new(&site);
    let order = plan.meeting_order();
    let (a, b) = (order[0], order[1]);
    let err = plan.part(&[(b, &site.meetings[b]), (a, &site.meetings[a])]).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    let mut changed = site.meetings[a].clone();
    changed.items.retain(|i| i.closed);
    let err = plan.part(&[(a, &changed)]).unwrap_err();
    assert!(err.to_string().contains("differs from the plan"), "{err}");
}
