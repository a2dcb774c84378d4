//! The disconnection dialog: the questionnaire (a radio group of reasons; "Autre" asks for
//! a short text with a counter), the note about data the app may keep processing with its
//! publisher's contact, and Déconnecter, enabled once the answers are valid. A user who
//! may not disconnect is told who may, and nothing changes.

use leptos::prelude::*;

use crate::domain::command::Command;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::domain::permissions::{self, Action};
use crate::domain::questionnaire::{Answers, Reason, OTHER_MAX};
use crate::domain::text::char_len;

use super::dialog::{unique_id, Modal};
use super::get_app::DataNote;
use super::state::use_app;

/// Whether the acting user may disconnect; the refusal's sentence otherwise.
fn refusal(product: Product, company: &CompanyId) -> Option<String> {
    let app = use_app();
    let actor = app.actor(product);
    app.state(product).with_untracked(|s| {
        let user = s.user(&actor)?;
        let company = s.company(company)?;
        permissions::check(s, user, Action::Disconnect, company)
            .err()
            .map(|e| e.to_string())
    })
}

#[component]
pub fn DisconnectDialog(
    /// The product the connection belongs to.
    product: Product,
    /// The app to disconnect.
    app: AppId,
    /// The company it is connected to.
    company: CompanyId,
    /// Called on Annuler or Escape: nothing changed.
    on_close: Callback<()>,
    /// Called once the app is disconnected.
    on_done: Callback<()>,
    /// The element to focus when the dialog closes without disconnecting.
    #[prop(into)]
    return_focus: String,
    /// The element to focus once disconnected (the row and its ▼ are gone by then).
    #[prop(optional, into)]
    fallback_focus: Option<String>,
) -> impl IntoView {
    let state = use_app();
    let name = state.catalogue.with_value(|c| c.app_name(&app).to_string());
    let company_name = state
        .state(product)
        .with_untracked(|s| s.company_name(&company).to_string());
    let title = format!("Déconnecter {name}");
    let reason = RwSignal::new(None::<Reason>);
    let other = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let answers = move || Answers {
        reason: reason.get(),
        other: other.get(),
    };
    let valid = Memo::new(move |_| answers().validate().is_ok());
    let refused = refusal(product, &company);
    let other_id = unique_id("ma-autre");
    let counter_id = unique_id("ma-autre-compteur");
    let legend = format!("Pourquoi déconnectez-vous {name} ?");
    let submit = {
        let app_id = app.clone();
        let company = company.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let command = Command::Disconnect {
                app: app_id.clone(),
                company: company.clone(),
                answers: answers(),
            };
            match state.dispatch(product, command) {
                Ok(_) => on_done.run(()),
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    };
    let body = match refused {
        Some(message) => view! {
            <p class="ma-message ma-message--error" role="alert">{message}</p>
            <div class="ma-dialog__actions">
                <button type="button" class="ma-button ma-button--primary" on:click=move |_| on_close.run(())>"Fermer"</button>
            </div>
        }
        .into_any(),
        None => {
            let radios = Reason::ALL
                .into_iter()
                .map(|r| {
                    let id = format!("ma-raison-{}", r.slug());
                    view! {
                        <div class="ma-radio">
                            <input
                                type="radio"
                                id=id.clone()
                                name="ma-raison"
                                value=r.slug()
                                prop:checked=move || reason.get() == Some(r)
                                on:change=move |_| reason.set(Some(r))
                            />
                            <label for=id>{r.label()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <p>{format!("{name} sera déconnectée de {company_name}. Dites-nous pourquoi avant de confirmer.")}</p>
                <form class="ma-form" on:submit=submit>
                    <fieldset class="ma-fieldset">
                        <legend>{legend}</legend>
                        {radios}
                    </fieldset>
                    <Show when=move || reason.get() == Some(Reason::Other)>
                        <div class="ma-field">
                            <label for=other_id.clone()>"Précisez la raison"</label>
                            <textarea
                                id=other_id.clone()
                                rows="3"
                                required=true
                                maxlength=OTHER_MAX.to_string()
                                aria-describedby=counter_id.clone()
                                prop:value=move || other.get()
                                on:input=move |ev| other.set(event_target_value(&ev))
                            ></textarea>
                            // The count is read with the field; only reaching the limit is
                            // announced (a live count would speak at every keystroke).
                            <p class="ma-visually-hidden" aria-live="polite">
                                {move || (char_len(&other.get()) >= OTHER_MAX).then(|| {
                                    format!("{OTHER_MAX} caractères au maximum : la limite est atteinte.")
                                })}
                            </p>
                            <p id=counter_id.clone() class="ma-field__hint">
                                {move || {
                                    let n = char_len(&other.get());
                                    if n > OTHER_MAX {
                                        format!("{n} caractères : {OTHER_MAX} au maximum, raccourcissez le texte.")
                                    } else if n == OTHER_MAX {
                                        format!("{n} / {OTHER_MAX} caractères : c'est le maximum.")
                                    } else {
                                        format!("{n} / {OTHER_MAX} caractères")
                                    }
                                }}
                            </p>
                        </div>
                    </Show>
                    <DataNote app=app.clone() situation="la déconnexion"/>
                    {move || error.get().map(|e| view! { <p class="ma-message ma-message--error" role="alert">{e}</p> })}
                    <div class="ma-dialog__actions">
                        <button type="button" class="ma-button" on:click=move |_| on_close.run(())>"Annuler"</button>
                        <button type="submit" class="ma-button ma-button--danger" disabled=move || !valid.get()>
                            "Déconnecter"
                        </button>
                    </div>
                </form>
            }
            .into_any()
        }
    };
    view! {
        <Modal title=title on_close=on_close return_focus=return_focus fallback_focus=fallback_focus>
            {body}
        </Modal>
    }
}
