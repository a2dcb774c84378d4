//! The small key-value interface the store writes through, and an in-memory implementation
//! (used when the browser blocks storage, and by tests, which can give it a quota, block
//! it, and share it between two "tabs").

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use crate::domain::i18n::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KvError {
    /// The browser refuses access to storage (site data blocked).
    Blocked,
    /// The origin's quota is full.
    QuotaExceeded,
    Other(String),
}

impl fmt::Display for KvError {
    /// The French text, for logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::Fr))
    }
}

impl KvError {
    /// What went wrong, in `lang`, as a clause of a sentence.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            KvError::Blocked => lang.kv_blocked().to_string(),
            KvError::QuotaExceeded => lang.kv_quota().to_string(),
            KvError::Other(e) => lang.kv_other(e),
        }
    }
}

/// Strings by key, as localStorage holds them.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, KvError>;
    /// Writes the whole value or nothing.
    fn set(&self, key: &str, value: &str) -> Result<(), KvError>;
    fn remove(&self, key: &str) -> Result<(), KvError>;
    /// Every key, in no particular order.
    fn keys(&self) -> Result<Vec<String>, KvError>;
    /// Whether what is written survives closing the tab (false for the memory the app runs
    /// on when the browser blocks storage).
    fn lasts(&self) -> bool {
        true
    }
}

#[derive(Debug, Default)]
struct Inner {
    map: BTreeMap<String, String>,
    /// Like a browser's quota: the most UTF-16 code units keys and values may hold.
    quota: Option<usize>,
    blocked: bool,
    writes: usize,
    /// Stands for no storage at all (see `MemoryKv::volatile`).
    volatile: bool,
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

/// An in-memory store. Clones share the same data, like two tabs of one origin.
#[derive(Clone, Debug, Default)]
pub struct MemoryKv(Rc<RefCell<Inner>>);

impl MemoryKv {
    pub fn new() -> Self {
        Self::default()
    }

    /// Memory that stands for no storage at all: what the app runs on when the browser
    /// blocks storage, whose content is gone with the tab (`lasts` is false).
    pub fn volatile() -> Self {
        let kv = Self::default();
        kv.0.borrow_mut().volatile = true;
        kv
    }

    /// Limits the total size, in UTF-16 code units of keys and values.
    pub fn set_quota(&self, quota: Option<usize>) {
        self.0.borrow_mut().quota = quota;
    }

    /// Makes every call fail as a browser that blocks storage does.
    pub fn set_blocked(&self, blocked: bool) {
        self.0.borrow_mut().blocked = blocked;
    }

    /// How many successful `set` calls were made.
    pub fn writes(&self) -> usize {
        self.0.borrow().writes
    }

    pub fn used(&self) -> usize {
        let inner = self.0.borrow();
        inner.map.iter().map(|(k, v)| units(k) + units(v)).sum()
    }

    fn guard(&self) -> Result<(), KvError> {
        if self.0.borrow().blocked {
            Err(KvError::Blocked)
        } else {
            Ok(())
        }
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.guard()?;
        Ok(self.0.borrow().map.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.guard()?;
        let used_without = self.used()
            - self
                .0
                .borrow()
                .map
                .get(key)
                .map_or(0, |old| units(key) + units(old));
        let mut inner = self.0.borrow_mut();
        if let Some(quota) = inner.quota {
            if used_without + units(key) + units(value) > quota {
                return Err(KvError::QuotaExceeded);
            }
        }
        inner.map.insert(key.to_string(), value.to_string());
        inner.writes += 1;
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.guard()?;
        self.0.borrow_mut().map.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.guard()?;
        Ok(self.0.borrow().map.keys().cloned().collect())
    }

    fn lasts(&self) -> bool {
        !self.0.borrow().volatile
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_refuses_whole_writes_and_keeps_old_value() {
        let kv = MemoryKv::new();
        kv.set("a", "1234").unwrap();
        kv.set_quota(Some(6));
        assert_eq!(kv.set("a", "123456"), Err(KvError::QuotaExceeded));
        assert_eq!(kv.get("a").unwrap().as_deref(), Some("1234"));
        kv.set("a", "12345").unwrap();
    }

    #[test]
    fn blocked_fails_every_call_and_clones_share_data() {
        let kv = MemoryKv::new();
        let other_tab = kv.clone();
        kv.set("k", "v").unwrap();
        assert_eq!(other_tab.get("k").unwrap().as_deref(), Some("v"));
        kv.set_blocked(true);
        assert_eq!(other_tab.get("k"), Err(KvError::Blocked));
        assert_eq!(kv.keys(), Err(KvError::Blocked));
    }
}
