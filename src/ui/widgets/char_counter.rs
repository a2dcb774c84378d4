//! The count of characters under a bounded text field: "12 / 500 caractères", then that
//! the maximum is reached, then (for text pasted past it) to shorten it. Only reaching the
//! limit is announced: a live count would speak at every keystroke.

use leptos::prelude::*;

use crate::domain::i18n::args;
use crate::domain::i18n::Lang;
use crate::domain::text::char_len;
use crate::ui::state::session::use_lang;

/// The counter's sentence for `n` characters out of `max`.
pub fn counter_text(lang: Lang, n: usize, max: usize) -> String {
    if n > max {
        lang.widgets_counter_over(args::WidgetsCounterOver { max: &max, n: &n })
    } else if n == max {
        lang.widgets_counter_at_max(args::WidgetsCounterAtMax { max: &max, n: &n })
    } else {
        lang.widgets_counter(args::WidgetsCounter { max: &max, n: &n })
    }
}

#[component]
pub fn CharCounter(
    /// The counter's id, which the field's `aria-describedby` names.
    #[prop(into)]
    id: String,
    /// The field's text.
    #[prop(into)]
    text: Signal<String>,
    /// The most characters the field takes.
    max: usize,
    /// Whether to announce reaching the limit (for a field that is not described by the
    /// counter's live text).
    #[prop(optional)]
    announce_limit: bool,
    /// A class for the visible count.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let count = move || text.with(|t| char_len(t));
    let class = if class.is_empty() {
        "ma-field__hint"
    } else {
        class
    };
    view! {
            {announce_limit.then(|| view! {
                <p class="ma-visually-hidden" aria-live="polite">
                    {move || (count() >= max).then(|| lang.widgets_counter_limit_reached(max))}
                </p>
            })}
            <p id=id class=class>{move || counter_text(lang, count(), max)}
    </p>
        }
}
