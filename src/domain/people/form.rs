//! The person's form of "Ajouter un utilisateur" and "Modifier": its checks, and the id a
//! new person is given.

use crate::domain::model::team::{FieldProblem, UserField, UserFieldError};
use crate::domain::model::{CompanyId, CompanyKind, ProductState, Role, User, UserId};
use crate::domain::text::{char_len, fold, has_bidi_control};

/// The longest name, in characters.
pub const MAX_NAME: usize = 80;
/// The longest e-mail address (RFC 5321's limit on a path), in characters.
pub const MAX_EMAIL: usize = 254;

/// What the form holds. `all_clients` and `clients` mean something only in
/// Expert-Comptable; in QuickBooks they are false and empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserForm {
    pub name: String,
    pub email: String,
    /// `true` for Administrateur, `false` for Utilisateur standard. The primary admin's
    /// role is not the form's: it is handed over on its own.
    pub admin: bool,
    pub all_clients: bool,
    pub clients: Vec<CompanyId>,
}

impl UserForm {
    /// The form filled in with what `user` is now.
    pub fn of(user: &User) -> UserForm {
        UserForm {
            name: user.name.clone(),
            email: user.email.clone(),
            admin: user.is_admin(),
            all_clients: user.all_clients,
            clients: user.clients.clone(),
        }
    }

    /// The form with its text trimmed and its clients in the product's order, once (none
    /// in QuickBooks, which has no clients).
    pub fn tidy(&self, state: &ProductState) -> UserForm {
        if state.clients().next().is_none() {
            return UserForm {
                name: self.name.trim().to_string(),
                email: self.email.trim().to_string(),
                all_clients: false,
                clients: Vec::new(),
                ..self.clone()
            };
        }
        let clients = if self.all_clients {
            Vec::new()
        } else {
            state
                .clients()
                .filter(|c| self.clients.contains(&c.id))
                .map(|c| c.id.clone())
                .collect()
        };
        UserForm {
            name: self.name.trim().to_string(),
            email: self.email.trim().to_string(),
            clients,
            ..self.clone()
        }
    }

    /// The role the form gives someone who is not the primary admin.
    pub fn role(&self) -> Role {
        if self.admin {
            Role::Admin
        } else {
            Role::Standard
        }
    }
}

/// `who` as the tidied form would make them: the primary admin stays one while the form
/// says Administrateur (the role is only ever handed over).
pub fn changed(who: &User, form: &UserForm) -> User {
    let role = if who.role == Role::PrimaryAdmin && form.admin {
        Role::PrimaryAdmin
    } else {
        form.role()
    };
    User {
        name: form.name.clone(),
        email: form.email.clone(),
        role,
        all_clients: form.all_clients,
        clients: form.clients.clone(),
        ..who.clone()
    }
}

/// Checks a tidied form for `who` (`None` for a new person): each field's problems.
pub fn validate(
    state: &ProductState,
    form: &UserForm,
    who: Option<&UserId>,
) -> Result<(), Vec<UserFieldError>> {
    let mut errors = Vec::new();
    let mut push = |field, problem| errors.push(UserFieldError { field, problem });
    if let Some(p) = text_problem(&form.name, MAX_NAME) {
        push(UserField::Name, p);
    }
    if let Some(p) = text_problem(&form.email, MAX_EMAIL) {
        push(UserField::Email, p);
    } else if !plausible_email(&form.email) {
        push(UserField::Email, FieldProblem::NotAnAddress);
    } else if state
        .users
        .iter()
        .any(|u| Some(&u.id) != who && fold(&u.email) == fold(&form.email))
    {
        push(UserField::Email, FieldProblem::Taken);
    }
    for id in &form.clients {
        if state
            .company(id)
            .is_none_or(|c| c.kind != CompanyKind::Client)
        {
            push(
                UserField::Clients,
                FieldProblem::UnknownClient(id.to_string()),
            );
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn text_problem(text: &str, max: usize) -> Option<FieldProblem> {
    if text.is_empty() {
        Some(FieldProblem::Empty)
    } else if char_len(text) > max {
        Some(FieldProblem::TooLong { max })
    } else if text.chars().any(char::is_control) || has_bidi_control(text) {
        Some(FieldProblem::ControlCharacters)
    } else {
        None
    }
}

/// A plausible address: one `@`, something before it, and after it a domain of labels
/// separated by dots (at least two), with no space anywhere.
pub fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && !email.chars().any(char::is_whitespace)
        && !domain.contains('@')
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// The id of a new person called `name`: the name folded into a slug ("Nina Roux" →
/// "nina-roux"), followed by a number when someone, present or former, has it already.
pub fn new_id(state: &ProductState, name: &str) -> UserId {
    let base = joined_words(name, "-");
    let taken = |id: &str| {
        state.users.iter().any(|u| u.id.as_str() == id)
            || state.former.iter().any(|f| f.id.as_str() == id)
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    UserId::new(id)
}

/// The address a person is given when none is known (data saved before people had
/// one): "Claire Martin" → "claire.martin@exemple.fr".
pub fn address_for(name: &str) -> String {
    format!("{}@exemple.fr", joined_words(name, "."))
}

/// The words of `name`, folded to plain ASCII and joined by `by` ("Léa Moreau" →
/// "lea.moreau"); "utilisateur" when none is left.
fn joined_words(name: &str, by: &str) -> String {
    let folded = fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        "utilisateur".to_string()
    } else {
        words.join(by)
    }
}

/// Gives each user without an address one made from their name, unless someone has it.
pub fn fill_missing_addresses(state: &mut ProductState) {
    for i in 0..state.users.len() {
        if !state.users[i].email.is_empty() {
            continue;
        }
        let address = address_for(&state.users[i].name);
        let taken = state.users.iter().any(|u| fold(&u.email) == fold(&address));
        if !taken {
            state.users[i].email = address;
        }
    }
}
