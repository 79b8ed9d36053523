//! Entry point: set the panic hook, parse the embedded tables and the words,
//! and mount the app into `#app`, hidden until its first screen is complete
//! (unseen but laid out, under the static first screen: style/main.css);
//! then it takes the place of the static first screen (`#prerender`, see
//! `changji_water::prerender`) in one step, so no frame shows both or half of
//! either (`changji_water::reveal_when_ready`).
//! Start-up is short tasks (`changji_water::components::later`): the first,
//! the WebAssembly's own start, only sets the panic hook; then the tables are
//! parsed, then the words, then the app mounts, each in a task of its own.

use std::time::Duration;

/// What start-up does after the WebAssembly's own start, a task each, in order.
const STEPS: [fn(); 3] = [
    || {
        changji_model::Data::get();
    },
    changji_water::i18n::load,
    mount,
];

fn main() {
    console_error_panic_hook::set_once();
    step(0);
}

/// Runs start-up step `k` in a task of its own, then the next.
fn step(k: usize) {
    if let Some(run) = STEPS.get(k) {
        leptos::prelude::set_timeout(
            move || {
                run();
                step(k + 1);
            },
            Duration::ZERO,
        );
    }
}

/// Mounts the app, hidden, and shows it once its first screen is in.
fn mount() {
    let document = gloo_utils::document();
    let Ok(root) = document.create_element("div") else {
        return;
    };
    root.set_id("app");
    let _ = root.set_attribute("hidden", "");
    if let Some(body) = document.body() {
        let _ = body.append_child(&root);
    }
    let root: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(root);
    leptos::mount::mount_to(root, changji_water::App).forget();
    changji_water::reveal_when_ready();
}
