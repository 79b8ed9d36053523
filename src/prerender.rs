//! The story's first scene as static HTML, for the page to show before its
//! WebAssembly arrives (on a slow phone the wasm takes seconds; this text is a
//! few kilobytes). It is the markup the live page renders for
//! `?view=story&scene=1`, from the same functions ([`scene_html`],
//! [`nav_html`]) and the same model numbers; the page swaps it for the live
//! one in the task that mounts the story (a task after the page's header), so
//! nothing moves. Its controls are
//! disabled until then (the links work without the wasm).
//!
//! Written to `public/first-scene.html` by `cargo run --bin prerender` (the
//! post-build hook puts it into `index.html`); a test fails when the file is
//! not what this module writes today.

use crate::components::public::{nav_html, scene_html::scene_html};
use crate::html::html;
use crate::i18n::{tr, tr_with, Lang};
use crate::story::{scene, SCENE_KEYS};
use crate::url::View;
use changji_model::Data;

/// Where the written file lives, from the repository's root.
pub const FILE: &str = "public/first-scene.html";

/// The first scene of the story in `lang`, header included, as the live page
/// renders it (controls disabled).
pub fn first_scene(lang: Lang) -> String {
    let data = Data::get();
    let count = SCENE_KEYS.len();
    let (head, body) = scene_html(
        &scene(data, 1, data.plan.constants.plan_eta.value),
        1,
        count,
        lang,
    );
    let t = |key: &str| tr(lang, key);
    let page = html! {
        header class="public-header" {
            p class="public-title" { (t("public.title")) }
            nav aria-label=(t("public.nav.label")) {
                span class="public-links-list" { (nav_html(View::Story, lang)) }
                button class="lang" data-testid="lang" aria-label=(t("app.lang_switch_label")) disabled { (t("app.lang_other")) }
            }
        }
        main class="public" {
            section class="story" data-testid="story" data-scene-count=(count) aria-roledescription="carousel" aria-label=(t("public.nav.story")) {
                ol class="story-dots" {
                    @for k in 1..=count {
                        li {
                            button class="dot" aria-current=[(k == 1).then_some("step")]
                                aria-label=(tr_with(lang, "story.go", &[("n", k.to_string())])) disabled {}
                        }
                    }
                }
                article class="scene" data-testid="scene-1" aria-roledescription="slide" aria-live="polite" {
                    div { (head) }
                    div { (body) }
                }
                div class="story-buttons" {
                    button data-testid="story-prev" disabled { (t("story.prev")) }
                    span class="story-keys" { (t("story.keys")) }
                    button data-testid="story-next" disabled { (t("story.next")) }
                }
            }
        }
    };
    page.into_string()
}

/// The file: the first scene in each language, each in a `<template>` that
/// the page's first script shows when the link asks for it.
pub fn file_text() -> String {
    let mut out = String::from(
        "<!-- Written by `cargo run --bin prerender` (src/prerender.rs): do not edit. -->\n",
    );
    for lang in [Lang::Zh, Lang::En] {
        out.push_str(&format!(
            "<template id=\"first-scene-{}\">{}</template>\n",
            lang.code(),
            first_scene(lang)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_file_is_what_the_page_renders_today() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == file_text(),
            "{FILE} is out of date (the story's words or numbers changed): run `cargo run --bin prerender`"
        );
    }

    #[test]
    fn each_language_has_its_scene_text_and_no_live_control() {
        for lang in [Lang::Zh, Lang::En] {
            let html = first_scene(lang);
            assert!(html.contains(r#"<p class="scene-text">"#));
            assert!(html.contains(&html! { (tr(lang, "story.next")) }.into_string()));
            // Every button waits for the wasm.
            assert_eq!(
                html.matches("<button").count(),
                html.matches(" disabled>").count()
            );
            assert!(!html.contains("<script"));
        }
    }
}
