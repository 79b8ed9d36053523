//! UI logic: every string the page asks for exists in both languages.
#![allow(missing_docs)]

use changji_model::evaluate::{CapId, CapState};
use changji_model::quantity::{Note, Quantity};
use changji_model::{Data, Grade};
use changji_water::i18n::{has, tr, Lang};

/// Every key the page's code names as a literal: any string literal shaped
/// like a key (`name.part…`) whose first part is one of the catalogue's
/// namespaces (`app`, `cap`, `ind`, …). Keys built with `format!` come from
/// the tables above. Read from the sources, so no list is kept by hand.
fn literal_keys() -> Vec<String> {
    let spaces: std::collections::HashSet<&str> = changji_water::i18n::keys()
        .filter_map(|k| k.split('.').next())
        .collect();
    let is_key = |s: &str| {
        let mut parts = s.split('.');
        let first = parts.next().unwrap_or_default();
        spaces.contains(first)
            && s.contains('.')
            && s.split('.').all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            })
    };
    fn walk(dir: &std::path::Path, files: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).expect("src is readable").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, files);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files.push(std::fs::read_to_string(&p).expect("a source file"));
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut out: Vec<String> = files
        .iter()
        .flat_map(|text| text.split('"').skip(1).step_by(2))
        .filter(|lit| is_key(lit))
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

fn keys() -> Vec<String> {
    let data = Data::get();
    let mut k: Vec<String> = Vec::new();
    for l in &data.levers {
        k.push(format!("group.{}", l.group));
        k.extend(l.marks.iter().map(|m| m.label.clone()));
    }
    for p in &data.presets {
        k.push(format!("preset.{}.name", p.id));
        k.push(format!("preset.{}.desc", p.id));
    }
    for c in CapId::ALL {
        k.push(format!("cap.{}", c.as_str()));
    }
    // The story's scenes and the public pages' links.
    for scene in changji_water::story::SCENE_KEYS {
        for part in ["title", "body", "section"] {
            k.push(format!("story.{scene}.{part}"));
        }
    }
    for v in changji_water::url::View::PUBLIC {
        k.push(format!("public.nav.{}", v.code()));
    }
    // The quantity table: a name for every quantity but the levers (named by
    // the lever table), and the note of an indicator where it has text.
    let o = changji_model::evaluate(
        &changji_model::Scenario::preset(data, "plan-2025").expect("preset"),
        data,
    );
    for q in Quantity::all() {
        if let Some(key) = q.label_key() {
            if let Note::Text(_) = q.spec(data, &o).note {
                k.push(format!("{key}.note"));
            }
            k.push(key);
        }
    }
    for g in [Grade::Plan, Grade::H, Grade::M, Grade::L] {
        k.push(format!("grade.{}", g.key()));
    }
    for st in [
        CapState::Ok,
        CapState::Over,
        CapState::Short,
        CapState::NotReported,
    ] {
        k.push(format!("brief.state.{}", st.as_str()));
    }
    k.extend(literal_keys());
    k
}

#[test]
fn the_code_names_its_keys_and_the_scan_finds_them() {
    let found = literal_keys();
    // A few keys the page surely names as literals: the scan must see them.
    for k in [
        "app.title",
        "cap.over",
        "notice.retired",
        "brief.title",
        "ind.target",
    ] {
        assert!(
            found.iter().any(|f| f == k),
            "{k} not found in {} keys",
            found.len()
        );
    }
    assert!(found.len() > 100, "{}", found.len());
}

#[test]
fn every_key_exists_in_both_languages() {
    let mut missing = Vec::new();
    for key in keys() {
        for lang in [Lang::Zh, Lang::En] {
            if !has(lang, &key) {
                missing.push(format!("{key} ({})", lang.code()));
            }
        }
    }
    assert!(missing.is_empty(), "missing translations: {missing:?}");
}

#[test]
fn languages_differ_and_english_has_no_chinese_labels() {
    for key in ["app.title", "cap.total", "group.crops"] {
        assert_ne!(tr(Lang::Zh, key), tr(Lang::En, key), "{key}");
    }
    for l in &Data::get().levers {
        assert!(!l.label.is_empty() && !l.help.is_empty(), "{}", l.id);
        assert_ne!(l.label.zh, l.label.en, "{}", l.id);
        let en = l.label.en.clone();
        // 万元 is a unit, kept as the plan writes it; nothing else is Chinese.
        let stripped = en.replace("万元", "");
        assert!(
            !stripped
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{en}"
        );
    }
}

#[test]
fn every_provenance_term_and_quantity_has_a_name() {
    use changji_model::provenance::{explain, TermKind};
    use changji_model::quantity::Quantity;
    use changji_model::{evaluate, Scenario};
    let data = Data::get();
    let s = Scenario::preset(data, "plan-2025").expect("preset");
    let o = evaluate(&s, data);
    // Every quantity but the levers and the caps' limits (named by their
    // tables): the dialog's title.
    let keys: Vec<String> = Quantity::all()
        .into_iter()
        .filter(|q| !matches!(q, Quantity::Lever(_) | Quantity::Limit(_)))
        .map(Quantity::key)
        .collect();
    let mut missing = Vec::new();
    for key in &keys {
        let q = Quantity::parse(key).unwrap_or_else(|| panic!("no quantity {key}"));
        for lang in [Lang::Zh, Lang::En] {
            if !has(lang, &format!("prov.q.{key}")) {
                missing.push(format!("prov.q.{key}"));
            }
            for t in explain(data, &s, &o, q).terms {
                let name = match t.kind {
                    TermKind::Lever => continue,
                    TermKind::Derived => format!("prov.q.{}", t.id),
                    _ if has(lang, &format!("prov.term.{}", t.id)) => continue,
                    _ => format!("cap.{}", t.id),
                };
                if !has(lang, &name) {
                    missing.push(format!("{key}: {name} ({})", lang.code()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{missing:?}");
}
