//! "Obtenir l'appli": the dialog that connects an app (QuickBooks) or installs it for the
//! firm or one client (Expert-Comptable, with the "Installer pour" choice), says what will
//! happen before the user confirms — including a take-over of someone else's connection —
//! and explains a refusal without changing anything.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::command::{plan_get, Command, Env, GetPlan};
use crate::domain::error::DomainError;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::domain::queries;
use crate::domain::text::fold;

use super::dialog::{unique_id, Modal};
use super::paths;
use super::state::{now, use_app};

/// More clients than this and the choice gets a filter box.
const FILTER_FROM: usize = 8;

/// The note of the help article: an app may go on processing the data it has, and the
/// user's rights are a matter for its publisher, whose contact follows.
#[component]
pub fn DataNote(
    /// The app concerned.
    app: AppId,
    /// What the note follows: "la déconnexion", "un transfert"…
    situation: &'static str,
) -> impl IntoView {
    let state = use_app();
    let known = state.catalogue.with_value(|c| {
        c.app(&app)
            .map(|a| (a.name.clone(), a.publisher.clone(), a.contact.clone()))
    });
    let (text, contact) = match known {
        Some((name, publisher, contact)) => (
            format!(
                "après {situation}, {name} peut continuer à traiter les données qu'elle a déjà reçues. \
                 Pour connaître vos droits sur ces données, adressez-vous à son éditeur, {publisher} : "
            ),
            Some(contact),
        ),
        // An app that has left the catalogue: its publisher's contact is not known any more.
        None => (
            format!(
                "après {situation}, cette appli peut continuer à traiter les données qu'elle a déjà reçues. \
                 Elle n'est plus au catalogue de Mes apps : pour connaître vos droits sur ces données, \
                 adressez-vous à son éditeur."
            ),
            None,
        ),
    };
    view! {
        <aside class="ma-note" aria-label="À propos de vos données">
            <p>
                <strong>"À savoir : "</strong>
                {text}
                {contact.map(|contact| view! { <a href=format!("mailto:{contact}")>{contact.clone()}</a>"." })}
            </p>
        </aside>
    }
}

#[component]
pub fn GetDialog(
    /// The product to connect or install in.
    product: Product,
    /// The app to get.
    app: AppId,
    /// Called on Annuler, Escape, or after success.
    on_close: Callback<()>,
    /// The target chosen in advance (a take-over from the settings view).
    #[prop(optional)]
    preset: Option<CompanyId>,
) -> impl IntoView {
    let state = use_app();
    let navigate = use_navigate();
    let navigate_to_settings = navigate.clone();
    let name = state.catalogue.with_value(|c| c.app_name(&app).to_string());
    let home = state
        .state(product)
        .with_untracked(|s| s.home_company().map(|c| c.id.clone()))
        .unwrap_or_else(|| CompanyId::new(""));
    let target = RwSignal::new(match product {
        Product::QuickBooks => Some(home.clone()),
        Product::ExpertComptable => preset,
    });
    let filter = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let app_for_plan = app.clone();
    let plan = Memo::new(move |_| {
        let actor = state.actor(product);
        let company = target.get()?;
        Some(state.catalogue.with_value(|c| {
            state.state(product).with(|s| {
                let env = Env {
                    catalogue: c,
                    now: now(),
                };
                plan_get(s, &env, &actor, &app_for_plan, &company)
            })
        }))
    });
    // A refusal that holds whatever the target (a standard user): said at once.
    let refused_everywhere = {
        let actor = state.actor(product);
        state.catalogue.with_value(|c| {
            state.state(product).with_untracked(|s| {
                let env = Env {
                    catalogue: c,
                    now: now(),
                };
                match plan_get(s, &env, &actor, &app, &home) {
                    Err(
                        e @ (DomainError::Forbidden { .. }
                        | DomainError::AppNotAvailable { .. }
                        | DomainError::UnknownUser(_)),
                    ) => Some(e.to_string()),
                    _ => None,
                }
            })
        })
    };
    let verb = match product {
        Product::QuickBooks => "Connecter",
        Product::ExpertComptable => "Installer",
    };
    let title = format!("Obtenir {name}");
    let permissions = state
        .catalogue
        .with_value(|c| c.app(&app).map(|a| a.permissions.clone()))
        .unwrap_or_default();
    let submit = {
        let app = app.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(company) = target.get_untracked() else {
                error.set(Some("Choisissez pour qui installer l'appli.".into()));
                return;
            };
            let command = Command::Get {
                app: app.clone(),
                company: company.clone(),
            };
            match state.dispatch(product, command) {
                Ok(_) => {
                    on_close.run(());
                    navigate(
                        &paths::settings(product, &company, &app),
                        Default::default(),
                    );
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    };
    let body = if let Some(message) = refused_everywhere {
        view! {
            <p class="ma-message ma-message--error" role="alert">{message}</p>
            <div class="ma-dialog__actions">
                <button type="button" class="ma-button ma-button--primary" on:click=move |_| on_close.run(())>"Fermer"</button>
            </div>
        }
        .into_any()
    } else {
        let chooser = (product == Product::ExpertComptable)
            .then(|| view! { <TargetChooser app=app.clone() target=target filter=filter/> });
        let app_id = app.clone();
        let details = move || {
            let company = target.get()?;
            let plan = plan.get()?;
            let (company_name, actor_name) = state.state(product).with(|s| {
                let actor = state.actor(product);
                (
                    s.company_name(&company).to_string(),
                    s.user_name(&actor).to_string(),
                )
            });
            Some(match plan {
                Err(DomainError::AlreadyManaged { .. }) => {
                    let href = paths::settings(product, &company, &app_id);
                    let navigate = navigate_to_settings.clone();
                    let open_settings = move |_| {
                        on_close.run(());
                        navigate(&href, Default::default());
                    };
                    view! {
                        <p class="ma-message ma-message--info">
                            {format!("Vous gérez déjà {name} pour {company_name}. ")}
                            <button type="button" class="ma-link-button" on:click=open_settings>
                                "Voir ses paramètres"
                            </button>
                        </p>
                    }
                    .into_any()
                }
                Err(e) => view! { <p class="ma-message ma-message--error" role="alert">{e.to_string()}</p> }.into_any(),
                Ok(plan) => {
                    let transfer = match &plan {
                        GetPlan::TakeOver { from } => {
                            let from = state.state(product).with(|s| s.user_name(from).to_string());
                            Some(view! {
                                <p class="ma-message ma-message--warning">
                                    {format!(
                                        "{name} est déjà {} {company_name} et gérée par {from}. En continuant, vous en reprenez la gestion : elle vous sera transférée et {from} ne la gérera plus.",
                                        if product == Product::QuickBooks { "connectée à" } else { "installée pour" }
                                    )}
                                </p>
                            })
                        }
                        _ => None,
                    };
                    view! {
                        <div class="ma-summary">
                            <h3 class="ma-summary__title">"Détails"</h3>
                            {transfer}
                            <dl class="ma-details__list">
                                <dt>{if product == Product::QuickBooks { "Entreprise" } else { "Installée pour" }}</dt>
                                <dd>{company_name}</dd>
                                <dt>"Gestion de la connexion"</dt>
                                <dd>{format!("{actor_name} (vous)")}</dd>
                                <dt>"Données auxquelles l'appli aura accès"</dt>
                                <dd>
                                    <ul>{permissions.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                                </dd>
                            </dl>
                        </div>
                    }
                    .into_any()
                }
            })
        };
        let can_submit = move || plan.get().is_some_and(|p| p.is_ok());
        view! {
            <form class="ma-form" on:submit=submit>
                {chooser}
                {details}
                <DataNote app=app.clone() situation="un transfert ou une déconnexion"/>
                {move || error.get().map(|e| view! { <p class="ma-message ma-message--error" role="alert">{e}</p> })}
                <div class="ma-dialog__actions">
                    <button type="button" class="ma-button" on:click=move |_| on_close.run(())>"Annuler"</button>
                    <button type="submit" class="ma-button ma-button--primary" disabled=move || !can_submit()>
                        {verb}
                    </button>
                </div>
            </form>
        }
        .into_any()
    };
    view! {
        <Modal title=title on_close=on_close class="ma-dialog--wide">
            {body}
        </Modal>
    }
}

/// The "Installer pour" radio group: the firm first, then each client the user may
/// access, each marked when the app is already installed there and by whom.
#[component]
pub fn TargetChooser(
    /// The app being installed.
    app: AppId,
    /// The chosen target.
    target: RwSignal<Option<CompanyId>>,
    /// The text filter's value (shown when there are many clients).
    filter: RwSignal<String>,
) -> impl IntoView {
    let state = use_app();
    let product = Product::ExpertComptable;
    let options = Memo::new(move |_| {
        let actor = state.actor(product);
        state.state(product).with(|s| {
            queries::install_targets(s, &actor, &app)
                .into_iter()
                .map(|(c, manager)| {
                    let mark = manager.map(|m| {
                        if *m == actor {
                            "déjà installée, gérée par vous".to_string()
                        } else {
                            format!("déjà installée, gérée par {}", s.user_name(m))
                        }
                    });
                    (c.id.clone(), c.name.clone(), mark)
                })
                .collect::<Vec<_>>()
        })
    });
    let many = move || options.with(|o| o.len() > FILTER_FROM + 1);
    let filter_id = unique_id("ma-filtre-cibles");
    let visible = move || {
        let f = fold(filter.get().trim());
        options
            .get()
            .into_iter()
            .enumerate()
            .filter(|(i, (id, name, _))| {
                *i == 0
                    || f.is_empty()
                    || fold(name).contains(&f)
                    || target.with(|t| t.as_ref() == Some(id))
            })
            .map(|(_, o)| o)
            .collect::<Vec<_>>()
    };
    view! {
        <Show when=many>
            <div class="ma-field">
                <label for=filter_id.clone()>"Filtrer les clients"</label>
                <input
                    id=filter_id.clone()
                    type="search"
                    maxlength="100"
                    prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev))
                />
            </div>
        </Show>
        <fieldset class="ma-fieldset ma-targets">
            <legend>"Installer pour"</legend>
            <For
                each=visible
                key=|(id, _, mark)| (id.clone(), mark.clone())
                children=move |(id, name, mark)| {
                    let input_id = format!("ma-cible-{id}");
                    let mark_id = format!("{input_id}-etat");
                    let value = id.clone();
                    let checked_id = id.clone();
                    view! {
                        <div class="ma-radio">
                            <input
                                type="radio"
                                name="ma-cible"
                                id=input_id.clone()
                                value=id.to_string()
                                aria-describedby=mark.as_ref().map(|_| mark_id.clone())
                                prop:checked=move || target.with(|t| t.as_ref() == Some(&checked_id))
                                on:change=move |_| target.set(Some(value.clone()))
                            />
                            <label for=input_id>{name}</label>
                            {mark.map(|m| view! { <span class="ma-radio__mark" id=mark_id>{m}</span> })}
                        </div>
                    }
                }
            />
        </fieldset>
    }
}
