//! Which rows of a long table are drawn: all of a short one; of a long one, every row in
//! view and a margin, never more than the most, redrawn only when the window moves by a
//! step; any numbers the page gives (zero, negative, not a number) give a window.

use mes_apps::domain::views::visible_rows::{rows_to_draw, View, MARGIN, MOST, STEP, WHOLE_UP_TO};
use proptest::prelude::*;

fn at(scroll_top: f64, height: f64) -> View {
    View {
        scroll_top,
        height,
        row_height: 30.0,
    }
}

#[test]
fn a_short_table_is_drawn_whole_wherever_it_is_scrolled() {
    for total in [0, 1, 7, WHOLE_UP_TO] {
        assert_eq!(rows_to_draw(total, at(0.0, 300.0)), 0..total);
        assert_eq!(rows_to_draw(total, at(5_000.0, 10.0)), 0..total);
    }
}

#[test]
fn a_long_table_at_its_top_draws_the_rows_in_view_and_a_margin() {
    // 200 rows of 30 px in a 600 px view: rows 0 to 20 are seen.
    let drawn = rows_to_draw(200, at(0.0, 600.0));
    assert_eq!(drawn.start, 0);
    assert!(drawn.end >= 21 + MARGIN, "{drawn:?}");
    assert!(drawn.len() < 200);
}

#[test]
fn at_its_bottom_it_draws_the_last_row() {
    let drawn = rows_to_draw(200, at(200.0 * 30.0 - 600.0, 600.0));
    assert_eq!(drawn.end, 200);
    assert!(drawn.start <= 200 - 20 - MARGIN, "{drawn:?}");
}

#[test]
fn scrolling_row_by_row_redraws_once_a_step() {
    let mut windows = vec![rows_to_draw(200, at(0.0, 600.0))];
    for px in 1..=(200 * 30) {
        let w = rows_to_draw(200, at(px as f64, 600.0));
        if w != *windows.last().unwrap() {
            windows.push(w);
        }
    }
    assert!(windows.len() <= 200 / STEP + 1, "{} windows", windows.len());
    assert!(windows.len() > 10, "the window follows the reader");
}

#[test]
fn numbers_the_page_cannot_mean_still_give_a_window() {
    for (top, height, row) in [
        (f64::NAN, f64::NAN, f64::NAN),
        (-500.0, -1.0, 0.0),
        (f64::INFINITY, f64::INFINITY, f64::INFINITY),
        (1e300, 1e300, 1e-300),
    ] {
        let drawn = rows_to_draw(
            500,
            View {
                scroll_top: top,
                height,
                row_height: row,
            },
        );
        assert!(drawn.start <= drawn.end && drawn.end <= 500, "{drawn:?}");
        assert!(drawn.len() <= MOST);
        assert!(!drawn.is_empty(), "({top}, {height}, {row}) drew nothing");
    }
}

proptest! {
    #[test]
    fn every_row_in_view_is_drawn_and_never_more_than_the_most(
        total in (WHOLE_UP_TO + 1)..5_000usize,
        row in 10.0..80.0f64,
        height in 0.0..2_000.0f64,
        at_fraction in 0.0..1.0f64,
    ) {
        let scroll_top = at_fraction * (total as f64 * row - height).max(0.0);
        let drawn = rows_to_draw(total, View { scroll_top, height, row_height: row });
        prop_assert!(drawn.end <= total);
        prop_assert!(drawn.len() <= MOST);
        prop_assert_eq!(drawn.start % STEP, 0);
        let first_seen = (scroll_top / row) as usize;
        let last_seen = (((scroll_top + height) / row) as usize).min(total - 1);
        if last_seen - first_seen + 2 * MARGIN + STEP < MOST {
            prop_assert!(drawn.start <= first_seen && last_seen < drawn.end,
                "{:?} misses rows {}..={}", drawn, first_seen, last_seen);
        }
    }
}
