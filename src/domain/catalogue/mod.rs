//! The shared catalogue of apps, read from `catalogue.json` (embedded at build time), with
//! the folded text search works on computed once when the catalogue is built.

pub mod follow;
pub mod product;
pub mod version;

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use crate::domain::forms::settings::SettingDef;
use crate::domain::i18n::{Lang, Said};
use crate::domain::model::{AppId, Product};
use crate::domain::text::fold;

/// An app category, as the Catégorie filter lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Paiements,
    Ventes,
    Paie,
    Stocks,
    NotesDeFrais,
    Banque,
    Crm,
    Rapports,
    Fiscalite,
    Cabinet,
}

impl Category {
    pub const ALL: [Category; 10] = [
        Category::Paiements,
        Category::Ventes,
        Category::Paie,
        Category::Stocks,
        Category::NotesDeFrais,
        Category::Banque,
        Category::Crm,
        Category::Rapports,
        Category::Fiscalite,
        Category::Cabinet,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Category::Paiements => lang.category_paiements(),
            Category::Ventes => lang.category_ventes(),
            Category::Paie => lang.category_paie(),
            Category::Stocks => lang.category_stocks(),
            Category::NotesDeFrais => lang.category_notes_de_frais(),
            Category::Banque => lang.category_banque(),
            Category::Crm => lang.category_crm(),
            Category::Rapports => lang.category_rapports(),
            Category::Fiscalite => lang.category_fiscalite(),
            Category::Cabinet => lang.category_cabinet(),
        }
    }

    /// The category's segment in URLs (`?categorie=notes-de-frais`).
    pub fn slug(self) -> &'static str {
        match self {
            Category::Paiements => "paiements",
            Category::Ventes => "ventes",
            Category::Paie => "paie",
            Category::Stocks => "stocks",
            Category::NotesDeFrais => "notes-de-frais",
            Category::Banque => "banque",
            Category::Crm => "crm",
            Category::Rapports => "rapports",
            Category::Fiscalite => "fiscalite",
            Category::Cabinet => "cabinet",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.slug() == slug)
    }
}

/// One app of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppDef {
    pub id: AppId,
    pub name: String,
    pub publisher: String,
    /// Where to ask about one's data rights (an e-mail address).
    pub contact: String,
    pub category: Category,
    /// One sentence for result lists.
    pub tagline: String,
    pub description: String,
    /// The data the app will access once connected.
    pub permissions: Vec<String>,
    pub products: Vec<Product>,
    /// One to four settings (the newer version's included).
    pub settings: Vec<SettingDef>,
    /// A newer version of the app, which reads more (see `version`); absent for most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<version::NextVersion>,
}

impl AppDef {
    pub fn supports(&self, product: Product) -> bool {
        self.products.contains(&product)
    }

    pub fn setting(&self, key: &str) -> Option<&SettingDef> {
        self.settings.iter().find(|s| s.key == key)
    }
}

/// An app's text, folded once for matching.
#[derive(Clone, Debug)]
pub(crate) struct Folded {
    pub name: String,
    /// Name, publisher, tagline, description and category, folded, separated by newlines.
    pub rest: String,
}

/// The catalogue and its search index, in the order apps are listed.
#[derive(Clone, Debug)]
pub struct Catalogue {
    apps: Vec<AppDef>,
    folded: Vec<Folded>,
    /// Indices of `apps` sorted by folded name, so that a search needs no sort.
    alphabetical: Vec<usize>,
    /// Where each app is in `apps`: looking an app up is done for every row shown and
    /// every connection and journal entry checked, so it must not scan the catalogue.
    by_id: HashMap<AppId, usize>,
}

/// The catalogue file could not be read: a build defect, reported rather than panicking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueError(pub Said);

impl CatalogueError {
    /// The sentence in `lang`, with the parser's place and reason.
    pub fn text(&self, lang: Lang) -> String {
        lang.catalogue_unreadable(self.0.text(lang))
    }
}

const CATALOGUE_JSON: &str = include_str!("catalogue.json");

impl Catalogue {
    /// The catalogue shipped with the product.
    pub fn shipped() -> Result<Catalogue, CatalogueError> {
        let apps: Vec<AppDef> = crate::domain::text::json::parse(CATALOGUE_JSON)
            .map_err(|e| CatalogueError(Said::new(|l| e.text(l))))?;
        Ok(Catalogue::new(apps))
    }

    pub fn new(apps: Vec<AppDef>) -> Catalogue {
        let folded = apps
            .iter()
            .map(|a| Folded {
                name: fold(&a.name),
                rest: fold(&format!(
                    "{}\n{}\n{}\n{}\n{}",
                    a.publisher,
                    a.tagline,
                    a.description,
                    // The catalogue's words are French; its categories are named in
                    // each language, and found by either name.
                    a.category.label(Lang::Fr),
                    a.category.label(Lang::En)
                )),
            })
            .collect::<Vec<Folded>>();
        let mut alphabetical: Vec<usize> = (0..apps.len()).collect();
        alphabetical.sort_by(|&a, &b| folded[a].name.cmp(&folded[b].name));
        let by_id = apps
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        Catalogue {
            apps,
            folded,
            alphabetical,
            by_id,
        }
    }

    pub fn apps(&self) -> &[AppDef] {
        &self.apps
    }

    pub fn app(&self, id: &AppId) -> Option<&AppDef> {
        self.by_id.get(id).map(|&i| &self.apps[i])
    }

    /// The app's name, or its id when the catalogue no longer has it.
    pub fn app_name<'a>(&'a self, id: &'a AppId) -> &'a str {
        self.app(id).map(|a| a.name.as_str()).unwrap_or(id.as_str())
    }

    /// The app's category as a list shows it, or that the app has left the catalogue.
    pub fn category_label(&self, id: &AppId, lang: Lang) -> &'static str {
        self.app(id)
            .map_or(lang.category_removed(), |a| a.category.label(lang))
    }

    pub(crate) fn folded(&self) -> &[Folded] {
        &self.folded
    }

    pub(crate) fn alphabetical(&self) -> &[usize] {
        &self.alphabetical
    }

    /// The categories that hold at least one app of `product`, in display order.
    pub fn categories(&self, product: Product) -> Vec<Category> {
        Category::ALL
            .into_iter()
            .filter(|c| {
                self.apps
                    .iter()
                    .any(|a| a.category == *c && a.supports(product))
            })
            .collect()
    }

    /// A catalogue of `n` generated apps for measuring search at scale; never the demo's.
    pub fn generated(n: usize) -> Catalogue {
        const WORDS: [&str; 16] = [
            "Caisse",
            "Paie",
            "Relances",
            "Stock",
            "Banque",
            "Factures",
            "Notes",
            "Tableau",
            "Clients",
            "Devis",
            "Trésorerie",
            "Écritures",
            "Agenda",
            "Dépenses",
            "Contrats",
            "Équipe",
        ];
        const SUFFIXES: [&str; 12] = [
            "Horizon", "Facile", "Pro", "Malin", "Sereine", "Express", "Éclair", "Clair", "Plus",
            "Nova", "Atlas", "Zénith",
        ];
        let base = Catalogue::shipped().map(|c| c.apps).unwrap_or_default();
        let apps = (0..n)
            .map(|i| {
                let w = WORDS[i % WORDS.len()];
                let s = SUFFIXES[(i / WORDS.len()) % SUFFIXES.len()];
                let category = Category::ALL[i % Category::ALL.len()];
                let template = base.get(i % base.len().max(1));
                AppDef {
                    id: AppId(format!("gen-{i}")),
                    name: format!("{w} {s} {i}"),
                    publisher: format!("Éditions {s} {}", i % 97),
                    contact: format!("donnees{i}@exemple.fr"),
                    category,
                    tagline: format!(
                        "{} pour les {} de l'entreprise.",
                        w,
                        category.label(Lang::Fr)
                    ),
                    description: template.map(|t| t.description.clone()).unwrap_or_default(),
                    permissions: template.map(|t| t.permissions.clone()).unwrap_or_default(),
                    products: vec![Product::QuickBooks, Product::ExpertComptable],
                    settings: template.map(|t| t.settings.clone()).unwrap_or_default(),
                    next: None,
                }
            })
            .collect();
        Catalogue::new(apps)
    }
}
