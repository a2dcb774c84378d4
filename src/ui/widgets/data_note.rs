//! The note of the help article, wherever a user disconnects or transfers: an app may go
//! on processing the data it already has, and the user's rights over it are a matter for
//! its publisher, whose contact follows.

use leptos::prelude::*;

use crate::domain::i18n::args;
use crate::domain::model::AppId;
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;

/// The note of the help article: an app may go on processing the data it has, and the
/// user's rights are a matter for its publisher, whose contact follows.
#[component]
pub fn DataNote(
    /// The app concerned.
    app: AppId,
    /// What the note follows: "la déconnexion", "un transfert"…
    situation: &'static str,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let known = products.catalogue.with_value(|c| {
        c.app(&app)
            .map(|a| (a.name.clone(), a.publisher.clone(), a.contact.clone()))
    });
    let (text, contact) = match known {
        Some((name, publisher, contact)) => (
            lang.widgets_note_known(args::WidgetsNoteKnown {
                name: &name,
                publisher: &publisher,
                situation: &situation,
            }),
            Some(contact),
        ),
        // An app that has left the catalogue: its publisher's contact is not known any more.
        None => (lang.widgets_note_gone(situation), None),
    };
    view! {
        <aside class="ma-note" aria-label=lang.ctl_about_your_data()>
            <p>
                <strong>{lang.widgets_note_lead()}</strong>
                {text}
                {contact.map(|contact| view! { <a href=format!("mailto:{contact}")>{contact.clone()}</a>"." })}
            </p>
        </aside>
    }
}

/// The same note for several apps at once (a handover, a bulk disconnection): one
/// sentence, then each app's publisher and contact. One app gets the single note.
#[component]
pub fn DataNotes(
    /// The apps concerned (each once).
    apps: Vec<AppId>,
    /// What the note follows: "la déconnexion", "un transfert"…
    situation: &'static str,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    if let [one] = apps.as_slice() {
        return view! { <DataNote app=one.clone() situation=situation/> }.into_any();
    }
    let publishers: Vec<(String, String, String)> = products.catalogue.with_value(|c| {
        apps.iter()
            .map(|id| match c.app(id) {
                Some(a) => (a.name.clone(), a.publisher.clone(), a.contact.clone()),
                None => (id.to_string(), String::new(), String::new()),
            })
            .collect()
    });
    view! {
        <aside class="ma-note" aria-label=lang.ctl_about_your_data()>
            <p>
                <strong>{lang.widgets_note_lead()}</strong>
                {lang.widgets_note_many(situation)}
            </p>
            <ul>
                {publishers
                    .into_iter()
                    .map(|(name, publisher, contact)| {
                        let reach = if contact.is_empty() {
                            view! { {lang.widgets_note_publisher_gone()} }.into_any()
                        } else {
                            view! { {format!("{publisher}, ")}<a href=format!("mailto:{contact}")>{contact.clone()}</a> }.into_any()
                        };
                        view! { <li>{lang.widgets_note_app(name)}{reach}</li> }

                    })
                    .collect_view()}
            </ul>
        </aside>
    }
    .into_any()
}
