//! Entry point: set the panic hook, parse the embedded tables, and in the
//! next task mount the app into `#app`, hidden until its first screen is
//! complete; then it takes the place of the static first screen
//! (`#prerender`, see `changji_water::prerender`) in one step, so no frame
//! shows both or half of either (`changji_water::reveal_when_ready`).
//! Start-up is short tasks (`changji_water::components::later`): the first,
//! with the WebAssembly's own start, only parses the tables.

fn main() {
    console_error_panic_hook::set_once();
    changji_model::Data::get();
    leptos::prelude::set_timeout(mount, std::time::Duration::ZERO);
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
