//! The better way out the questionnaire offers for the chosen reason (see
//! `domain::views::way_out`): a sentence, and the button that takes it when the user may —
//! "Reconnecter plutôt", "Prendre en charge plutôt" — or who may. Déconnecter stays.

use leptos::prelude::*;

use crate::domain::forms::questionnaire::Reason;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::domain::views::way_out::{self, WayOut};
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_session;

/// What the user chose instead of disconnecting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instead {
    Reconnect,
    TakeOver,
}

#[component]
pub fn WayOutOffer(
    product: Product,
    app: AppId,
    company: CompanyId,
    /// The app's name.
    name: String,
    /// The reason chosen in the questionnaire.
    reason: RwSignal<Option<Reason>>,
    /// Called with the way the user takes instead.
    on_choose: Callback<Instead>,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let offer = Memo::new(move |_| {
        let reason = reason.get()?;
        let actor = session.actor(product);
        products.with_env(product, |s, env| {
            let way = way_out::for_reason(s, env, &actor, (&app, &company), reason)?;
            Some((
                way.explanation(s, &name, crate::ui::state::session::use_lang()),
                way,
            ))
        })
    });
    move || {
        offer.get().map(|(text, way)| {
            let button = way.button(crate::ui::state::session::use_lang()).map(|label| {
                let instead = match way {
                    WayOut::TakeOver { .. } => Instead::TakeOver,
                    _ => Instead::Reconnect,
                };
                view! {
                    <button type="button" class="ma-button ma-button--primary" on:click=move |_| on_choose.run(instead)>
                        {label}
                    </button>
                }
            });
            view! {
                <div class="ma-message ma-message--info ma-way-out">
                    <p>{text}</p>
                    {button}
                </div>
            }
        })
    }
}
