//! Catalogue search: ignores case and accents, every word of the query must appear, and
//! results rank name-prefix matches first, then names where every word starts a word,
//! then names that contain the words, then matches elsewhere (publisher, description,
//! category). Ties keep alphabetical order.
//!
//! Hand-written rather than a fuzzy matcher: fuzzy subsequence scoring finds "pay" in
//! "Planning Annuel Yoga", which is noise in a catalogue, and this ranking is a few lines.

use super::catalogue::{Catalogue, Category};
use super::model::Product;
use super::text::fold;

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
    let q = fold(super::text::truncate_chars(query.trim(), QUERY_MAX));
    let terms: Vec<&str> = q.split_whitespace().collect();
    let mut tiers: [Vec<usize>; 4] = Default::default();
    for &i in catalogue.alphabetical() {
        let app = &catalogue.apps()[i];
        if !app.supports(product) || category.is_some_and(|c| c != app.category) {
            continue;
        }
        let f = &catalogue.folded()[i];
        if terms.is_empty() {
            tiers[0].push(i);
            continue;
        }
        if !terms
            .iter()
            .all(|t| f.name.contains(t) || f.rest.contains(t))
        {
            continue;
        }
        let tier = if f.name.starts_with(q.as_str()) {
            0
        } else if terms.iter().all(|t| starts_word(&f.name, t)) {
            1
        } else if terms.iter().all(|t| f.name.contains(t)) {
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
    fn hostile_queries_do_not_break() {
        let c = shipped();
        let long = "é".repeat(10_000);
        assert!(search(&c, Product::QuickBooks, &long, None).is_empty());
        let _ = search(&c, Product::QuickBooks, "<script>\u{0}\u{202e}", None);
    }
}
