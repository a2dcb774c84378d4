//! A connection's settings view: the app's settings with their validation messages next to
//! each field, the line "Utilisateur associé" (who manages it, and whether it is the
//! current user, with a way to take it over), and Enregistrer. Leaving with unsaved
//! changes asks first.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::command::{plan_get, Command, Env, GetPlan};
use crate::domain::error::DomainError;
use crate::domain::model::{AppId, CompanyId, Product};
use crate::domain::permissions::{self, Action};
use crate::domain::settings::{validate_input, SettingDef, SettingKind, SettingValue, TextFormat};
use crate::domain::text::char_len;

use super::format;
use super::get_app::GetDialog;
use super::paths;
use super::shell::use_product;
use super::state::{now, use_app, SettingsDraft};

const HEADING_ID: &str = "ma-settings-title";

#[component]
pub fn SettingsPage() -> impl IntoView {
    let params = use_params_map();
    let product = use_product();
    let ids = Memo::new(move |_| {
        params.with(|p| {
            (
                CompanyId::new(p.get("entreprise").unwrap_or_default()),
                AppId::new(p.get("appli").unwrap_or_default()),
            )
        })
    });
    move || {
        let (company, app) = ids.get();
        view! { <SettingsView product=product.get() company=company app=app/> }
    }
}

/// The settings of one connection, or why they cannot be shown.
#[component]
fn SettingsView(product: Product, company: CompanyId, app: AppId) -> impl IntoView {
    let state = use_app();
    let signal = state.state(product);
    let def = state.catalogue.with_value(|c| c.app(&app).cloned());
    let exists = {
        let (app, company) = (app.clone(), company.clone());
        Memo::new(move |_| {
            let actor = state.actor(product);
            signal.with(|s| {
                let visible = s
                    .user(&actor)
                    .zip(s.company(&company))
                    .is_some_and(|(u, c)| permissions::can_access(u, c));
                visible && s.connection(&app, &company).is_some()
            })
        })
    };
    let Some(def) = def else {
        return view! { <Missing product=product text="Cette appli n'existe pas dans le catalogue."/> }.into_any();
    };
    let company_name = signal.with_untracked(|s| s.company_name(&company).to_string());
    let name = def.name.clone();
    view! {
        <Show
            when=move || exists.get()
            fallback=move || {
                view! {
                    <Missing
                        product=product
                        text="Cette appli n'est pas connectée ici, ou vous n'avez pas accès à cette entreprise."
                    />
                }
            }
        >
            <h2 id=HEADING_ID tabindex="-1">{format!("Paramètres de {name}")}</h2>
            <p class="ma-lead">{format!("Connexion de {name} pour {company_name}.")}</p>
            <AssociatedUser product=product company=company.clone() app=app.clone()/>
            <SettingsForm product=product company=company.clone() def=def.clone()/>
        </Show>
    }
    .into_any()
}

#[component]
fn Missing(product: Product, text: &'static str) -> impl IntoView {
    view! {
        <h2 id=HEADING_ID tabindex="-1">"Paramètres introuvables"</h2>
        <p class="ma-message ma-message--info">{text}</p>
        <p><A href=paths::href(&paths::default_section(product))>"Revenir à vos applis connectées"</A></p>
    }
}

/// "Utilisateur associé": who manages the connection, whether it is the current user, and
/// a take-over when someone else manages it.
#[component]
fn AssociatedUser(product: Product, company: CompanyId, app: AppId) -> impl IntoView {
    let state = use_app();
    let taking_over = RwSignal::new(false);
    let info = {
        let (app, company) = (app.clone(), company.clone());
        Memo::new(move |_| {
            let actor = state.actor(product);
            state.catalogue.with_value(|cat| {
                state.state(product).with(|s| {
                    let conn = s.connection(&app, &company)?;
                    let env = Env {
                        catalogue: cat,
                        now: now(),
                    };
                    let plan = plan_get(s, &env, &actor, &app, &company);
                    Some((
                        s.user_name(&conn.manager).to_string(),
                        conn.manager == actor,
                        conn.managed_since(),
                        plan,
                    ))
                })
            })
        })
    };
    let close = Callback::new(move |_| taking_over.set(false));
    move || {
        let (manager, is_me, since, plan) = info.get()?;
        let action = match plan {
            Ok(GetPlan::TakeOver { .. }) => Some(
                view! {
                    <button type="button" id="ma-reprendre" class="ma-button" on:click=move |_| taking_over.set(true)>
                        "Reprendre la gestion"
                    </button>
                }
                .into_any(),
            ),
            Err(e @ (DomainError::TakeOverReserved { .. } | DomainError::Forbidden { .. })) if !is_me => {
                Some(view! { <p class="ma-field__hint">{e.to_string()}</p> }.into_any())
            }
            _ => None,
        };
        let app = app.clone();
        let company = company.clone();
        Some(view! {
            <section class="ma-card ma-associated" aria-labelledby="ma-associated-title">
                <p id="ma-associated-title" class="ma-associated__line">
                    <strong>"Utilisateur associé"</strong>
                    " : "
                    <span class="ma-associated__name">{manager.clone()}</span>
                    // Read as "Claire Martin, c'est vous", not as one run-on phrase.
                    <span class="ma-visually-hidden">","</span>
                    " "
                    {if is_me {
                        view! { <span class="ma-badge ma-badge--ok">"c'est vous"</span> }.into_any()
                    } else {
                        view! { <span class="ma-badge ma-badge--warn">"ce n'est pas vous"</span> }.into_any()
                    }}
                </p>
                <p class="ma-field__hint">{format!("Connexion gérée depuis le {}.", format::date(since))}</p>
                {action}
                <Show when=move || taking_over.get()>
                    <GetDialog product=product app=app.clone() on_close=close preset=company.clone()/>
                </Show>
            </section>
        })
    }
}

/// The form of the app's settings.
#[component]
fn SettingsForm(
    product: Product,
    company: CompanyId,
    def: crate::domain::catalogue::AppDef,
) -> impl IntoView {
    let state = use_app();
    let saved = {
        let (app, company) = (def.id.clone(), company.clone());
        Memo::new(move |_| {
            state
                .state(product)
                .with(|s| s.connection(&app, &company).map(|c| c.settings.clone()))
                .unwrap_or_default()
        })
    };
    // Unsaved edits left with the browser's Back button come back with the view.
    let actor = untrack(|| state.actor(product));
    let kept = state
        .take_draft(product, &actor, &company, &def.id)
        .filter(|kept| saved.with_untracked(|s| kept != s));
    let restored = kept.is_some();
    let draft = RwSignal::new(kept.unwrap_or_else(|| saved.get_untracked()));
    // When the saved settings change under an untouched form (another tab, a reset), the
    // form shows them; edits in progress are kept.
    Effect::new(move |previous: Option<BTreeMap<String, SettingValue>>| {
        let now = saved.get();
        if previous.is_some_and(|p| draft.with_untracked(|d| *d == p)) {
            draft.set(now.clone());
        }
        now
    });
    let errors = RwSignal::new(BTreeMap::<String, String>::new());
    let message = RwSignal::new(restored.then(|| {
        (
            Tone::Info,
            "Vos modifications non enregistrées sont rétablies : enregistrez-les, ou annulez-les."
                .to_string(),
        )
    }));
    let dirty = Memo::new(move |_| draft.with(|d| saved.with(|s| d != s)));
    Effect::new(move || state.unsaved.set(dirty.get()));
    {
        // Left with unsaved changes and without the leave question (which clears `unsaved`
        // when the user chooses to leave): the changes are kept, and the user is told.
        let (company, app, name) = (company.clone(), def.id.clone(), def.name.clone());
        on_cleanup(move || {
            let left_unsaved = state.unsaved.get_untracked();
            state.unsaved.set(false);
            let changed = dirty.try_get_untracked().unwrap_or(false);
            let values = draft.try_get_untracked();
            let connected = state
                .state(product)
                .try_with_untracked(|s| s.connection(&app, &company).is_some())
                .unwrap_or(false);
            if let (true, true, true, Some(values)) = (left_unsaved, changed, connected, values) {
                state.keep_draft(SettingsDraft {
                    product,
                    user: actor,
                    company,
                    app,
                    values,
                });
                state.status.set(format!(
                    "Vos modifications des paramètres de {name} ne sont pas enregistrées : elles vous attendent si vous y revenez."
                ));
            }
        });
    }
    let refusal = {
        let company = company.clone();
        Memo::new(move |_| {
            let actor = state.actor(product);
            state.state(product).with(|s| {
                let user = s.user(&actor)?;
                let company = s.company(&company)?;
                permissions::check(s, user, Action::ChangeSettings, company)
                    .err()
                    .map(|e| e.to_string())
            })
        })
    };
    let defs = def.settings.clone();
    let submit = {
        let defs = defs.clone();
        let app = def.id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let values = draft.get_untracked();
            if let Err(list) = validate_input(&defs, &values) {
                errors.set(
                    list.iter()
                        .map(|e| (e.key.clone(), e.message.clone()))
                        .collect(),
                );
                message.set(Some((
                    Tone::Error,
                    DomainError::InvalidSettings(list.clone()).to_string(),
                )));
                if let Some(first) = list.first() {
                    if let Some(el) = document().get_element_by_id(&field_id(&first.key)) {
                        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                            let _ = el.focus();
                        }
                    }
                }
                return;
            }
            errors.set(BTreeMap::new());
            let command = Command::UpdateSettings {
                app: app.clone(),
                company: company.clone(),
                values,
            };
            match state.dispatch(product, command) {
                Ok(outcome) => {
                    let text = state.catalogue.with_value(|c| {
                        state
                            .state(product)
                            .with_untracked(|s| outcome.message(s, c))
                    });
                    message.set(Some((Tone::Saved, text)));
                }
                // Nothing to save is information, not an error; right after a save (a
                // second click) the save's own message stays.
                Err(DomainError::NoChange) => {
                    if !message.with_untracked(|m| matches!(m, Some((Tone::Saved, _)))) {
                        message.set(Some((Tone::Info, DomainError::NoChange.to_string())));
                    }
                }
                Err(e) => message.set(Some((Tone::Error, e.to_string()))),
            }
        }
    };
    let fields = defs
        .into_iter()
        .map(|d| view! { <Field def=d draft=draft errors=errors disabled=Signal::derive(move || refusal.with(Option::is_some))/> })
        .collect_view();
    view! {
        <form class="ma-form ma-card" on:submit=submit novalidate=true>
            <h3 class="ma-form__title">"Réglages de l'appli"</h3>
            {move || refusal.get().map(|r| view! { <p class="ma-message ma-message--info">{format!("Vous pouvez consulter ces réglages sans les modifier. {r}")}</p> })}
            {fields}
            <div class="ma-form__actions">
                <Show when=move || refusal.with(Option::is_none)>
                    <button type="submit" class="ma-button ma-button--primary">"Enregistrer"</button>
                </Show>
                <Show when=move || dirty.get()>
                    <button type="button" class="ma-button" on:click=move |_| {
                        draft.set(saved.get_untracked());
                        errors.set(BTreeMap::new());
                        message.set(None);
                    }>
                        "Annuler les modifications"
                    </button>
                    <span class="ma-field__hint">"Modifications non enregistrées"</span>
                </Show>
            </div>
            {move || {
                message.get().map(|(tone, text)| match tone {
                    // Announced once, by the page's status region (the dispatch sets it).
                    Tone::Saved => view! { <p class="ma-message ma-message--success">{text}</p> }.into_any(),
                    Tone::Info => view! { <p class="ma-message ma-message--info" role="status">{text}</p> }.into_any(),
                    Tone::Error => view! { <p class="ma-message ma-message--error" role="alert">{text}</p> }.into_any(),
                })
            }}
        </form>
    }
}

/// The form's message: a save (already announced by the page's status region), an
/// information, or a refusal.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tone {
    Saved,
    Info,
    Error,
}

fn field_id(key: &str) -> String {
    format!("ma-reglage-{key}")
}

/// One setting's control, with its help and its error next to it.
#[component]
fn Field(
    def: SettingDef,
    draft: RwSignal<BTreeMap<String, SettingValue>>,
    errors: RwSignal<BTreeMap<String, String>>,
    disabled: Signal<bool>,
) -> impl IntoView {
    let id = field_id(&def.key);
    let help_id = format!("{id}-aide");
    let error_id = format!("{id}-erreur");
    let key = def.key.clone();
    let error = {
        let key = key.clone();
        Memo::new(move |_| errors.with(|e| e.get(&key).cloned()))
    };
    let described = {
        let (help_id, error_id) = (help_id.clone(), error_id.clone());
        move || {
            if error.with(Option::is_some) {
                format!("{error_id} {help_id}")
            } else {
                help_id.clone()
            }
        }
    };
    let set = {
        let key = key.clone();
        move |value: SettingValue| {
            draft.update(|d| {
                d.insert(key.clone(), value);
            });
            errors.update(|e| {
                e.remove(&key);
            });
        }
    };
    let current = {
        let key = key.clone();
        move || draft.with(|d| d.get(&key).cloned())
    };
    let control = match &def.kind {
        SettingKind::Toggle { .. } => {
            let set = set.clone();
            view! {
                <div class="ma-checkbox">
                    <input
                        type="checkbox"
                        id=id.clone()
                        aria-describedby=described.clone()
                        disabled=move || disabled.get()
                        prop:checked=move || matches!(current(), Some(SettingValue::Bool(true)))
                        on:change=move |ev| set(SettingValue::Bool(event_target_checked(&ev)))
                    />
                    <label for=id.clone()>{def.label.clone()}</label>
                </div>
            }
            .into_any()
        }
        SettingKind::Choice { options, .. } => {
            let set = set.clone();
            let options = options.clone();
            view! {
                <label for=id.clone()>{def.label.clone()}</label>
                <select
                    id=id.clone()
                    aria-describedby=described.clone()
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    disabled=move || disabled.get()
                    on:change=move |ev| set(SettingValue::Text(event_target_value(&ev)))
                >
                    {options
                        .into_iter()
                        .map(|o| {
                            let value = o.value.clone();
                            let current = current.clone();
                            view! {
                                <option
                                    value=o.value.clone()
                                    selected=move || matches!(current(), Some(SettingValue::Text(v)) if v == value)
                                >
                                    {o.label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            }
            .into_any()
        }
        SettingKind::Text {
            format, max_len, ..
        } => {
            let set = set.clone();
            let max = *max_len;
            let input_type = if *format == TextFormat::Email {
                "email"
            } else {
                "text"
            };
            let mode = match format {
                TextFormat::Digits => "numeric",
                TextFormat::Email => "email",
                _ => "text",
            };
            let text = move || match current() {
                Some(SettingValue::Text(t)) => t,
                _ => String::new(),
            };
            let count = {
                let text = text.clone();
                move || {
                    let n = char_len(&text());
                    if n > max {
                        format!("{n} caractères : {max} au maximum, raccourcissez le texte.")
                    } else if n == max {
                        format!("{n} / {max} caractères : c'est le maximum.")
                    } else {
                        format!("{n} / {max} caractères")
                    }
                }
            };
            view! {
                <label for=id.clone()>{def.label.clone()}</label>
                <input
                    type=input_type
                    id=id.clone()
                    inputmode=mode
                    maxlength=max.to_string()
                    autocomplete="off"
                    aria-describedby=described.clone()
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    disabled=move || disabled.get()
                    prop:value=text
                    on:input=move |ev| set(SettingValue::Text(event_target_value(&ev)))
                />
                <span class="ma-field__counter">{count}</span>
            }
            .into_any()
        }
    };
    let help = match &def.kind {
        SettingKind::Text { example, .. } if !example.is_empty() => {
            format!("{} Exemple : {example}", def.help)
        }
        _ => def.help.clone(),
    };
    view! {
        <div class="ma-field" class:ma-field--invalid=move || error.with(Option::is_some)>
            {control}
            {move || error.get().map(|e| view! { <p id=error_id.clone() class="ma-field__error">{e}</p> })}
            <p id=help_id class="ma-field__hint">{help}</p>
        </div>
    }
}
