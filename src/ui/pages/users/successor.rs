//! "Confier ses connexions à": the connections a person gives up, and who takes them
//! over: each person who may by the seed's rules, or "Personne". The first of them is
//! chosen to begin with (the primary admin, in the product's order: see `first`).

use leptos::prelude::*;

use crate::domain::model::{Product, UserId};
use crate::domain::people;
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;

/// The value of "Personne" in the combobox: no user's id is empty.
const NOBODY: &str = "";

/// Who is chosen to begin with: the first who may take `leaving`'s connections over.
pub fn first(product: Product, leaving: &UserId) -> Option<UserId> {
    use_products()
        .state(product)
        .with_untracked(|s| people::successors(s, leaving).first().map(|u| u.id.clone()))
}

/// What the choice lists and where it puts the answer.
pub struct Successor {
    /// The sentence before the list ("Julien Petit gère 3 connexions :").
    pub lead: String,
    /// The connections given up, as "App — Company".
    pub lines: Vec<String>,
    /// Who takes them over; `None` for "Personne".
    pub to: RwSignal<Option<UserId>>,
}

#[component]
pub fn SuccessorChoice(product: Product, leaving: UserId, successor: Successor) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let Successor { lead, lines, to } = successor;
    let options: Vec<(String, String)> = products.state(product).with_untracked(|s| {
        people::successors(s, &leaving)
            .into_iter()
            .map(|u| (u.id.to_string(), u.name.clone()))
            .collect()
    });
    let select = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        to.set((v != NOBODY).then(|| UserId::new(v)));
    };
    let is_chosen = move |id: &str| to.with(|t| t.as_ref().map_or(NOBODY, |u| u.as_str()) == id);
    view! {
        <div class="ma-field ma-successor">
            <p>{lead}</p>
            <ul class="ma-successor__list">
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            <label for="ma-utilisateur-successeur">{lang.users_ctl_give_to()}</label>
            <select id="ma-utilisateur-successeur" aria-describedby="ma-utilisateur-successeur-aide" on:change=select>
                {options
                    .into_iter()
                    .map(|(id, name)| {
                        let chosen = id.clone();
                        view! { <option value=id prop:selected=move || is_chosen(&chosen)>{name}</option> }
                    })
                    .collect_view()}
                <option value=NOBODY prop:selected=move || is_chosen(NOBODY)>{lang.users_nobody()}</option>
            </select>
            <p id="ma-utilisateur-successeur-aide" class="ma-field__hint">{lang.users_give_hint()}</p>
        </div>
    }
}
