//! The handover's confirmation: what will move (app and company per line), that each
//! will be managed by the acting user, the data note with each publisher's contact and
//! the rule; confirming takes each over and reports each one.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::commands::handover;
use crate::domain::i18n::args;
use crate::domain::model::{Product, UserId};
use crate::ui::state::products::use_products;
use crate::ui::state::session::{use_lang, use_session};
use crate::ui::widgets::batch_report::{run_batch, ReportLine};
use crate::ui::widgets::chosen::{Chosen, ChosenList};
use crate::ui::widgets::confirm_actions::ConfirmActions;
use crate::ui::widgets::data_note::DataNotes;
use crate::ui::widgets::modal::Modal;
use crate::ui::widgets::selection::Key;

#[component]
pub fn ConfirmHandover(
    product: Product,
    /// Who manages them now (`None`: nobody).
    from: Option<UserId>,
    selected: RwSignal<BTreeSet<Key>>,
    report: RwSignal<Vec<ReportLine>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let products = use_products();
    let session = use_session();
    let lang = use_lang();
    let Chosen {
        keys: chosen,
        lines,
        apps,
    } = Chosen::read(product, selected);
    let actor = session.actor_untracked(product);
    let (from_name, actor_name) = products.state(product).with_untracked(|s| {
        (
            s.former_manager(from.as_ref(), lang),
            s.user_name(&actor).to_string(),
        )
    });
    let n = chosen.len();
    let confirm = Callback::new(move |_| {
        let selection: Vec<_> = chosen.iter().map(|(c, a)| (a.clone(), c.clone())).collect();
        report.set(run_batch(
            products,
            product,
            handover::take_over(&selection),
            lang.handover_done(),
        ));
        selected.set(BTreeSet::new());
        on_close.run(());
    });
    view! {
        <Modal title=lang.ctl_take_over_n(n) on_close=on_close class="ma-dialog--wide">
            <p>{lang.handover_each_by_you(args::HandoverEachByYou { actor: &actor_name, from: &from_name })}</p>
            <ChosenList lines=lines/>
            <p class="ma-field__hint">{handover::rule(product, lang)}</p>
            <DataNotes apps=apps situation=lang.widgets_situation_transfer()/>
            <ConfirmActions on_cancel=on_close confirm=lang.ctl_confirm_take_over() on_confirm=confirm/>

        </Modal>
    }
}
