//! Which rows of a long table to put in the page: the rows in view and a margin on each
//! side, so that a table of hundreds of rows costs the page what a screenful does. A table
//! short enough is drawn whole. The window moves by whole steps, so that scrolling redraws
//! it only every few rows, never at each pixel.

use std::ops::Range;

/// Up to this many rows, a table is drawn whole (every firm of the demo data).
pub const WHOLE_UP_TO: usize = 60;
/// Rows drawn beyond each edge of the view.
pub const MARGIN: usize = 6;
/// The window's first row is a multiple of this.
pub const STEP: usize = 8;
/// The most rows drawn at once, whatever the view's height says.
pub const MOST: usize = 120;

/// Where the reader is in the table, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// How far the table is scrolled from its top.
    pub scroll_top: f64,
    /// The height of the part of the table in view.
    pub height: f64,
    /// The height of one row (every row has the same).
    pub row_height: f64,
}

/// The rows to draw, out of `total`, for a reader at `view`.
pub fn rows_to_draw(total: usize, view: View) -> Range<usize> {
    if total <= WHOLE_UP_TO {
        return 0..total;
    }
    let row = if view.row_height.is_finite() && view.row_height >= 1.0 {
        view.row_height
    } else {
        1.0
    };
    let rows_at = |px: f64| {
        if px.is_finite() && px > 0.0 {
            (px / row) as usize
        } else {
            0
        }
    };
    let first_seen = rows_at(view.scroll_top).min(total);
    let first = first_seen.saturating_sub(MARGIN) / STEP * STEP;
    // The rows the step's rounding put before the view, the view, the margin after it:
    // a count that only changes with the view's height, so that the window changes only
    // when its first row does.
    let count = (MARGIN + STEP + 1 + MARGIN).saturating_add(rows_at(view.height));
    first..first.saturating_add(count.min(MOST)).min(total)
}
