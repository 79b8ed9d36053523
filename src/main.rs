//! Entry point: set the panic hook, mount the app, and retire the story's
//! static first scene (`changji_water::prerender`) in the same task, so no
//! frame shows both.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(changji_water::App);
    if let Some(el) = gloo_utils::document().get_element_by_id("prerender") {
        el.remove();
    }
}
