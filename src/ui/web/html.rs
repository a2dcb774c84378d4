//! HTML drawn as one string, for a view of thousands of links that the browser parses far
//! faster than it receives them as nodes one by one (the overview's cells). Safe by
//! construction: markup can only be a literal written in the code (`&'static str`), and
//! every piece of data goes through [`Html::text`], escaped for content and quoted
//! attributes alike. This is the only place where the UI sets an element's HTML.

/// HTML being written.
#[derive(Default)]
pub struct Html(String);

impl Html {
    pub fn with_capacity(bytes: usize) -> Html {
        Html(String::with_capacity(bytes))
    }

    /// Markup written in the code: a literal, never data.
    pub fn tag(&mut self, markup: &'static str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    /// Data (a name, an address, a sentence): escaped, so that it is only ever text.
    pub fn text(&mut self, text: &str) -> &mut Html {
        for c in text.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// What has been written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Replaces `element`'s content with it.
    pub fn set_into(&self, element: &web_sys::Element) {
        element.set_inner_html(&self.0);
    }
}
