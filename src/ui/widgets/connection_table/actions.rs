//! A row's actions: its main button — Lancer, or Reconnecter once the connection has
//! expired — and the ▼ menu beside it (Reconnecter while it expires soon or has expired,
//! Paramètres, Suspendre or Réactiver for those who may disconnect, Déconnectez-vous).
//! Both follow the connection's health as it changes.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::access::permissions::{self, Action};
use crate::domain::commands::Command;
use crate::domain::guide::Seen;
use crate::domain::health::Health;
use crate::domain::model::{Connection, Product};
use crate::ui::state::guide::use_reporter;
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::state::status::use_status;
use crate::ui::web::{dom, paths};
use crate::ui::widgets::get_dialog::ReconnectDialog;
use crate::ui::widgets::menu_button::{MenuButton, MenuItem};
use crate::ui::widgets::suspend_dialog::SuspendDialog;

use super::health::use_health;
use super::menu_id;

/// The id of a row's main button, where focus goes once its connection is reconnected.
pub fn main_id(c: &Connection) -> String {
    format!("ma-principal-{}-{}", c.company, c.app)
}

#[component]
pub fn RowActions(
    product: Product,
    connection: Connection,
    /// The app's name.
    name: String,
    described_by: Option<String>,
    disconnecting: RwSignal<Option<Connection>>,
) -> impl IntoView {
    let c = connection;
    let health = use_health(product, (c.company.clone(), c.app.clone()));
    let reconnecting = RwSignal::new(false);
    let suspending = RwSignal::new(false);
    let main = main_id(&c);
    let close = Callback::new(move |_| reconnecting.set(false));
    // Once reconnected the row may be drawn anew (its manager changed): focus goes to its
    // main button after that.
    let done = {
        let main = main.clone();
        Callback::new(move |_| {
            reconnecting.set(false);
            let main = main.clone();
            request_animation_frame(move || dom::focus(&main));
        })
    };
    let suspended = {
        let main = main.clone();
        Callback::new(move |_| {
            suspending.set(false);
            let main = main.clone();
            request_animation_frame(move || dom::focus(&main));
        })
    };
    let close_suspend = Callback::new(move |_| suspending.set(false));
    let (app, company) = (c.app.clone(), c.company.clone());
    let (app2, company2) = (c.app.clone(), c.company.clone());
    let guide = use_reporter();
    let opened = c.app.clone();
    let on_open = Callback::new(move |_| guide.tell(Seen::Menu(opened.clone())));
    let lang = use_lang();
    view! {
        <div class="ma-split">
            {move || {
                let h = health.get();
                view! {
                    <MainButton product=product connection=c.clone() health=h reconnecting=reconnecting id=main.clone()/>
                    <MenuButton
                        label=lang.ctl_more_actions_for(&name)
                        described_by=described_by.clone()
                        items=items(product, &c, h, (reconnecting, suspending), disconnecting)
                        id=menu_id(&c)
                        on_open=on_open
                    />
                }
            }}
        </div>
        <Show when=move || reconnecting.get()>
            <ReconnectDialog product=product app=app.clone() company=company.clone() on_close=close on_done=done/>
        </Show>
        <Show when=move || suspending.get()>
            <SuspendDialog product=product app=app2.clone() company=company2.clone() on_close=close_suspend on_done=suspended/>
        </Show>
    }
}

/// The ▼ menu's entries for a connection in this health.
fn items(
    product: Product,
    c: &Connection,
    health: Health,
    (reconnecting, suspending): (RwSignal<bool>, RwSignal<bool>),
    disconnecting: RwSignal<Option<Connection>>,
) -> Vec<MenuItem> {
    let navigate = use_navigate();
    let lang = use_lang();
    let suspension = suspension_item(product, c, health, suspending);
    let settings_href = paths::settings(product, &c.company, &c.app);
    let reconnect = health.offers_reconnect().then(|| MenuItem {
        label: lang.ctl_reconnect(),
        on_select: Callback::new(move |_| reconnecting.set(true)),
    });
    let c = c.clone();
    reconnect
        .into_iter()
        .chain([MenuItem {
            label: lang.ctl_settings(),
            on_select: Callback::new(move |_| navigate(&settings_href, Default::default())),
        }])
        .chain(suspension)
        .chain([MenuItem {
            label: lang.ctl_menu_disconnect(),
            on_select: Callback::new(move |_| disconnecting.set(Some(c.clone()))),
        }])
        .collect()
}

/// Suspendre (after a confirmation) or Réactiver (at once), for those who may
/// disconnect the connection; nothing for the others.
fn suspension_item(
    product: Product,
    c: &Connection,
    health: Health,
    suspending: RwSignal<bool>,
) -> Option<MenuItem> {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let status = use_status();
    // Tracked: the menu is drawn again when someone else acts.
    let actor = session.actor(product);
    let allowed = products
        .state(product)
        .with_untracked(|s| permissions::check_ids(s, &actor, Action::Suspend, &c.company).is_ok());
    if !allowed {
        return None;
    }
    if !health.is_suspended() {
        return Some(MenuItem {
            label: lang.requests_control_suspend(),
            on_select: Callback::new(move |_| suspending.set(true)),
        });
    }
    let (app, company) = (c.app.clone(), c.company.clone());
    let main = main_id(c);
    Some(MenuItem {
        label: lang.requests_control_reactivate(),
        on_select: Callback::new(move |_| {
            let command = Command::Reactivate {
                app: app.clone(),
                company: company.clone(),
            };
            // A refusal is said in the status line like any other.
            if let Err(e) = products.dispatch(product, command) {
                status.say(e.text(lang));
            }
            let main = main.clone();
            request_animation_frame(move || dom::focus(&main));
        }),
    })
}

/// Lancer, which records the use and opens the app (the launch view says when it has
/// expired meanwhile); Reconnecter in its place once the connection has expired.
#[component]
fn MainButton(
    product: Product,
    connection: Connection,
    health: Health,
    reconnecting: RwSignal<bool>,
    id: String,
) -> impl IntoView {
    let products = use_products();
    let navigate = use_navigate();
    let lang = use_lang();
    let c = connection;
    if health.is_expired() {
        return view! {
            <button type="button" id=id class="ma-button ma-button--primary ma-split__main" on:click=move |_| reconnecting.set(true)>
                {lang.ctl_reconnect()}
            </button>
        }
        .into_any();
    }
    let launch = move |_| {
        let command = Command::Launch {
            app: c.app.clone(),
            company: c.company.clone(),
        };
        // Refused (expired meanwhile, say), the launch view says why and offers more.
        let _ = products.dispatch(product, command);
        navigate(
            &paths::launch(product, &c.company, &c.app),
            Default::default(),
        );
    };
    view! {
        <button type="button" id=id class="ma-button ma-button--primary ma-split__main" on:click=launch>
            {lang.ctl_launch()}
        </button>

    }
    .into_any()
}
