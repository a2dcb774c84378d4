//! "Ajouter un utilisateur" and "Modifier NAME": the person's form (Nom, Adresse e-mail,
//! the radio group Rôle, in Expert-Comptable the group Accès aux clients). A change that
//! takes connections out of the person's rights lists them and asks who takes them over
//! (see `successor`); the domain checks everything again when the form is sent.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::commands::Command;
use crate::domain::i18n::Lang;
use crate::domain::model::error::DomainError;
use crate::domain::model::team::{PeopleError, UserField, UserFieldError};
use crate::domain::model::{CompanyId, Product, UserId};
use crate::domain::people::form::{self, UserForm, MAX_EMAIL, MAX_NAME};
use crate::domain::people::{self};
use crate::ui::state::products::use_products;
use crate::ui::state::session::use_lang;
use crate::ui::web::dom;
use crate::ui::widgets::modal::Modal;
use crate::ui::widgets::selection::label;

use super::fields::{ClientsGroup, RoleGroup, TextField};
use super::successor::{self, Successor, SuccessorChoice};

/// The form being filled in, field by field.
#[derive(Clone, Copy)]
pub(super) struct Draft {
    pub name: RwSignal<String>,
    pub email: RwSignal<String>,
    pub admin: RwSignal<bool>,
    pub all_clients: RwSignal<bool>,
    pub clients: RwSignal<BTreeSet<CompanyId>>,
}

impl Draft {
    fn new(f: UserForm) -> Draft {
        Draft {
            name: RwSignal::new(f.name),
            email: RwSignal::new(f.email),
            admin: RwSignal::new(f.admin),
            all_clients: RwSignal::new(f.all_clients),
            clients: RwSignal::new(f.clients.into_iter().collect()),
        }
    }

    /// What the form holds now (tracked: a memo follows it).
    fn form(&self) -> UserForm {
        UserForm {
            name: self.name.get(),
            email: self.email.get(),
            admin: self.admin.get(),
            all_clients: self.all_clients.get(),
            clients: self.clients.get().into_iter().collect(),
        }
    }
}

/// The id of a field's input, to focus the first one to correct.
fn field_id(field: UserField) -> &'static str {
    match field {
        UserField::Name => "ma-utilisateur-nom",
        UserField::Email => "ma-utilisateur-email",
        UserField::Clients => "ma-utilisateur-tous-clients",
    }
}

/// The connections the change in `draft` would take out of `editing`'s rights, as lines
/// ("App — Company"); none while adding someone.
fn lost_lines(product: Product, editing: Option<UserId>, draft: Draft) -> Memo<Vec<String>> {
    let products = use_products();
    Memo::new(move |_| {
        let f = draft.form();
        products.catalogue.with_value(|cat| {
            products.state(product).with(|s| {
                let Some(who) = editing.as_ref().and_then(|id| s.user(id)) else {
                    return Vec::new();
                };
                let after = form::changed(who, &f.tidy(s));
                people::lost_connections(s, who, &after)
                    .into_iter()
                    .map(|c| label(cat.app_name(&c.app), s.company_name(&c.company)))
                    .collect()
            })
        })
    })
}

/// Shows a refusal: each field's problem beside it (focus on the first), or the sentence.
fn refused(
    e: DomainError,
    (errors, error): (RwSignal<Vec<UserFieldError>>, RwSignal<Option<String>>),
    lang: Lang,
) {
    match e {
        DomainError::People(PeopleError::Invalid(list)) => {
            if let Some(first) = list.first() {
                dom::focus(field_id(first.field));
            }
            error.set(None);
            errors.set(list);
        }
        e => {
            errors.set(Vec::new());
            error.set(Some(e.text(lang)));
        }
    }
}

#[component]
pub fn UserDialog(
    product: Product,
    /// The person changed; `None` to add someone.
    editing: Option<UserId>,
    on_close: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let lang = use_lang();
    let (initial, title) = products.state(product).with_untracked(|s| {
        match editing.as_ref().and_then(|id| s.user(id)) {
            Some(u) => (UserForm::of(u), lang.users_edit_title(&u.name)),
            None => (UserForm::default(), lang.users_ctl_add().to_string()),
        }
    });
    let draft = Draft::new(initial);
    let errors = RwSignal::new(Vec::<UserFieldError>::new());
    let error = RwSignal::new(None::<String>);
    let to = RwSignal::new(
        editing
            .as_ref()
            .and_then(|id| successor::first(product, id)),
    );
    let lost = lost_lines(product, editing.clone(), draft);
    let submit = {
        let editing = editing.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let f = draft.form();
            let command = match &editing {
                None => Command::AddUser(f),
                Some(id) => Command::ChangeUser {
                    id: id.clone(),
                    form: f,
                    to: to.get_untracked(),
                },
            };
            match products.dispatch(product, command) {
                Ok(_) => on_close.run(()),
                Err(e) => refused(e, (errors, error), lang),
            }
        }
    };
    let field_error = move |field: UserField| {
        Signal::derive(move || {
            errors.with(|l| l.iter().find(|e| e.field == field).map(|e| e.message(lang)))
        })
    };
    let has_clients = products
        .state(product)
        .with_untracked(|s| s.clients().next().is_some());
    let confirm = if editing.is_some() {
        lang.users_ctl_save()
    } else {
        lang.users_ctl_add_confirm()
    };
    let who = editing.clone();
    let who_name = products.state(product).with_untracked(|s| {
        editing
            .as_ref()
            .map(|id| s.user_name(id).to_string())
            .unwrap_or_default()
    });
    view! {
        <Modal title=title on_close=on_close fallback_focus=Some("ma-section-title".to_string()) class="ma-dialog--wide">
            <form class="ma-form" on:submit=submit novalidate>
                {editing.is_none().then(|| view! { <p>{lang.users_add_lead()}</p> })}
                <TextField id=field_id(UserField::Name) label=lang.users_ctl_name() value=draft.name max=MAX_NAME error=field_error(UserField::Name) kind="text" autocomplete="name"/>
                <TextField id=field_id(UserField::Email) label=lang.users_ctl_email() value=draft.email max=MAX_EMAIL error=field_error(UserField::Email) kind="email" autocomplete="email"/>
                <RoleGroup admin=draft.admin/>
                {has_clients.then(|| view! { <ClientsGroup product=product draft=draft error=field_error(UserField::Clients)/> })}
                {move || {
                    let lines = lost.get();
                    let who = who.clone()?;
                    let lead = lang.users_lost_lead(lines.len(), &who_name);
                    (!lines.is_empty()).then(|| view! {
                        <SuccessorChoice product=product leaving=who successor=Successor { lead, lines, to }/>
                    })
                }}
                {move || error.get().map(|e| view! { <p class="ma-message ma-message--error" role="alert">{e}</p> })}
                <div class="ma-dialog__actions">
                    <button type="button" class="ma-button" on:click=move |_| on_close.run(())>{lang.users_ctl_cancel()}</button>
                    <button type="submit" class="ma-button ma-button--primary">{confirm}</button>
                </div>
            </form>
        </Modal>
    }
}
