//! Suspension ("Suspendre", "Réactiver"): the connection stays — its settings, manager
//! and history — but the app stops working until someone reactivates it. Those who may
//! disconnect may suspend and reactivate. Neither counts as use: the connection's
//! expiry still counts from its last real use (see `health`).

use crate::domain::catalogue::Catalogue;
use crate::domain::model::error::DomainError;
use crate::domain::model::{AppId, CompanyId, ProductState};

pub use crate::domain::model::suspension::{SuspendError, Suspension};

/// The refusal of opening or reconnecting a suspended connection, `None` when it is not.
pub fn refusal(
    state: &ProductState,
    catalogue: &Catalogue,
    app: &AppId,
    company: &CompanyId,
) -> Option<DomainError> {
    let c = state.connection(app, company)?;
    c.suspended.as_ref()?;
    Some(
        SuspendError::Suspended {
            app: catalogue.app_name(app).to_string(),
            company: state.company_name(company).to_string(),
        }
        .into(),
    )
}
