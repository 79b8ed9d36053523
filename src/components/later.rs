//! Start-up in short tasks: a panel is mounted into its placeholder later,
//! one a task, so no task lays out or builds much of the page at once (on a
//! slow phone a long task holds every tap: Lighthouse's "total blocking
//! time"). The panels of the first screen go first, the live page (`#app`,
//! mounted hidden, laid out unseen) is shown once they are all in, in place
//! of the static first screen, and the rest follow one a frame. The public
//! pages mount their header, then the page itself ([`later_plain`]), the
//! same way.

use crate::state::AppState;
use leptos::prelude::*;

/// A placeholder (`display: contents`, so the layout is its children's) that
/// `view` is mounted into later, in a task of its own (`LATER`), with the
/// explorer's state. Mounted once, never rebuilt, so no rebuild code is
/// compiled for it. A panel of the `first` screen is in before the page is
/// shown ([`reveal_when_ready`]); the others follow.
pub fn later<V: IntoView + 'static>(
    state: AppState,
    first: bool,
    view: impl FnOnce() -> V + 'static,
) -> NodeRef<leptos::html::Div> {
    later_plain(first, with_state(state, view))
}

/// `view`, built with the explorer's state provided (a root mounted on its own
/// does not inherit its context).
fn with_state<V>(
    state: AppState,
    view: impl FnOnce() -> V + 'static,
) -> impl FnOnce() -> V + 'static {
    move || {
        crate::state::provide_app_state(state);
        view()
    }
}

/// [`later`] for a page without the explorer's state (the public pages).
pub fn later_plain<V: IntoView + 'static>(
    first: bool,
    view: impl FnOnce() -> V + 'static,
) -> NodeRef<leptos::html::Div> {
    let node = NodeRef::<leptos::html::Div>::new();
    let mount: Box<dyn FnOnce()> = Box::new(move || {
        if let Some(handle) = mount_root(node, view) {
            handle.forget();
        }
    });
    let start = LATER.with(|q| {
        let mut q = q.borrow_mut();
        // The first screen's panels go ahead of the others, in page order.
        let at = if first {
            q.iter().take_while(|(f, _)| *f).count()
        } else {
            q.len()
        };
        q.insert(at, (first, mount));
        q.len() == 1
    });
    if start {
        set_timeout(mount_next, std::time::Duration::ZERO);
    }
    node
}

/// Mounts `view` into the placeholder `node` (if it is in the page) as a root
/// of its own with the app's state; dropping the handle takes it out again.
pub fn mount_into<N: IntoView + 'static>(
    state: AppState,
    node: NodeRef<leptos::html::Div>,
    view: impl FnOnce() -> N + 'static,
) -> Option<leptos::mount::UnmountHandle<N::State>> {
    mount_root(node, with_state(state, view))
}

/// Mounts `view` into the placeholder `node`, if it is in the page, as a root
/// of its own.
fn mount_root<N: IntoView + 'static>(
    node: NodeRef<leptos::html::Div>,
    view: impl FnOnce() -> N + 'static,
) -> Option<leptos::mount::UnmountHandle<N::State>> {
    let el = node.get_untracked()?;
    let parent: web_sys::HtmlElement = (*el).clone();
    Some(leptos::mount::mount_to(parent, view))
}

/// `items` in runs of at most `most` (at least one), as even as can be (9 in
/// runs of 4: 3, 3, 3, not 4, 4, 1), in order: what one task mounts.
pub fn even_runs<T: Copy>(items: &[T], most: usize) -> Vec<Vec<T>> {
    let parts = items.len().div_ceil(most.max(1)).max(1);
    let mut out = Vec::with_capacity(parts);
    let mut rest = items;
    for k in 0..parts {
        let take = rest.len().div_ceil(parts - k);
        let (head, tail) = rest.split_at(take);
        out.push(head.to_vec());
        rest = tail;
    }
    out
}

/// A panel to mount later: whether it belongs to the first screen, and how.
type Later = (bool, Box<dyn FnOnce()>);

thread_local! {
    /// The panels still to mount, the first screen's ahead of the others.
    static LATER: std::cell::RefCell<std::collections::VecDeque<Later>> =
        std::cell::RefCell::new(std::collections::VecDeque::new());
}

/// Whether a panel of the first screen is still to mount.
fn first_screen_pending() -> bool {
    LATER.with(|q| q.borrow().iter().any(|(first, _)| *first))
}

/// Mounts the next panel, and the one after it a frame later (so the browser
/// lays out and paints between them); shows the page once its first screen
/// is in.
fn mount_next() {
    let Some((first, mount)) = LATER.with(|q| q.borrow_mut().pop_front()) else {
        return;
    };
    mount();
    if first && !first_screen_pending() {
        reveal();
    }
    if LATER.with(|q| !q.borrow().is_empty()) {
        let gap = if first_screen_pending() { 0 } else { 16 };
        set_timeout(mount_next, std::time::Duration::from_millis(gap));
    }
}

/// Shows the live page (`#app`, mounted hidden) now if its first screen is
/// complete, else once it is (the panels `later` marks `first`).
pub fn reveal_when_ready() {
    if !first_screen_pending() {
        reveal();
    }
}

/// Shows the live page and removes the static first screen (`#prerender`)
/// in the same task, so no frame shows both.
fn reveal() {
    let document = document();
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.remove_attribute("hidden");
    }
    if let Some(el) = document.get_element_by_id("prerender") {
        el.remove();
    }
}

#[cfg(test)]
mod tests {
    use super::even_runs;

    #[test]
    fn runs_hold_every_item_once_in_order_none_too_long_and_evenly() {
        for most in 1..=5 {
            for n in 0..=30 {
                let items: Vec<usize> = (0..n).collect();
                let runs = even_runs(&items, most);
                assert_eq!(runs.concat(), items, "{n} in runs of {most}");
                assert_eq!(runs.len(), n.div_ceil(most).max(1), "{n} in runs of {most}");
                let sizes: Vec<usize> = runs.iter().map(Vec::len).collect();
                let (lo, hi) = (sizes.iter().min().copied(), sizes.iter().max().copied());
                assert!(hi.unwrap_or(0) <= most, "{n} in runs of {most}: {sizes:?}");
                assert!(
                    hi.unwrap_or(0) - lo.unwrap_or(0) <= 1,
                    "{n} in runs of {most}: {sizes:?}"
                );
            }
        }
        assert_eq!(
            even_runs(&[1, 2, 3], 0),
            vec![vec![1], vec![2], vec![3]],
            "runs of 0 are runs of 1"
        );
    }
}
