//! What differs between the two products, asked here rather than matched in views: the
//! sections of Mes apps each one has, how it words getting an app (QuickBooks connects,
//! Expert-Comptable installs), and which kinds of journal entries it can hold.

use crate::domain::i18n::Lang;
use crate::domain::model::journal::EventKind;
use crate::domain::model::Product;

/// A section of Mes apps: its link's label and its URL segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// QuickBooks "Aperçu": the company's connected apps.
    Overview,
    /// Expert-Comptable "Applis du cabinet".
    FirmApps,
    /// Expert-Comptable "Applis clientes".
    ClientApps,
    /// Expert-Comptable "Vue d'ensemble": every connection of the firm at once.
    FirmOverview,
    Search,
    /// "Passation": taking over what a colleague manages.
    Handover,
    /// "Demandes": requests for apps, pending and past (see `request`).
    Requests,
    /// "Revue des accès": going through every connection once a quarter (see `reviews`).
    Review,
    Updates,
    /// "Guides": the help article's procedures, step by step.
    Guides,
    Journal,
    Backup,
}

impl Section {
    pub const ALL: [Section; 12] = [
        Section::Overview,
        Section::FirmApps,
        Section::ClientApps,
        Section::FirmOverview,
        Section::Search,
        Section::Handover,
        Section::Requests,
        Section::Review,
        Section::Updates,
        Section::Guides,
        Section::Journal,
        Section::Backup,
    ];

    /// The section link's text, also its page's heading.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Section::Overview => lang.section_overview(),
            Section::FirmApps => lang.section_firm_apps(),
            Section::ClientApps => lang.section_client_apps(),
            Section::FirmOverview => lang.section_firm_overview(),
            Section::Search => lang.section_search(),
            Section::Handover => lang.section_handover(),
            Section::Requests => lang.requests_control_section(),
            Section::Review => lang.reviews_control_section(),
            Section::Updates => lang.updates_control_section(),
            Section::Guides => lang.section_guides(),
            Section::Journal => lang.section_journal(),
            Section::Backup => lang.section_backup(),
        }
    }

    /// The section's segment after `/mes-apps/`.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Overview => "apercu",
            Section::FirmApps => "cabinet",
            Section::ClientApps => "clients",
            Section::FirmOverview => "vue-d-ensemble",
            Section::Search => "rechercher",
            Section::Handover => "passation",
            Section::Requests => "demandes",
            Section::Review => "revue",
            Section::Updates => "mises-a-jour",
            Section::Guides => "guides",
            Section::Journal => "journal",
            Section::Backup => "sauvegarde",
        }
    }
}

pub use crate::domain::model::action::GetKind;

impl Product {
    /// The sections of Mes apps in this product, in the order of their links; the first is
    /// where the product opens.
    pub fn sections(self) -> &'static [Section] {
        match self {
            Product::QuickBooks => &[
                Section::Overview,
                Section::Search,
                Section::Handover,
                Section::Requests,
                Section::Review,
                Section::Updates,
                Section::Guides,
                Section::Journal,
                Section::Backup,
            ],
            Product::ExpertComptable => &[
                Section::FirmApps,
                Section::ClientApps,
                Section::FirmOverview,
                Section::Search,
                Section::Handover,
                Section::Requests,
                Section::Review,
                Section::Updates,
                Section::Guides,
                Section::Journal,
                Section::Backup,
            ],
        }
    }

    /// Where the product opens: Aperçu, or Applis du cabinet.
    pub fn default_section(self) -> Section {
        self.sections()[0]
    }

    pub fn has_section(self, section: Section) -> bool {
        self.sections().contains(&section)
    }

    /// Whether the product keeps clients (the firm's), by which lists and the journal can
    /// be narrowed.
    pub fn has_clients(self) -> bool {
        self.has_section(Section::ClientApps)
    }

    /// How this product adds an app.
    pub fn get_kind(self) -> GetKind {
        match self {
            Product::QuickBooks => GetKind::Connect,
            Product::ExpertComptable => GetKind::Install,
        }
    }

    /// The kinds of journal entries this product can hold, as the Type filter lists them.
    pub fn journal_kinds(self) -> Vec<EventKind> {
        let other = match self.get_kind() {
            GetKind::Connect => GetKind::Install.event_kind(),
            GetKind::Install => GetKind::Connect.event_kind(),
        };
        EventKind::ALL.into_iter().filter(|k| *k != other).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::journal::Event;

    #[test]
    fn each_product_has_its_sections_and_opens_on_its_list() {
        assert_eq!(Product::QuickBooks.default_section(), Section::Overview);
        assert_eq!(
            Product::ExpertComptable.default_section(),
            Section::FirmApps
        );
        assert!(!Product::QuickBooks.has_section(Section::ClientApps));
        assert!(!Product::ExpertComptable.has_section(Section::Overview));
        for p in Product::ALL {
            assert!(p.has_section(Section::Search) && p.has_section(Section::Journal));
        }
        let labels: Vec<_> = Product::QuickBooks
            .sections()
            .iter()
            .map(|s| s.label(Lang::Fr))
            .collect();
        assert_eq!(
            labels,
            [
                "Aperçu",
                "Rechercher des applis",
                "Passation",
                "Demandes",
                "Revue des accès",
                "Mises à jour",
                "Guides",
                "Journal",
                "Sauvegarde"
            ]
        );
        assert!(Product::ExpertComptable.has_section(Section::FirmOverview));
        assert!(!Product::QuickBooks.has_section(Section::FirmOverview));
    }

    #[test]
    fn every_section_has_its_own_slug() {
        let mut slugs: Vec<_> = Section::ALL.iter().map(|s| s.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), Section::ALL.len());
    }

    #[test]
    fn quickbooks_connects_and_expert_comptable_installs() {
        assert_eq!(Product::QuickBooks.get_kind().verb(Lang::Fr), "Connecter");
        assert_eq!(
            Product::ExpertComptable.get_kind().verb(Lang::Fr),
            "Installer"
        );
        assert_eq!(
            Product::ExpertComptable.get_kind().verb(Lang::En),
            "Install"
        );
        assert!(!GetKind::Connect.chooses_target());
        assert!(GetKind::Install.chooses_target());
        assert_eq!(GetKind::Connect.badge(1, Lang::Fr), "Connectée");
        assert_eq!(GetKind::Install.badge(3, Lang::Fr), "Installée 3\u{A0}fois");
        assert_eq!(GetKind::Install.badge(1, Lang::En), "Installed 1 time");
        assert_eq!(GetKind::Install.event(), Event::Installation);
    }

    #[test]
    fn journal_kinds_leave_out_the_other_products_way_of_adding() {
        let qb = Product::QuickBooks.journal_kinds();
        assert!(qb.contains(&EventKind::Connection));
        assert!(!qb.contains(&EventKind::Installation));
        let ec = Product::ExpertComptable.journal_kinds();
        assert!(ec.contains(&EventKind::Installation));
        assert!(!ec.contains(&EventKind::Connection));
        assert_eq!(ec.len(), EventKind::ALL.len() - 1);
    }
}
