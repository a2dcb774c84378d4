//! Every refusal of the domain, as a type; its `Display` is the French sentence the user
//! reads, which says what went wrong and, for a permission, who may do it.

use std::fmt;

use super::model::Product;
use super::questionnaire::QuestionnaireError;
use super::settings::FieldError;

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
        action: &'static str,
        role: &'static str,
        /// Who may, "Claire Martin ou Julien Petit".
        allowed: String,
    },
    /// The user has no access to this client.
    ClientNotAccessible {
        client: String,
        allowed: String,
    },
    /// Expert-Comptable: only the primary admin takes over an app.
    TakeOverReserved {
        primary: String,
        primary_role: &'static str,
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
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DomainError::UnknownUser(id) => write!(f, "L'utilisateur « {id} » n'existe pas."),
            DomainError::UnknownApp(id) => {
                write!(f, "L'appli « {id} » n'existe pas dans le catalogue.")
            }
            DomainError::UnknownCompany(id) => write!(f, "L'entreprise « {id} » n'existe pas."),
            DomainError::AppNotAvailable { app, product } => {
                write!(f, "{app} n'est pas proposée pour {}.", product.label())
            }
            DomainError::Forbidden {
                action,
                role,
                allowed,
            } => {
                write!(f, "En tant qu'{role}, vous ne pouvez pas {action}.")?;
                if allowed.is_empty() {
                    Ok(())
                } else {
                    write!(f, " Demandez à {allowed} : ces personnes ont ce droit.")
                }
            }
            DomainError::ClientNotAccessible { client, allowed } => {
                write!(f, "Vous n'avez pas accès au client {client}.")?;
                if allowed.is_empty() {
                    Ok(())
                } else {
                    write!(f, " Demandez à {allowed}, qui y a accès.")
                }
            }
            DomainError::TakeOverReserved {
                primary,
                primary_role,
            } => write!(
                f,
                "Dans QuickBooks Expert-Comptable, seul l'administrateur principal peut reprendre \
                 la gestion d'une appli gérée par quelqu'un d'autre. Demandez à {primary} \
                 ({primary_role}) de le faire."
            ),
            DomainError::AlreadyManaged { app, company } => write!(
                f,
                "Vous gérez déjà {app} pour {company} : rien à transférer."
            ),
            DomainError::NotConnected { app, company } => {
                write!(f, "{app} n'est pas connectée à {company}.")
            }
            DomainError::InvalidSettings(errors) => {
                let n = errors.len();
                if n == 1 {
                    f.write_str("Un paramètre est à corriger avant d'enregistrer.")
                } else {
                    write!(f, "{n} paramètres sont à corriger avant d'enregistrer.")
                }
            }
            DomainError::NoChange => {
                f.write_str("Aucun paramètre n'a changé : rien à enregistrer.")
            }
            DomainError::Questionnaire(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for DomainError {}
