//! The cells of the overview's table, drawn as one escaped HTML string per window of
//! rows: a link in every cell, to the connection's settings where the app is installed,
//! to installing it there where it is not.

use crate::domain::i18n::Lang;
use crate::domain::model::{AppId, CompanyId, Product, ProductState, UserId};
use crate::domain::views::overview::Row;
use crate::ui::web::html::Html;
use crate::ui::web::{format, paths};

use super::table::Column;
use crate::domain::i18n::args;

/// One row, the `index`th of the table: the company's name, then a cell per app.
pub(super) fn row_html(
    out: &mut Html,
    (lang, product): (Lang, Product),
    (index, row): (usize, &Row),
    cols: &[Column],
    state: &ProductState,
    mark: Option<&UserId>,
) {
    // Row 1 is the header's: the first company is row 2 of the table.
    out.tag("<tr aria-rowindex=\"");
    out.text(&(index + 2).to_string());
    out.tag("\"><th scope=\"row\" class=\"ma-overview__company\">");
    out.text(&row.name);
    out.tag("</th>");
    for (cell, (app, app_name)) in row.cells.iter().zip(cols) {
        let at = (&row.company, row.name.as_str());
        match cell {
            Some(manager) => {
                let who = state.manager_name(manager.as_ref(), lang);
                // Nobody manages it: a dash, not the initials of "Sans gestionnaire".
                let initials = match manager {
                    Some(_) => format::initials(&who),
                    None => "—".to_string(),
                };
                let marked = mark.is_some() && mark == manager.as_ref();
                cell_on(
                    out,
                    (lang, product),
                    (app, app_name),
                    at,
                    (&who, &initials, marked, mark.is_some()),
                    update_mark(state, app, &row.company, lang),
                );
            }
            None => cell_off(out, (lang, product), (app, app_name), at),
        }
    }
    out.tag("</tr>");
}

/// What a cell says of a published update its connection has not taken: "À approuver",
/// or "Refusée" once refused there; `None` otherwise. Only the apps with a published
/// update look their connection up.
fn update_mark(
    state: &ProductState,
    app: &AppId,
    company: &CompanyId,
    lang: Lang,
) -> Option<&'static str> {
    state.published(app)?;
    let c = state.connection(app, company)?;
    let published = state.newer_for(c)?;
    Some(if c.declined == Some(published.version) {
        lang.updates_cell_refused()
    } else {
        lang.updates_cell_pending()
    })
}

/// A cell where the app is installed: a link to its settings named "APP chez COMPANY",
/// showing the manager's initials (◆ first when they are the highlighted person), then
/// who manages it for screen readers, and a published update not taken, in words.
fn cell_on(
    out: &mut Html,
    (lang, product): (Lang, Product),
    (app, app_name): (&AppId, &str),
    (company, company_name): (&CompanyId, &str),
    (who, initials, marked, highlighting): (&str, &str, bool, bool),
    update: Option<&str>,
) {
    let class = match (highlighting, marked) {
        (true, true) => "ma-cell ma-cell--on ma-cell--marked",
        (true, false) => "ma-cell ma-cell--on ma-cell--dimmed",
        _ => "ma-cell ma-cell--on",
    };
    out.tag("<td class=\"");
    out.tag(class);
    out.tag("\"><a class=\"ma-cell__link\" href=\"");
    out.text(&paths::href(&paths::settings(product, company, app)));
    // The name is the link's text, hidden from sight; the initials are seen, not read
    // (a name given by aria-label would not contain the text seen).
    out.tag("\"><span class=\"ma-visually-hidden\">");
    out.text(&lang.ctl_cell_app_at(args::CtlCellAppAt {
        app: &app_name,
        company: &company_name,
    }));
    out.tag("</span><span aria-hidden=\"true\">");
    if marked {
        out.tag("◆ ");
    }
    out.text(initials);
    out.tag("</span></a><span class=\"ma-visually-hidden\">");
    out.text(&lang.firm_overview_managed_by(who));
    out.tag("</span>");
    if let Some(update) = update {
        out.tag("<span class=\"ma-cell__update\">");
        out.text(update);
        out.tag("</span>");
    }
    out.tag("</td>");
}

/// A cell where the app is not installed: a link to installing it there, named
/// "Installer APP chez COMPANY", showing "+".
fn cell_off(
    out: &mut Html,
    (lang, product): (Lang, Product),
    (app, app_name): (&AppId, &str),
    (company, company_name): (&CompanyId, &str),
) {
    let href = paths::href(&paths::with_query(
        paths::app(product, app),
        &[("pour", Some(company.as_str()))],
    ));
    out.tag("<td class=\"ma-cell ma-cell--off\"><a class=\"ma-cell__add\" href=\"");
    out.text(&href);
    out.tag("\" aria-label=\"");
    out.text(&lang.ctl_cell_install_at(args::CtlCellInstallAt {
        app: &app_name,
        company: &company_name,
    }));
    out.tag("\">+</a></td>");
}
