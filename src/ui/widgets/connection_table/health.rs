//! A row's health: its État cell, and the memo the row's actions follow (Reconnecter
//! appears in the ▼ menu as the connection nears its expiry, and replaces Lancer once it
//! has expired).

use leptos::prelude::*;

use crate::domain::health::{self, Health};
use crate::domain::model::Product;
use crate::ui::state::products::use_products;
use crate::ui::web::clock::now;
use crate::ui::widgets::health_badge::HealthBadge;

use super::RowKey;

/// The connection's health at the demo's time, following the state (a use, the demo's
/// clock moved ahead). Active when the connection is gone.
pub fn use_health(product: Product, key: RowKey) -> Memo<Health> {
    let products = use_products();
    Memo::new(move |_| {
        let (company, app) = &key;
        products.state(product).with(|s| {
            s.connection(app, company)
                .map_or(Health::Active, |c| health::of(s, c, now()))
        })
    })
}

/// The État cell.
#[component]
pub fn HealthCell(product: Product, key: RowKey) -> impl IntoView {
    let health = use_health(product, key);
    view! {
            <td data-label=crate::ui::state::session::use_lang().ctl_col_state()>
    <HealthBadge health=health/></td>
        }
}
