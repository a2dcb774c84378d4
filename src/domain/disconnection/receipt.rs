//! Receipts of disconnections: what was disconnected, where, by whom, when and why, what
//! stops (the data the app accessed, the settings it had, with their raw values so that
//! the disconnection can be undone), the note about data the app may keep processing and
//! its publisher's contact.
//!
//! A receipt is a copy of what was true then: the catalogue may change or drop the app
//! later, and the receipt still says what stopped. Its number is its disconnection's
//! journal entry's. Only the latest [`RECEIPTS_KEPT`] are kept, so that the state stays
//! small enough to save after every action; the journal keeps every disconnection.

use crate::domain::access::permissions::can_access;
use crate::domain::catalogue::Catalogue;
use crate::domain::forms::questionnaire::Questionnaire;
use crate::domain::forms::settings::{self};
use crate::domain::health::time;
use crate::domain::i18n::args;
use crate::domain::i18n::Lang;
use crate::domain::model::{AppId, CompanyId, Connection, ProductState, Timestamp, UserId};

pub use crate::domain::model::receipt::{Receipt, RECEIPTS_KEPT};

/// The receipt of disconnecting `connection` now (its number is set by `keep`).
pub(crate) fn make(
    catalogue: &Catalogue,
    connection: &Connection,
    actor: &UserId,
    answers: &Questionnaire,
    at: Timestamp,
) -> Receipt {
    let def = catalogue.app(&connection.app);
    let summary = |lang| {
        def.map(|d| {
            settings::summary(
                &d.settings_at(connection.version),
                &connection.settings,
                lang,
            )
        })
        .unwrap_or_default()
    };
    Receipt {
        id: 0,
        at,
        app: connection.app.clone(),
        company: connection.company.clone(),
        actor: actor.clone(),
        manager: connection.manager.clone(),
        answers: answers.clone(),
        app_name: catalogue.app_name(&connection.app).to_string(),
        publisher: def.map(|d| d.publisher.clone()).unwrap_or_default(),
        contact: def.map(|d| d.contact.clone()).unwrap_or_default(),
        // What the app read at the connection's version.
        permissions: def
            .map(|d| d.reads_at(connection.version))
            .unwrap_or_default(),
        settings: summary(Lang::Fr),
        settings_en: summary(Lang::En),
        values: connection.settings.clone(),
        also_at: Vec::new(),
    }
}

/// Keeps `receipt` under number `id`, dropping the oldest past [`RECEIPTS_KEPT`].
pub(crate) fn keep(state: &mut ProductState, mut receipt: Receipt, id: u64) {
    receipt.id = id;
    state.receipts.push(receipt);
    let extra = state.receipts.len().saturating_sub(RECEIPTS_KEPT);
    state.receipts.drain(..extra);
}

/// The receipt numbered `id`, if `actor` may see its company (as for the journal).
pub fn visible<'s>(state: &'s ProductState, actor: &UserId, id: u64) -> Option<&'s Receipt> {
    let user = state.user(actor)?;
    let receipt = state.receipts.iter().find(|r| r.id == id)?;
    let company = state.company(&receipt.company)?;
    can_access(user, company).then_some(receipt)
}

/// The newest receipt of `app` at `company`: the one a disconnection just wrote.
pub fn latest_for<'s>(
    state: &'s ProductState,
    app: &AppId,
    company: &CompanyId,
) -> Option<&'s Receipt> {
    state
        .receipts
        .iter()
        .rev()
        .find(|r| &r.app == app && &r.company == company)
}

impl Receipt {
    /// Its settings as they read in `lang` (in French when the receipt predates English).
    pub fn settings_in(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En if !self.settings_en.is_empty() => &self.settings_en,
            _ => &self.settings,
        }
    }

    /// The note of the help article, as the receipt words it.
    pub fn note(&self, lang: Lang) -> String {
        let publisher = if self.publisher.is_empty() {
            lang.receipt_publisher_unknown().to_string()
        } else {
            lang.receipt_publisher(&self.publisher)
        };
        let mut note = lang.receipt_note(args::ReceiptNote {
            app: &self.app_name,
            publisher: &publisher,
        });
        if self.contact.is_empty() {
            note.push_str(lang.receipt_note_end());
        } else {
            note.push_str(&lang.receipt_note_contact(&self.contact));
        }
        note
    }

    /// "Reçu de déconnexion n° 12".
    pub fn title(&self, lang: Lang) -> String {
        lang.receipt_title(self.id)
    }

    /// The downloaded file's name: `recu-12-stock-malin-2026-03-12.txt`.
    pub fn file_name(&self, offset_minutes: i32) -> String {
        format!(
            "recu-{}-{}-{}.txt",
            self.id,
            self.app,
            time::iso_date(self.at, offset_minutes)
        )
    }

    /// The lines of the receipt's details, label and value, as the page and the file
    /// show them.
    pub fn fields(
        &self,
        state: &ProductState,
        offset_minutes: i32,
        lang: Lang,
    ) -> Vec<(&'static str, String)> {
        vec![
            (lang.receipt_field_app(), self.app_name.clone()),
            (
                state.product.get_kind().target_label(lang),
                state.company_name(&self.company).to_string(),
            ),
            (lang.receipt_field_by(), state.person(&self.actor, lang)),
            (
                lang.receipt_field_at(),
                time::format_date_time(self.at, offset_minutes, lang),
            ),
            (
                lang.receipt_field_manager(),
                state.manager_name(self.manager.as_ref(), lang),
            ),
            (lang.receipt_field_reason(), self.answers.summary(lang)),
        ]
    }

    /// The receipt as a text file, whole in itself.
    pub fn text(&self, state: &ProductState, offset_minutes: i32, lang: Lang) -> String {
        let mut out = format!(
            "{}\n{}\n\n",
            self.title(lang),
            lang.receipt_file_heading(state.product.label())
        );
        for (label, value) in self.fields(state, offset_minutes, lang) {
            out.push_str(&lang.receipt_line(args::ReceiptLine {
                label: &label,
                value: &value,
            }));
            out.push('\n');
        }
        out.push_str(&format!(
            "\n{}\n\n{}\n",
            lang.receipt_stops(),
            lang.receipt_no_access()
        ));
        list(&mut out, &self.permissions, lang.receipt_no_data());
        out.push_str(&format!("\n{}\n", lang.receipt_settings_had()));
        list(&mut out, self.settings_in(lang), lang.receipt_no_settings());
        out.push_str(&format!(
            "\n{}\n\n{}\n",
            lang.receipt_to_know(),
            self.note(lang)
        ));
        out
    }
}

fn list(out: &mut String, items: &[String], none: &str) {
    if items.is_empty() {
        out.push_str(&format!("- {none}\n"));
    }
    for item in items {
        out.push_str(&format!("- {item}\n"));
    }
}
