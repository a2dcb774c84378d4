//! Where the reader is in a long table, and so which of its rows are drawn
//! (`domain::views::visible_rows`): it follows the region's scroll, and a link focused near an
//! edge of the drawn rows, so that Tab always finds the next row drawn.

use std::ops::Range;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::views::visible_rows::{rows_to_draw, View, WHOLE_UP_TO};

/// A row's height before one is measured, in CSS pixels (what it is at the default font
/// size). Measured at the first scroll: measuring at the first draw would lay the page out
/// twice.
const ROW_GUESS: f64 = 38.0;
/// A focused row this close to an edge of the drawn rows moves them.
const EDGE: usize = 2;

#[derive(Clone, Copy)]
pub(super) struct Reader {
    view: RwSignal<View>,
    total: Memo<usize>,
    /// The rows drawn.
    pub drawn: Memo<Range<usize>>,
    /// A drawn row's height, which the gaps standing for the others follow.
    pub row_height: Memo<f64>,
}

impl Reader {
    pub fn new(total: Memo<usize>) -> Reader {
        let window_height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let view = RwSignal::new(View {
            scroll_top: 0.0,
            // The region is at most 70 % of the window's height.
            height: 0.7 * window_height,
            row_height: ROW_GUESS,
        });
        Reader {
            view,
            total,
            drawn: Memo::new(move |_| rows_to_draw(total.get(), view.get())),
            row_height: Memo::new(move |_| view.with(|v| v.row_height)),
        }
    }

    fn long(&self) -> bool {
        self.total.get_untracked() > WHOLE_UP_TO
    }

    /// The region scrolled: its scroll and height, and the drawn rows' height (the layout
    /// is done by the time the page scrolls, so reading it costs nothing).
    pub fn scrolled(&self, region: &web_sys::Element, tbody: &web_sys::Element) {
        if !self.long() {
            return;
        }
        let row = tbody
            .query_selector("tr[aria-rowindex]")
            .ok()
            .flatten()
            .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|r| f64::from(r.offset_height()))
            .filter(|h| *h >= 1.0);
        let now = self.view.get_untracked();
        let next = View {
            scroll_top: f64::from(region.scroll_top()),
            height: f64::from(region.client_height()),
            row_height: row.unwrap_or(now.row_height),
        };
        if next != now {
            self.view.set(next);
        }
    }

    /// Focus went to `target`: when its row is near an edge of the drawn rows, they are
    /// drawn around it before the next key, whether or not the region has scrolled yet.
    pub fn focused(&self, target: &web_sys::Element) {
        if !self.long() {
            return;
        }
        let Some(row) = target
            .closest("tr[aria-rowindex]")
            .ok()
            .flatten()
            .and_then(|tr| tr.get_attribute("aria-rowindex"))
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| i.checked_sub(2))
        else {
            return;
        };
        let drawn = self.drawn.get_untracked();
        let near_start = drawn.start > 0 && row < drawn.start + EDGE;
        let near_end = drawn.end < self.total.get_untracked() && row + EDGE >= drawn.end;
        if near_start || near_end {
            self.view.update(|v| {
                v.scroll_top = (row as f64 * v.row_height - v.height / 2.0).max(0.0);
            });
        }
    }
}
