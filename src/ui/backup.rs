//! Sauvegarde: export a product's data as a JSON file, import one back (checked entirely,
//! then confirmed, before anything changes), and "Réinitialiser la démo" with its
//! confirmation. Export and import are the primary admin's (an import sets every role).

use leptos::prelude::*;

use crate::domain::command::Command;
use crate::domain::model::{Product, ProductState};
use crate::domain::permissions;
use crate::storage::exchange::{self, IMPORT_MAX_BYTES};

use super::dialog::Modal;
use super::events::download;
use super::format;
use super::shell::use_product;
use super::state::{now, use_app};

#[component]
pub fn BackupPage() -> impl IntoView {
    let app = use_app();
    let product = use_product();
    let problems = RwSignal::new(Vec::<String>::new());
    let done = RwSignal::new(None::<String>);
    // Whether the acting user of `p` may export or import (`None`: no acting user).
    let check = move |p: Product| {
        let user = app.actor_user(p)?;
        Some(
            app.state(p)
                .with(|s| permissions::check_manage_data(s, &user)),
        )
    };
    // Why the acting user may not, if they may not: one computation for the message and
    // the controls it disables.
    let refusal = Memo::new(move |_| {
        check(product.get())
            .and_then(Result::err)
            .map(|e| e.to_string())
    });
    // Checked again at the moment of acting: the acting user may have changed meanwhile.
    let allowed = move |p: Product| -> bool {
        match untrack(|| check(p)) {
            Some(Ok(())) => true,
            Some(Err(e)) => {
                problems.set(vec![e.to_string()]);
                false
            }
            None => false,
        }
    };
    // A file read and checked, waiting for the user to confirm the replacement.
    let pending = RwSignal::new(None::<(Product, ProductState)>);
    let export = move |_| {
        let p = product.get_untracked();
        problems.set(Vec::new());
        if !allowed(p) {
            return;
        }
        let text = app.state(p).with_untracked(|s| exchange::export(s, now()));
        let name = exchange::file_name(p, &format::iso(now()));
        if download(&name, &text, "application/json") {
            app.status
                .set(format!("Export de {} téléchargé ({name}).", p.label()));
        } else {
            problems.set(vec!["Le navigateur a refusé le téléchargement.".into()]);
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        problems.set(Vec::new());
        done.set(None);
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let p = product.get_untracked();
        if !allowed(p) {
            return;
        }
        if file.size() > IMPORT_MAX_BYTES as f64 {
            problems.set(vec![exchange::too_big(file.size() as u64)]);
            return;
        }
        let promise = file.text();
        leptos::task::spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(v) => v.as_string().unwrap_or_default(),
                Err(_) => {
                    problems.set(vec!["Le navigateur n'a pas pu lire ce fichier.".into()]);
                    return;
                }
            };
            let parsed = app.catalogue.with_value(|c| exchange::import(&text, p, c));
            match parsed {
                Ok(state) => pending.set(Some((p, state))),
                Err(list) => problems.set(list),
            }
        });
    };
    let cancel = Callback::new(move |_| pending.set(None));
    let confirm = Callback::new(move |_| {
        let Some((p, state)) = pending.try_update(Option::take).flatten() else {
            return;
        };
        if !allowed(p) {
            return;
        }
        match app.replace(p, state) {
            Ok(()) => done.set(Some(format!(
                "Les données de {} ont été remplacées par celles du fichier.",
                p.label()
            ))),
            Err(issue) => done.set(Some(format!(
                "Fichier importé, mais pas encore enregistré : {issue}"
            ))),
        }
    });
    let summary = move || {
        pending.with(|pending| {
            let (p, new) = pending.as_ref()?;
            let (connections, entries) = app
                .state(*p)
                .with_untracked(|s| (s.connections.len(), s.journal.len()));
            Some(format!(
                "Le fichier contient {} ({}) et {}. Il remplacera les données actuelles de {} ({} et {}) ; pour les garder, exportez-les d'abord.",
                count(new.users.len(), "utilisateur"),
                names(&new.users),
                count(new.connections.len(), "connexion"),
                p.label(),
                count(connections, "connexion"),
                count(entries, "entrée du journal"),
            ))
        })
    };
    view! {
        <h2 id="ma-section-title" tabindex="-1">"Sauvegarde"</h2>
        <p class="ma-lead">"Téléchargez les données de ce produit dans un fichier, ou remplacez-les par celles d'un fichier exporté auparavant."</p>
        {move || refusal.get().map(|r| view! { <p class="ma-message ma-message--info" id="ma-sauvegarde-droits">{r}</p> })}
        <div class="ma-app__grid">
            <section class="ma-card" aria-labelledby="ma-export-title">
                <h3 id="ma-export-title">"Exporter"</h3>
                <p>"Un fichier JSON avec les utilisateurs, les connexions, leurs paramètres et le journal."</p>
                <button
                    type="button"
                    class="ma-button ma-button--primary"
                    disabled=move || refusal.with(Option::is_some)
                    aria-describedby=move || refusal.with(|r| r.as_ref().map(|_| "ma-sauvegarde-droits"))
                    on:click=export
                >
                    "Exporter les données"
                </button>
            </section>
            <section class="ma-card" aria-labelledby="ma-import-title">
                <h3 id="ma-import-title">"Importer"</h3>
                <p>"Le fichier est vérifié en entier avant tout changement : s'il y a un problème, rien n'est modifié. 5 Mo au maximum."</p>
                <div class="ma-field">
                    <label for="ma-import">"Fichier à importer"</label>
                    <input
                        id="ma-import"
                        type="file"
                        accept="application/json,.json"
                        disabled=move || refusal.with(Option::is_some)
                        aria-describedby=move || refusal.with(|r| r.as_ref().map(|_| "ma-sauvegarde-droits"))
                        on:change=on_file
                    />
                </div>
                {move || done.get().map(|d| view! { <p class="ma-message ma-message--success" role="status">{d}</p> })}
                <Show when=move || problems.with(|p| !p.is_empty())>
                    <div class="ma-message ma-message--error" role="alert">
                        <p>"Ce fichier n'a pas été importé ; vos données n'ont pas changé :"</p>
                        <ul class="ma-problems">
                            {move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                        </ul>
                    </div>
                </Show>
            </section>
        </div>
        <Show when=move || pending.with(Option::is_some)>
            <Modal
                title=Signal::derive(move || format!("Remplacer les données de {} ?", product.get().label()))
                on_close=cancel
                return_focus="ma-import"
            >
                <p>{summary}</p>
                <ConfirmActions on_cancel=cancel confirm="Remplacer les données" on_confirm=confirm/>
            </Modal>
        </Show>
    }
}

/// The first users' names, then how many more: "Claire Martin, Julien Petit et 3 autres".
fn names(users: &[crate::domain::model::User]) -> String {
    const SHOWN: usize = 4;
    let first: Vec<&str> = users.iter().take(SHOWN).map(|u| u.name.as_str()).collect();
    match users.len().saturating_sub(SHOWN) {
        0 => first.join(", "),
        1 => format!("{} et 1 autre", first.join(", ")),
        n => format!("{} et {n} autres", first.join(", ")),
    }
}

/// "3 connexions", "1 connexion", "0 connexion" (French: the plural from 2).
fn count(n: usize, noun: &str) -> String {
    if n < 2 {
        format!("{n} {noun}")
    } else {
        let plural = match noun.split_once(' ') {
            Some((head, tail)) => format!("{head}s {tail}"),
            None => format!("{noun}s"),
        };
        format!("{n} {plural}")
    }
}

/// "Réinitialiser la démo", in the header: asks, then restores both products' demo data.
#[component]
pub fn ResetButton() -> impl IntoView {
    let app = use_app();
    let asking = RwSignal::new(false);
    let close = Callback::new(move |_| asking.set(false));
    let confirm = Callback::new(move |_| {
        for p in Product::ALL {
            let _ = app.dispatch(p, Command::Reset);
        }
        asking.set(false);
        app.status
            .set("Les données de démonstration sont rétablies dans les deux produits.".into());
    });
    view! {
        <button type="button" id="ma-reinitialiser" class="ma-button ma-button--ghost ma-header__reset" on:click=move |_| asking.set(true)>
            "Réinitialiser la démo"
        </button>
        <Show when=move || asking.get()>
            <Modal title="Réinitialiser la démo ?" on_close=close>
                <p>"Les deux produits retrouvent leurs données de démonstration : connexions, paramètres et journal. Ce que vous avez fait depuis sera perdu."</p>
                <ConfirmActions on_cancel=close confirm="Oui, tout réinitialiser" on_confirm=confirm/>
            </Modal>
        </Show>
    }
}

/// A confirmation's buttons: "Annuler", focused first (the choice that loses nothing), and
/// the action that replaces data.
#[component]
fn ConfirmActions(
    on_cancel: Callback<()>,
    confirm: &'static str,
    on_confirm: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="ma-dialog__actions">
            <button type="button" class="ma-button" data-autofocus="" on:click=move |_| on_cancel.run(())>"Annuler"</button>
            <button type="button" class="ma-button ma-button--danger" on:click=move |_| on_confirm.run(())>{confirm}</button>
        </div>
    }
}
