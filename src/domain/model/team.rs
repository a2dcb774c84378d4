//! The refusals of managing people (Utilisateurs): a form that does not hold, a change
//! the rules forbid, an app left without a manager. The rules live in `people`.

use super::people::{Gender, Role};
use crate::domain::i18n::args;
use crate::domain::i18n::Lang;

/// A field of the person's form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UserField {
    Name,
    Email,
    Clients,
}

/// What is wrong with one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    Empty,
    TooLong {
        max: usize,
    },
    ControlCharacters,
    /// Not a plausible e-mail address.
    NotAnAddress,
    /// Another person of the product already has it.
    Taken,
    /// A client that is not one of the firm's.
    UnknownClient(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserFieldError {
    pub field: UserField,
    pub problem: FieldProblem,
}

impl UserFieldError {
    pub fn message(&self, lang: Lang) -> String {
        match &self.problem {
            FieldProblem::Empty => match self.field {
                UserField::Name => lang.users_name_empty().to_string(),
                UserField::Email => lang.users_email_empty().to_string(),
                UserField::Clients => lang.users_clients_empty().to_string(),
            },
            FieldProblem::TooLong { max } => lang.users_too_long(max),
            FieldProblem::ControlCharacters => lang.users_control_characters().to_string(),
            FieldProblem::NotAnAddress => lang.users_email_invalid().to_string(),
            FieldProblem::Taken => lang.users_email_taken().to_string(),
            FieldProblem::UnknownClient(id) => lang.validate_unknown_client(id),
        }
    }
}

/// Why a change to the product's people is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeopleError {
    /// The form does not hold: each field's problem.
    Invalid(Vec<UserFieldError>),
    /// The acting user may not do this; `primary` is who may manage every user (with
    /// their gender, so that the role reads naturally), and `admins_too` says whether
    /// administrators may add and change standard users.
    Forbidden {
        primary: String,
        primary_gender: Gender,
        admins_too: bool,
    },
    /// Removing oneself.
    RemoveSelf,
    /// Removing the primary admin (hand the role over first).
    RemovePrimary { name: String },
    /// Changing the primary admin's role other than by handing it over.
    PrimaryRole { name: String },
    /// Making the last administrator a standard user.
    LastAdmin { name: String },
    /// The primary admin's role handed to someone who is not an administrator.
    NotAnAdmin { name: String },
    /// The person chosen to take the connections over may not take any over.
    NotASuccessor { name: String },
    /// Lancer on a connection nobody manages any more.
    Unmanaged { app: String, company: String },
}

impl PeopleError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PeopleError::Invalid(errors) => lang.users_invalid(errors.len()),
            PeopleError::Forbidden {
                primary,
                primary_gender,
                admins_too,
            } => {
                let role = Role::PrimaryAdmin.label(*primary_gender, lang);
                if *admins_too {
                    lang.users_forbidden_admins(args::UsersForbiddenAdmins {
                        primary: &primary,
                        role: &role,
                    })
                } else {
                    lang.users_forbidden(args::UsersForbidden {
                        primary: &primary,
                        role: &role,
                    })
                }
            }
            PeopleError::RemoveSelf => lang.users_remove_self().to_string(),
            PeopleError::RemovePrimary { name } => lang.users_remove_primary(name),
            PeopleError::PrimaryRole { name } => lang.users_primary_role(name),
            PeopleError::LastAdmin { name } => lang.users_last_admin(name),
            PeopleError::NotAnAdmin { name } => lang.users_not_an_admin(name),
            PeopleError::NotASuccessor { name } => lang.users_not_a_successor(name),
            PeopleError::Unmanaged { app, company } => {
                lang.users_unmanaged_launch(args::UsersUnmanagedLaunch {
                    app: &app,
                    company: &company,
                })
            }
        }
    }
}
