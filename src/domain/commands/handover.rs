//! Passation: handing over everything a leaving colleague manages, or what nobody
//! manages any more. The acting user chooses whose connections to take over, among those
//! they may see ("Sans gestionnaire" for those nobody manages), and takes them over
//! in one batch, each by the seed's transfer rule (in Expert-Comptable only the primary
//! admin takes over; in QuickBooks admins too).

use crate::domain::access::permissions::{self, Action};
use crate::domain::access::queries::{managed_by, visible_connections};
use crate::domain::commands::Command;
use crate::domain::i18n::Lang;
use crate::domain::model::error::DomainError;
use crate::domain::model::{
    AppId, CompanyId, Connection, Product, ProductState, Role, User, UserId,
};

/// Why `actor` may not take connections over, with who may; `None` when they may.
pub fn refusal(state: &ProductState, actor: &UserId) -> Option<DomainError> {
    permissions::role_refusal(state, actor, Action::TakeOver)
}

/// The people whose connections may be handed over to `actor`: every other user, with
/// how many connections they manage that `actor` may see.
pub fn managers<'s>(state: &'s ProductState, actor: &UserId) -> Vec<(&'s User, usize)> {
    state
        .users
        .iter()
        .filter(|u| &u.id != actor)
        .map(|u| (u, managed_by(state, actor, &u.id).len()))
        .collect()
}

/// How many connections nobody manages that `actor` may see: "Sans gestionnaire" in
/// "Gérées par" when there are some.
pub fn unmanaged(state: &ProductState, actor: &UserId) -> usize {
    candidates(state, actor, None).len()
}

/// What `from` manages that `actor` may see (`None`: what nobody manages): what a
/// handover lists.
pub fn candidates<'s>(
    state: &'s ProductState,
    actor: &UserId,
    from: Option<&UserId>,
) -> Vec<&'s Connection> {
    match from {
        Some(from) => managed_by(state, actor, from),
        None => visible_connections(state, actor)
            .into_iter()
            .filter(|c| c.manager.is_none())
            .collect(),
    }
}

/// The take-over of each chosen connection, as one batch.
pub fn take_over(selection: &[(AppId, CompanyId)]) -> Command {
    Command::Batch(
        selection
            .iter()
            .map(|(app, company)| Command::Get {
                app: app.clone(),
                company: company.clone(),
            })
            .collect(),
    )
}

/// The take-over rule of the product, as a handover's confirmation states it.
pub fn rule(product: Product, lang: Lang) -> String {
    if permissions::role_allows(product, Role::Admin, Action::TakeOver) {
        lang.handover_rule_admins(product.label())
    } else {
        lang.handover_rule_primary(product.label())
    }
}
