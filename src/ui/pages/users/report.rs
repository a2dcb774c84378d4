//! "Résultat de la suppression": a line per connection the removed person managed, saying
//! whom it went to, or that nobody manages it now (and why, when the chosen person could
//! not take it). Its heading takes focus when it appears, so that it is read first.

use leptos::prelude::*;

use crate::domain::catalogue::Catalogue;
use crate::domain::commands::people::Handed;
use crate::domain::i18n::{args, Lang};
use crate::domain::model::ProductState;
use crate::ui::state::session::use_lang;
use crate::ui::web::dom;
use crate::ui::widgets::selection::label;

/// One line of the report, already said.
pub type ReportLine = String;

/// What became of each connection, in `lang`; one line saying there was none when the
/// person managed nothing.
pub fn lines_of(
    handed: &[Handed],
    state: &ProductState,
    catalogue: &Catalogue,
    name: &str,
    lang: Lang,
) -> Vec<ReportLine> {
    if handed.is_empty() {
        return vec![lang.users_report_none(name)];
    }
    handed
        .iter()
        .map(|h| {
            let target = label(catalogue.app_name(&h.app), state.company_name(&h.company));
            match (&h.to, &h.refusal) {
                (Some(to), _) => lang.users_report_given(args::UsersReportGiven {
                    target: &target,
                    to: &state.user_name(to),
                }),
                (None, Some(why)) => lang.users_report_refused(args::UsersReportRefused {
                    target: &target,
                    why: &why.text(lang),
                }),
                (None, None) => lang.users_report_left(&target),
            }
        })
        .collect()
}

#[component]
pub fn RemovalReport(lines: RwSignal<Option<Vec<ReportLine>>>) -> impl IntoView {
    let lang = use_lang();
    let id = dom::unique_id("ma-rapport-suppression");
    let heading = id.clone();
    Effect::new(move || {
        if lines.with(Option::is_some) {
            let heading = heading.clone();
            request_animation_frame(move || dom::focus(&heading));
        }
    });
    move || {
        lines.get().map(|list| {
            view! {
                <section class="ma-card ma-report" aria-labelledby=id.clone()>
                    <h2 id=id.clone() tabindex="-1">{lang.users_ctl_removal_result()}</h2>
                    <ul class="ma-report__list">
                        {list.into_iter().map(|l| view! { <li class="ma-report__line">{l}</li> }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
