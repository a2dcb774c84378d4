//! Catalogue search: ignores case and accents, every word of the query must appear, and
//! results rank name-prefix matches first, then names where every word starts a word,
//! then names that contain the words, then matches elsewhere (publisher, description,
//! category). Ties keep alphabetical order.
//!
//! Hand-written rather than a fuzzy matcher: fuzzy subsequence scoring finds "pay" in
//! "Planning Annuel Yoga", which is noise in a catalogue, and this ranking is a few lines.

use crate::domain::catalogue::{Catalogue, Category};
use crate::domain::model::Product;
use crate::domain::text::fold;

/// The longest query searched, in characters; the rest is ignored (and the box says so).
pub const QUERY_MAX: usize = 100;

/// Whether `needle` starts a word of `hay`: at its start or after a non-alphanumeric char.
fn starts_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        hay[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Indices into `catalogue.apps()` of the apps of `product` matching `query` (and
/// `category` when given), best first.
pub fn search(
    catalogue: &Catalogue,
    product: Product,
    query: &str,
    category: Option<Category>,
) -> Vec<usize> {
    Searcher::default().search(catalogue, product, query, category)
}

/// The query folded, cut to [`QUERY_MAX`] and trimmed: what is actually searched.
fn prepare(query: &str) -> String {
    fold(crate::domain::text::truncate_chars(query.trim(), QUERY_MAX))
        .trim()
        .to_string()
}

/// Matches of one folded query, in alphabetical order.
struct Step {
    query: String,
    matched: Vec<usize>,
}

/// A search as the user types. Each key usually extends the query, and every app that
/// matches the longer query matched the shorter one (each word of the shorter query is a
/// word of the longer one, or the start of one), so a longer query only filters the
/// previous matches instead of the whole catalogue. Deleting a character goes back to the
/// matches already known for that shorter query. Results are those of [`search`].
#[derive(Default)]
pub struct Searcher {
    /// The product and category the steps were computed for.
    scope: Option<(Product, Option<Category>)>,
    /// Matches of successively longer queries, each a prefix of the next.
    steps: Vec<Step>,
}

impl Searcher {
    pub fn search(
        &mut self,
        catalogue: &Catalogue,
        product: Product,
        query: &str,
        category: Option<Category>,
    ) -> Vec<usize> {
        let q = prepare(query);
        if self.scope != Some((product, category)) {
            self.scope = Some((product, category));
            self.steps.clear();
        }
        // Keep the known steps whose query starts this one; the last is the closest.
        self.steps.retain(|s| q.starts_with(s.query.as_str()));
        let terms: Vec<&str> = q.split_whitespace().collect();
        let matched: Vec<usize> = match self.steps.last() {
            Some(step) if step.query == q => step.matched.clone(),
            Some(step) => filter(catalogue, step.matched.iter().copied(), &terms),
            None => {
                let scoped = catalogue.alphabetical().iter().copied().filter(|&i| {
                    let app = &catalogue.apps()[i];
                    app.supports(product) && category.is_none_or(|c| c == app.category)
                });
                filter(catalogue, scoped, &terms)
            }
        };
        if self.steps.last().is_none_or(|s| s.query != q) {
            self.steps.push(Step {
                query: q.clone(),
                matched: matched.clone(),
            });
        }
        rank(catalogue, matched, &q, &terms)
    }
}

/// The candidates in which every term appears, in the name or elsewhere.
fn filter(
    catalogue: &Catalogue,
    candidates: impl Iterator<Item = usize>,
    terms: &[&str],
) -> Vec<usize> {
    let folded = catalogue.folded();
    candidates
        .filter(|&i| {
            let f = &folded[i];
            terms
                .iter()
                .all(|t| f.name.contains(t) || f.rest.contains(t))
        })
        .collect()
}

/// Orders matches (given alphabetically) by tier, keeping alphabetical order within one.
fn rank(catalogue: &Catalogue, matched: Vec<usize>, q: &str, terms: &[&str]) -> Vec<usize> {
    if terms.is_empty() {
        return matched;
    }
    let folded = catalogue.folded();
    let mut tiers: [Vec<usize>; 4] = Default::default();
    for i in matched {
        let name = &folded[i].name;
        let tier = if name.starts_with(q) {
            0
        } else if terms.iter().all(|t| starts_word(name, t)) {
            1
        } else if terms.iter().all(|t| name.contains(t)) {
            2
        } else {
            3
        };
        tiers[tier].push(i);
    }
    tiers.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(c: &Catalogue, idx: &[usize]) -> Vec<String> {
        idx.iter().map(|&i| c.apps()[i].name.clone()).collect()
    }

    fn shipped() -> Catalogue {
        Catalogue::shipped().expect("the shipped catalogue parses")
    }

    #[test]
    fn ignores_case_and_accents() {
        let c = shipped();
        let found = names(&c, &search(&c, Product::QuickBooks, "deconnexion", None));
        assert!(
            found.contains(&"Alerte Déconnexion".to_string()),
            "{found:?}"
        );
        let found = names(&c, &search(&c, Product::QuickBooks, "NOTES ÉCLAIR", None));
        assert_eq!(found.first().map(String::as_str), Some("Notes Éclair"));
    }

    #[test]
    fn name_prefix_ranks_before_word_start_before_elsewhere() {
        let c = shipped();
        let found = names(&c, &search(&c, Product::QuickBooks, "pro", None));
        let pos = |n: &str| found.iter().position(|f| f == n);
        // "Relances Pro" has the word "Pro" in its name: before any description match.
        let relances = pos("Relances Pro").expect("Relances Pro is found");
        for (i, name) in found.iter().enumerate() {
            let folded = fold(name);
            if !folded.contains("pro") {
                assert!(i > relances, "{name} ranks before Relances Pro");
            }
            if folded.starts_with("pro") {
                assert!(i < relances, "{name} should rank before Relances Pro");
            }
        }
    }

    #[test]
    fn every_word_must_match_and_category_filters() {
        let c = shipped();
        assert!(search(&c, Product::QuickBooks, "caisse zzzz", None).is_empty());
        let paie = search(&c, Product::QuickBooks, "", Some(Category::Paie));
        assert!(!paie.is_empty());
        assert!(paie.iter().all(|&i| c.apps()[i].category == Category::Paie));
    }

    #[test]
    fn product_limits_results() {
        let c = shipped();
        let ec_only = search(&c, Product::QuickBooks, "dossiers partages", None);
        assert!(names(&c, &ec_only).iter().all(|n| n != "Dossiers Partagés"));
        let ec = search(&c, Product::ExpertComptable, "dossiers partages", None);
        assert_eq!(
            names(&c, &ec).first().map(String::as_str),
            Some("Dossiers Partagés")
        );
    }

    #[test]
    fn empty_query_lists_everything_alphabetically() {
        let c = shipped();
        let all = search(&c, Product::ExpertComptable, "   ", None);
        let n = c
            .apps()
            .iter()
            .filter(|a| a.supports(Product::ExpertComptable))
            .count();
        assert_eq!(all.len(), n);
        let folded: Vec<String> = all.iter().map(|&i| fold(&c.apps()[i].name)).collect();
        let mut sorted = folded.clone();
        sorted.sort();
        assert_eq!(folded, sorted);
    }

    #[test]
    fn typing_and_deleting_gives_the_same_results_as_a_fresh_search() {
        let c = shipped();
        let mut s = Searcher::default();
        let typed = "tresorerie plus";
        for n in (1..=typed.len()).chain((1..typed.len()).rev()) {
            let q = &typed[..n];
            assert_eq!(
                s.search(&c, Product::QuickBooks, q, None),
                search(&c, Product::QuickBooks, q, None),
                "{q}"
            );
        }
        // Another category or product starts over.
        assert_eq!(
            s.search(&c, Product::ExpertComptable, "pa", Some(Category::Paie)),
            search(&c, Product::ExpertComptable, "pa", Some(Category::Paie))
        );
    }

    #[test]
    fn hostile_queries_do_not_break() {
        let c = shipped();
        let long = "é".repeat(10_000);
        assert!(search(&c, Product::QuickBooks, &long, None).is_empty());
        let _ = search(&c, Product::QuickBooks, "<script>\u{0}\u{202e}", None);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::domain::i18n::Lang;
    use proptest::prelude::*;

    /// The rule spelled out as plainly as possible, from the apps themselves.
    fn reference(
        c: &Catalogue,
        product: Product,
        query: &str,
        category: Option<Category>,
    ) -> Vec<usize> {
        let q = fold(crate::domain::text::truncate_chars(query.trim(), QUERY_MAX))
            .trim()
            .to_string();
        let terms: Vec<&str> = q.split_whitespace().collect();
        let mut all: Vec<usize> = (0..c.apps().len()).collect();
        all.sort_by_key(|&i| fold(&c.apps()[i].name));
        let mut tiers: [Vec<usize>; 4] = Default::default();
        for i in all {
            let a = &c.apps()[i];
            if !a.supports(product) || category.is_some_and(|x| x != a.category) {
                continue;
            }
            let name = fold(&a.name);
            let rest = fold(&format!(
                "{}\n{}\n{}\n{}\n{}",
                a.publisher,
                a.tagline,
                a.description,
                a.category.label(Lang::Fr),
                a.category.label(Lang::En)
            ));
            if !terms.iter().all(|t| name.contains(t) || rest.contains(t)) {
                continue;
            }
            let word_start = |t: &str| {
                name.match_indices(t).any(|(p, _)| {
                    name[..p]
                        .chars()
                        .next_back()
                        .is_none_or(|ch| !ch.is_alphanumeric())
                })
            };
            let tier = if terms.is_empty() || name.starts_with(q.as_str()) {
                0
            } else if terms.iter().all(|t| word_start(t)) {
                1
            } else if terms.iter().all(|t| name.contains(t)) {
                2
            } else {
                3
            };
            tiers[tier].push(i);
        }
        tiers.concat()
    }

    proptest! {
        /// Whatever is typed, deleted or retyped, in whatever scope, the incremental
        /// searcher answers what a fresh search answers.
        #[test]
        fn searcher_equals_fresh_search(
            keys in proptest::collection::vec(
                prop_oneof![
                    4 => proptest::sample::select(vec!['a', 'e', 'i', 'o', 'r', 's', 't', 'p', 'l', 'c', ' ', 'é']).prop_map(Some),
                    1 => Just(None),
                ],
                1..30,
            ),
            category in proptest::option::of(proptest::sample::select(Category::ALL.to_vec())),
        ) {
            let c = Catalogue::shipped().expect("catalogue");
            let mut s = Searcher::default();
            let mut q = String::new();
            for k in keys {
                match k {
                    Some(ch) => q.push(ch),
                    None => { q.pop(); }
                }
                let expected = reference(&c, Product::QuickBooks, &q, category);
                prop_assert_eq!(&s.search(&c, Product::QuickBooks, &q, category), &expected);
                prop_assert_eq!(&search(&c, Product::QuickBooks, &q, category), &expected);
            }
        }
    }
}
