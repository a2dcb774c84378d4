//! Parts of the app kept out of the first load. Each part is a wasm chunk that the build
//! splits off (`scripts/build.sh`); it is fetched the first time it is needed, or ahead
//! while the first screen is idle ([`fetch_ahead`]). A part that fails to load is an
//! error its caller shows, never a panic, and the next try fetches it again.
//!
//! A part is declared with [`part!`]: its value (a view's constructor, a function) is
//! only reachable through the split point, so its code and texts stay in its chunk.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

pub use wasm_split_helpers::SplitLoaderError;

/// A part's chunk could not be loaded: the network is down, or the host no longer has
/// the build the page started with. Nothing was changed; a new try fetches it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unloaded;

/// What loading a part's chunk gives: its value, or [`Unloaded`].
pub type Loading<T> = Pin<Box<dyn Future<Output = Result<T, Unloaded>>>>;

/// One part: how to load its chunk, and its value once loaded.
pub struct Part<T: 'static> {
    load: fn() -> Loading<T>,
    loaded: OnceLock<T>,
}

impl<T: Copy + Send + Sync + 'static> Part<T> {
    /// A part loaded by `load` (the split point [`part!`] writes).
    pub const fn new(load: fn() -> Loading<T>) -> Self {
        Part {
            load,
            loaded: OnceLock::new(),
        }
    }

    /// Its value if its chunk is already loaded: then a view is drawn at once.
    pub fn ready(&self) -> Option<T> {
        self.loaded.get().copied()
    }

    /// Its value, loading its chunk first if needed. A failure is not kept: the next call
    /// fetches again.
    pub async fn load(&'static self) -> Result<T, Unloaded> {
        if let Some(value) = self.ready() {
            return Ok(value);
        }
        let value = (self.load)().await?;
        Ok(*self.loaded.get_or_init(|| value))
    }
}

/// A part of any type, as [`fetch_ahead`] takes it.
pub trait Ahead: Sync {
    /// Loads the part's chunk, quietly: a failure is tried again when the part is opened.
    fn fetch(&'static self) -> Pin<Box<dyn Future<Output = ()>>>;
}

impl<T: Copy + Send + Sync + 'static> Ahead for Part<T> {
    fn fetch(&'static self) -> Pin<Box<dyn Future<Output = ()>>> {
        Box::pin(async move {
            let _ = self.load().await;
        })
    }
}

/// Declares a part: `part!(pub static NAME: TYPE = chunk_name => value);`. Every part
/// has a chunk name of its own; `value` is built in the chunk and must be `Copy` (a
/// function pointer, a non-capturing closure).
///
/// The split points exist in the build `scripts/build.sh` makes (`--cfg mes_apps_split`),
/// which runs the splitter; elsewhere (browser tests, clippy) a part is a plain async
/// function, since an unsplit wasm could not resolve the loader's imports.
macro_rules! part {
    ($vis:vis static $name:ident: $ty:ty = $chunk:ident => $value:expr;) => {
        $vis static $name: $crate::ui::web::split::Part<$ty> = {
            #[cfg(mes_apps_split)]
            #[wasm_split_helpers::wasm_split($chunk, fallible)]
            fn $chunk() -> Result<$ty, $crate::ui::web::split::SplitLoaderError> {
                Ok($value)
            }
            #[cfg(not(mes_apps_split))]
            async fn $chunk() -> Result<$ty, $crate::ui::web::split::SplitLoaderError> {
                Ok($value)
            }
            $crate::ui::web::split::Part::new(|| {
                Box::pin(async { $chunk().await.map_err(|_| $crate::ui::web::split::Unloaded) })
            })
        };
    };
}
pub(crate) use part;

/// Fetches the given parts one after the other, each when the page is next idle, so that
/// opening one later draws it at once. Started once the first page is shown.
pub fn fetch_ahead(parts: &'static [&'static dyn Ahead]) {
    leptos::task::spawn_local(async move {
        for part in parts {
            idle().await;
            part.fetch().await;
        }
    });
}

/// Resolves the next time the browser is idle.
async fn idle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        leptos::prelude::request_idle_callback(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
