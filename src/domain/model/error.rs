//! Every refusal of the domain, as a type; its `text` is the sentence the user reads, in
//! either language, which says what went wrong and, for a permission, who may do it
//! (the UI has no French fallback: every sentence it shows is asked for in its language).

use super::action::{Action, GetKind};
use super::ids::{AppId, CompanyId};
use super::people::{Gender, Product, Role};
use super::request::RequestError;
use super::review::ReviewError;
use super::suspension::SuspendError;
use super::team::PeopleError;
use super::update::UpdateError;
use crate::domain::forms::questionnaire::QuestionnaireError;
use crate::domain::forms::settings::FieldError;
use crate::domain::i18n::args;
use crate::domain::i18n::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DomainError {
    UnknownUser(String),
    UnknownApp(String),
    UnknownCompany(String),
    /// The app does not work with this product.
    AppNotAvailable {
        app: String,
        product: Product,
    },
    /// The user's role does not allow the action.
    Forbidden {
        action: Action,
        product: Product,
        /// The refused user's role, and gender so that the role reads naturally.
        role: Role,
        gender: Gender,
        /// Who may, in the product's order.
        allowed: Vec<String>,
    },
    /// The user has no access to this client.
    ClientNotAccessible {
        client: String,
        /// Who may, in the product's order.
        allowed: Vec<String>,
    },
    /// Expert-Comptable: only the primary admin takes over an app.
    TakeOverReserved {
        primary: String,
        primary_gender: Gender,
    },
    /// The user already manages this connection.
    AlreadyManaged {
        app: String,
        company: String,
    },
    NotConnected {
        app: String,
        company: String,
    },
    InvalidSettings(Vec<FieldError>),
    /// Saving settings that are the same as before.
    NoChange,
    Questionnaire(QuestionnaireError),
    /// A new connection asked where the app already is (installed there meanwhile, say).
    AlreadyThere {
        app: String,
        company: String,
        kind: GetKind,
    },
    /// A reset or a batch inside a batch.
    NotInBatch,
    /// A batch of no command, or of too many.
    BatchSize {
        len: usize,
        max: usize,
    },
    /// Every command of a batch was refused: each one's reason.
    NoneDone(Vec<Refused>),
    /// The demo's clock would go further ahead than it may.
    ClockLimit {
        max_days: i64,
    },
    /// Lancer on a connection left unused too long: it must be reconnected first.
    Expired {
        app: String,
        company: String,
    },
    /// A request for an app (see `request`).
    Request(RequestError),
    /// A suspension, or an action on a suspended connection (see `suspend`).
    Suspension(SuspendError),
    /// A change to the product's people, or an app nobody manages (see `people`).
    People(PeopleError),
    /// An access review's step (see `reviews`).
    Review(ReviewError),
    Update(UpdateError),
}

impl From<UpdateError> for DomainError {
    fn from(e: UpdateError) -> Self {
        DomainError::Update(e)
    }
}

impl From<ReviewError> for DomainError {
    fn from(e: ReviewError) -> Self {
        DomainError::Review(e)
    }
}

impl From<PeopleError> for DomainError {
    fn from(e: PeopleError) -> Self {
        DomainError::People(e)
    }
}

impl From<RequestError> for DomainError {
    fn from(e: RequestError) -> Self {
        DomainError::Request(e)
    }
}

impl From<SuspendError> for DomainError {
    fn from(e: SuspendError) -> Self {
        DomainError::Suspension(e)
    }
}

impl DomainError {
    /// The sentence the user reads, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            DomainError::UnknownUser(id) => lang.error_unknown_user(id),
            DomainError::UnknownApp(id) => lang.error_unknown_app(id),
            DomainError::UnknownCompany(id) => lang.error_unknown_company(id),
            DomainError::AppNotAvailable { app, product } => {
                lang.error_app_not_available(args::ErrorAppNotAvailable {
                    app: &app,
                    product: &product.label(),
                })
            }
            DomainError::Forbidden {
                action,
                product,
                role,
                gender,
                allowed,
            } => {
                let said = lang.error_forbidden(args::ErrorForbidden {
                    action: &action.phrase(*product, lang),
                    role: &role.label(*gender, lang),
                });
                if allowed.is_empty() {
                    said
                } else {
                    said + &lang.error_forbidden_ask(names_or(allowed, lang))
                }
            }
            DomainError::ClientNotAccessible { client, allowed } => {
                let said = lang.error_client_not_accessible(client);
                if allowed.is_empty() {
                    said
                } else {
                    said + &lang.error_client_not_accessible_ask(names_or(allowed, lang))
                }
            }
            DomainError::TakeOverReserved {
                primary,
                primary_gender,
            } => lang.error_take_over_reserved(args::ErrorTakeOverReserved {
                primary: &primary,
                role: &Role::PrimaryAdmin.label(*primary_gender, lang),
            }),
            DomainError::AlreadyManaged { app, company } => {
                lang.error_already_managed(args::ErrorAlreadyManaged {
                    app: &app,
                    company: &company,
                })
            }
            DomainError::NotConnected { app, company } => {
                lang.error_not_connected(args::ErrorNotConnected {
                    app: &app,
                    company: &company,
                })
            }
            DomainError::InvalidSettings(errors) => lang.error_invalid_settings(errors.len()),
            DomainError::NoChange => lang.error_no_change().to_string(),
            DomainError::Questionnaire(e) => e.text(lang),
            DomainError::AlreadyThere { app, company, kind } => {
                lang.error_already_there(args::ErrorAlreadyThere {
                    app: &app,
                    company: &company,
                    done_at: &kind.done_at(lang),
                })
            }
            DomainError::NotInBatch => lang.error_not_in_batch().to_string(),
            DomainError::BatchSize { len: 0, .. } => lang.error_nothing_selected().to_string(),
            DomainError::BatchSize { max, .. } => lang.error_batch_too_big(max),
            DomainError::NoneDone(items) => {
                let said = lang.error_none_done(items.len());
                match items.first() {
                    Some(first) => said + &lang.error_none_done_reason(first.error.text(lang)),
                    None => said + lang.error_none_done_end(),
                }
            }
            DomainError::ClockLimit { max_days } => lang.error_clock_limit(max_days),
            DomainError::Expired { app, company } => lang.error_expired(args::ErrorExpired {
                app: &app,
                company: &company,
            }),
            DomainError::Request(e) => e.message(lang),
            DomainError::Suspension(e) => e.message(lang),
            DomainError::People(e) => e.message(lang),
            DomainError::Review(e) => e.message(lang),
            DomainError::Update(e) => e.message(lang),
        }
    }
}

/// One target of a batch that was refused, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub app: AppId,
    pub company: CompanyId,
    pub error: DomainError,
}

/// "Claire Martin", "Claire Martin ou Julien Petit", "A, B ou C".
pub fn names_or(names: &[String], lang: Lang) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => lang.names_or(args::NamesOr {
            init: &init.join(", "),
            last: &last,
        }),
    }
}
