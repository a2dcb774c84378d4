//! A view kept out of the first load: drawn at once when its chunk is already loaded,
//! otherwise after a short "loading" line; if the chunk cannot be fetched, a message and
//! **Réessayer** take its place, and the rest of the app goes on working.

use leptos::prelude::*;

use crate::ui::state::session::use_lang;
use crate::ui::web::split::Part;

/// A view's constructor, as a page's chunk gives it.
pub type Draw = fn() -> AnyView;

/// Told each time a part's view arrives after the page was drawn, so that the frame can
/// name the page and move focus to its heading then.
#[derive(Clone, Copy)]
pub struct Arrivals(pub RwSignal<Arrival>);

/// The last arrival: how many so far, and whether it came from **Réessayer** (whose
/// button, gone with the message, had focus).
#[derive(Clone, Copy, Default, PartialEq)]
pub struct Arrival {
    pub count: u32,
    pub after_retry: bool,
}

#[derive(Clone, Copy)]
enum State<T> {
    Loading,
    Ready(T),
    Failed,
}

/// A page kept out of the first load.
#[component]
pub fn LazyView(
    /// The part whose view this is.
    part: &'static Part<Draw>,
) -> impl IntoView {
    lazy_with(part, |draw| draw())
}

/// The view `draw` makes of `part`'s value (a component's constructor taking props), once
/// the part is loaded.
pub fn lazy_with<T: Copy + Send + Sync + 'static>(
    part: &'static Part<T>,
    draw: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    if let Some(value) = part.ready() {
        return draw(value);
    }
    let lang = use_lang();
    let arrivals = use_context::<Arrivals>();
    let state = RwSignal::new(State::Loading);
    let fetch = move |after_retry: bool| {
        state.set(State::Loading);
        leptos::task::spawn_local(async move {
            let next = match part.load().await {
                Ok(value) => State::Ready(value),
                Err(_) => State::Failed,
            };
            let arrived = matches!(next, State::Ready(_));
            // The view may have been left meanwhile.
            if state.try_set(next).is_none() && arrived {
                if let Some(Arrivals(last)) = arrivals {
                    last.try_update(|a| {
                        *a = Arrival {
                            count: a.count + 1,
                            after_retry,
                        }
                    });
                }
            }
        });
    };
    fetch(false);
    (move || match state.get() {
        State::Loading => view! {
            <p class="ma-loading ma-part-loading" role="status">{lang.widgets_part_loading()}</p>
        }
        .into_any(),
        State::Ready(value) => draw(value),
        State::Failed => view! {
            <div class="ma-card ma-part-failed" role="alert">
                <p>{lang.widgets_part_failed()}</p>
                <button type="button" class="ma-button" on:click=move |_| fetch(true)>
                    {lang.ctl_retry()}
                </button>
            </div>
        }
        .into_any(),
    })
    .into_any()
}
