//! The form of a connection's settings: a draft of the values, checked field by field on
//! Enregistrer and saved through the domain. Unsaved edits mark the view (leaving it
//! asks first), and edits left without that question are kept for the user who typed
//! them, to be given back when they open the same settings again.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::access::permissions::{self, Action};
use crate::domain::catalogue::AppDef;
use crate::domain::commands::Command;
use crate::domain::forms::settings::{validate_input, SettingValue};
use crate::domain::model::error::DomainError;
use crate::domain::model::{CompanyId, Product, UserId};
use crate::ui::state::leave::{use_leave_guard, LeaveGuard, SettingsDraft};
use crate::ui::state::products::{use_products, Products};
use crate::ui::state::session::use_lang;
use crate::ui::state::status::use_status;

use crate::ui::web::dom;

use crate::ui::widgets::setting_field::{field_id, Field};

type Values = BTreeMap<String, SettingValue>;

/// The form's message: a save (already announced by the page's status region), an
/// information, or a refusal.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tone {
    Saved,
    Info,
    Error,
}

type Message = RwSignal<Option<(Tone, String)>>;

#[component]
pub fn SettingsForm(
    product: Product,
    /// The acting user, whose form this is.
    actor: UserId,
    company: CompanyId,
    def: AppDef,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let leave = use_leave_guard();
    let saved = {
        let (app, company) = (def.id.clone(), company.clone());
        Memo::new(move |_| {
            products
                .state(product)
                .with(|s| s.connection(&app, &company).map(|c| c.settings.clone()))
                .unwrap_or_default()
        })
    };
    // Unsaved edits left with the browser's Back button come back with the view.
    let kept = leave
        .take_draft(product, &actor, &company, &def.id)
        .filter(|kept| saved.with_untracked(|s| kept != s));
    let message: Message = RwSignal::new(
        kept.is_some()
            .then(|| (Tone::Info, lang.settings_restored_draft().to_string())),
    );
    let draft = RwSignal::new(kept.unwrap_or_else(|| saved.get_untracked()));
    follow_untouched(saved, draft);
    let errors = RwSignal::new(BTreeMap::<String, String>::new());
    let dirty = Memo::new(move |_| draft.with(|d| saved.with(|s| d != s)));
    Effect::new(move || leave.set_unsaved(dirty.get()));
    keep_on_leave(
        SettingsDraft {
            product,
            user: actor.clone(),
            company: company.clone(),
            app: def.id.clone(),
            values: Values::new(),
        },
        def.name.clone(),
        draft,
        dirty,
    );
    let refusal = {
        let (company, actor) = (company.clone(), actor.clone());
        Memo::new(move |_| {
            products.state(product).with(|s| {
                permissions::check_ids(s, &actor, Action::ChangeSettings, &company)
                    .err()
                    .map(|e| e.text(crate::ui::state::session::use_lang()))
            })
        })
    };
    let submit = {
        let (def, company) = (def.clone(), company.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            save(
                products,
                product,
                &company,
                &def,
                draft.get_untracked(),
                errors,
                message,
            );
        }
    };
    let disabled = Signal::derive(move || refusal.with(Option::is_some));
    let fields = def
        .settings
        .into_iter()
        .map(|d| view! { <Field def=d draft=draft errors=errors disabled=disabled/> })
        .collect_view();
    let revert = move |_| {
        draft.set(saved.get_untracked());
        errors.set(BTreeMap::new());
        message.set(None);
    };
    view! {
        <form class="ma-form ma-card" on:submit=submit novalidate=true>
            <h3 class="ma-form__title">{lang.settings_app_settings()}</h3>
            {move || refusal.get().map(|r| view! { <p class="ma-message ma-message--info">{lang.settings_read_only(r)}</p> })}
            {fields}
            <div class="ma-form__actions">
                <Show when=move || refusal.with(Option::is_none)>
                    <button type="submit" class="ma-button ma-button--primary">{lang.ctl_save()}</button>
                </Show>
                <Show when=move || dirty.get()>
                    <button type="button" class="ma-button" on:click=revert>{lang.ctl_cancel_changes()}</button>
                    <span class="ma-field__hint">{lang.settings_unsaved()}</span>
                </Show>
            </div>
            <FormMessage message=message/>
        </form>
    }
}

/// When the saved settings change under an untouched form (another tab, a reset), the
/// form shows them; edits in progress are kept.
fn follow_untouched(saved: Memo<Values>, draft: RwSignal<Values>) {
    Effect::new(move |previous: Option<Values>| {
        let now = saved.get();
        if previous.is_some_and(|p| draft.with_untracked(|d| *d == p)) {
            draft.set(now.clone());
        }
        now
    });
}

/// Left with unsaved changes and without the leave question (which clears the unsaved
/// mark when the user chooses to leave): the changes are kept for their author, who is
/// told. `kept` names whose edits of what they are; its values are filled in then.
fn keep_on_leave(kept: SettingsDraft, name: String, draft: RwSignal<Values>, dirty: Memo<bool>) {
    let leave: LeaveGuard = use_leave_guard();
    let products = use_products();
    let status = use_status();
    let lang = use_lang();
    on_cleanup(move || {
        let left_unsaved = leave.is_unsaved();
        leave.set_unsaved(false);
        let changed = dirty.try_get_untracked().unwrap_or(false);
        let values = draft.try_get_untracked();
        let connected = products
            .state(kept.product)
            .try_with_untracked(|s| s.connection(&kept.app, &kept.company).is_some())
            .unwrap_or(false);
        if let (true, true, true, Some(values)) = (left_unsaved, changed, connected, values) {
            leave.keep_draft(SettingsDraft { values, ..kept });
            status.say(lang.settings_kept_draft(&name));
        }
    });
}

/// Enregistrer: checks every field (each error next to its field, focus on the first),
/// then saves through the domain.
fn save(
    products: Products,
    product: Product,
    company: &CompanyId,
    def: &AppDef,
    values: Values,
    errors: RwSignal<BTreeMap<String, String>>,
    message: Message,
) {
    if let Err(list) = validate_input(&def.settings, &values) {
        errors.set(
            list.iter()
                .map(|e| {
                    (
                        e.key.clone(),
                        e.message(crate::ui::state::session::use_lang()),
                    )
                })
                .collect(),
        );
        message.set(Some((
            Tone::Error,
            DomainError::InvalidSettings(list.clone()).text(crate::ui::state::session::use_lang()),
        )));
        if let Some(first) = list.first() {
            dom::focus(&field_id(&first.key));
        }
        return;
    }
    errors.set(BTreeMap::new());
    let command = Command::UpdateSettings {
        app: def.id.clone(),
        company: company.clone(),
        values,
    };
    match products.dispatch(product, command) {
        Ok(outcome) => {
            let text = products.catalogue.with_value(|c| {
                products.state(product).with_untracked(|s| {
                    outcome.message(s, c, crate::ui::state::session::use_lang())
                })
            });
            message.set(Some((Tone::Saved, text)));
        }
        // Nothing to save is information, not an error; right after a save (a second
        // click) the save's own message stays.
        Err(DomainError::NoChange) => {
            if !message.with_untracked(|m| matches!(m, Some((Tone::Saved, _)))) {
                message.set(Some((
                    Tone::Info,
                    DomainError::NoChange.text(crate::ui::state::session::use_lang()),
                )));
            }
        }
        Err(e) => message.set(Some((
            Tone::Error,
            e.text(crate::ui::state::session::use_lang()),
        ))),
    }
}

#[component]
fn FormMessage(message: Message) -> impl IntoView {
    move || {
        message.get().map(|(tone, text)| match tone {
            // Announced once, by the page's status region (the dispatch sets it).
            Tone::Saved => {
                view! { <p class="ma-message ma-message--success">{text}</p> }.into_any()
            }
            Tone::Info => {
                view! { <p class="ma-message ma-message--info" role="status">{text}</p> }.into_any()
            }
            Tone::Error => {
                view! { <p class="ma-message ma-message--error" role="alert">{text}</p> }.into_any()
            }
        })
    }
}
