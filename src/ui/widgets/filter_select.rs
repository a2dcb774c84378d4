//! A filter as a native `<select>` with its visible label, "all" first: the Client filter
//! of Applis clientes, the Catégorie of the search, the journal's filters.

use leptos::prelude::*;

#[component]
pub fn FilterSelect(
    /// The select's id, which its label points at.
    id: &'static str,
    /// The visible label, also the select's accessible name.
    label: &'static str,
    /// The first option, which means "no filter" ("Tous les clients").
    all: &'static str,
    /// The other options, as (value, label).
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    /// The value chosen, `None` for all.
    #[prop(into)]
    current: Signal<Option<String>>,
    /// Called with the value chosen, `None` for all.
    on_change: Callback<Option<String>>,
) -> impl IntoView {
    let change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        on_change.run((!value.is_empty()).then_some(value));
    };
    view! {
        <div class="ma-field">
            <label for=id>{label}</label>
            <select id=id on:change=change>
                <option value="" selected=move || current.with(Option::is_none)>{all}</option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(value, text)| {
                            let selected = current.with(|c| c.as_deref() == Some(value.as_str()));
                            view! { <option value=value selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
