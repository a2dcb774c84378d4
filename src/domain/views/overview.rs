//! Vue d'ensemble (Expert-Comptable): every connection of the firm at once, as a table
//! whose rows are the firm and each client the acting user may access, and whose columns
//! are the apps installed anywhere among them. Each cell says who manages the app there.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::domain::access::permissions::can_access;
use crate::domain::catalogue::Catalogue;
use crate::domain::i18n::Lang;
use crate::domain::model::{AppId, CompanyId, CompanyKind, ProductState, UserId};
use crate::domain::text::fold;

/// How the rows are ordered (the firm always first).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RowOrder {
    /// By company name, A to Z.
    #[default]
    ByName,
    /// Most apps first, then by name.
    ByAppCount,
}

impl RowOrder {
    pub const ALL: [RowOrder; 2] = [RowOrder::ByName, RowOrder::ByAppCount];

    /// The Trier par control's option.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            RowOrder::ByName => lang.row_order_by_name(),
            RowOrder::ByAppCount => lang.row_order_by_app_count(),
        }
    }

    /// The value in the address (`?tri=applis`).
    pub fn slug(self) -> &'static str {
        match self {
            RowOrder::ByName => "nom",
            RowOrder::ByAppCount => "applis",
        }
    }

    pub fn from_slug(slug: &str) -> Option<RowOrder> {
        RowOrder::ALL.into_iter().find(|o| o.slug() == slug)
    }
}

/// One row: a company, and who manages each column's app there (`None`: not installed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub company: CompanyId,
    pub name: String,
    pub kind: CompanyKind,
    /// Per column: `None` where the app is not installed; `Some(None)` where it is and
    /// nobody manages it.
    pub cells: Vec<Option<Option<UserId>>>,
}

impl Row {
    /// How many of the columns' apps are installed there.
    pub fn installed(&self) -> usize {
        self.cells.iter().filter(|c| c.is_some()).count()
    }
}

/// The table: its columns (apps, by name) and rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overview {
    pub columns: Vec<AppId>,
    pub rows: Vec<Row>,
}

impl Overview {
    /// How many connections `user` manages in the table.
    pub fn managed_by(&self, user: &UserId) -> usize {
        self.rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter(|c| c.as_ref().and_then(Option::as_ref) == Some(user))
            .count()
    }

    /// Every connection in the table.
    pub fn connections(&self) -> usize {
        self.rows.iter().map(Row::installed).sum()
    }
}

/// The overview `actor` may see: the firm, then the clients they may access, ordered by
/// `order`; columns are the apps installed anywhere among those rows, by name. An
/// unknown actor sees nothing.
pub fn overview(
    state: &ProductState,
    catalogue: &Catalogue,
    actor: &UserId,
    order: RowOrder,
) -> Overview {
    let Some(user) = state.user(actor) else {
        return Overview::default();
    };
    let companies: Vec<_> = state
        .companies
        .iter()
        .filter(|c| matches!(c.kind, CompanyKind::Firm | CompanyKind::Client))
        .filter(|c| can_access(user, c))
        .collect();
    // Who manages each (company, app) among those rows, looked up once: a table of 200
    // clients and 40 apps has 8,000 cells, and scanning the connections for each one
    // took seconds.
    let shown: HashSet<&CompanyId> = companies.iter().map(|c| &c.id).collect();
    let managers: HashMap<(&CompanyId, &AppId), &Option<UserId>> = state
        .connections
        .iter()
        .filter(|conn| shown.contains(&conn.company))
        .map(|conn| ((&conn.company, &conn.app), &conn.manager))
        .collect();
    // Each app once, so that a name is folded per column rather than per connection.
    let apps: HashSet<&AppId> = managers.keys().map(|(_, app)| *app).collect();
    let mut columns: Vec<AppId> = apps.into_iter().cloned().collect();
    columns.sort_by_cached_key(|a| (fold(catalogue.app_name(a)), a.clone()));
    let mut rows: Vec<Row> = companies
        .iter()
        .map(|c| Row {
            company: c.id.clone(),
            name: c.name.clone(),
            kind: c.kind,
            cells: columns
                .iter()
                .map(|app| managers.get(&(&c.id, app)).map(|m| (*m).clone()))
                .collect(),
        })
        .collect();
    rows.sort_by_cached_key(|r| {
        let firm_first = r.kind != CompanyKind::Firm;
        let count = match order {
            RowOrder::ByName => 0,
            RowOrder::ByAppCount => usize::MAX - r.installed(),
        };
        (firm_first, count, fold(&r.name))
    });
    Overview { columns, rows }
}
