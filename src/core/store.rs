//! The storage seam: every key Stallwatch keeps in the browser's `storage.local`, what each kind
//! is for and how it is treated (backed up, deleted by "delete everything", forgotten after the
//! rep's retention period), the stored values as the views read them (`Stored`, taken apart once
//! per call), and the one shape every change takes (`Effects`, which the JavaScript applies
//! without composing a key of its own).
//!
//! This module is the only place a storage key is spelled. The modules that own a kind's values
//! (`notes`, `seen`, `settings`, `message::memory`, `backup`, the views) build keys through
//! `StoreKey` and read values through `Stored`.

use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt;

/// The kinds of storage key, one per idea.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    /// The rep's settings (`settings`).
    Settings,
    /// One deal's private notes (`notes:<deal key>`).
    Notes,
    /// The memory of one deal the rep has seen (`seen:<deal key>`), for lists and Today.
    Seen,
    /// The suggestion last copied on one deal (`copied:<deal key>`), so it is not repeated.
    Copied,
    /// The day/month order a CRM host's pages proved (`date_order:<host>`).
    DateOrder,
    /// The values kept before the last restore, for its undo (`restore_undo`).
    RestoreUndo,
    /// The reminders already shown, by id (`reminders_shown`).
    RemindersShown,
    /// When the reminders last ran, in ms since the epoch (`reminders_last_run`).
    RemindersLastRun,
    /// The window corner the rep dragged the badge to (`overlay_corner`).
    OverlayCorner,
}

/// How a kind of key is spelled and treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindSpec {
    pub kind: KeyKind,
    /// The whole key, or the prefix before the deal key or host (`notes:`).
    pub key: &'static str,
    /// `key` is a prefix followed by a deal key or a host.
    pub prefixed: bool,
    /// Written into backup files (and restored from them).
    pub backed_up: bool,
    /// Removed by "Delete everything Stallwatch keeps here".
    pub deleted_by_delete_all: bool,
    /// Forgotten when the rep's retention period has passed since it was written.
    pub forgotten_by_retention: bool,
}

const fn spec(kind: KeyKind, key: &'static str, prefixed: bool, backed_up: bool) -> KindSpec {
    KindSpec {
        kind,
        key,
        prefixed,
        backed_up,
        // Everything Stallwatch keeps is its own: "delete everything" leaves nothing behind.
        deleted_by_delete_all: true,
        forgotten_by_retention: matches!(kind, KeyKind::Seen),
    }
}

/// The storage schema: every kind, once.
pub const SCHEMA: [KindSpec; 9] = [
    spec(KeyKind::Settings, "settings", false, true),
    spec(KeyKind::Notes, "notes:", true, true),
    spec(KeyKind::Seen, "seen:", true, true),
    spec(KeyKind::Copied, "copied:", true, false),
    spec(KeyKind::DateOrder, "date_order:", true, false),
    // The copy taken before a restore describes this browser only: restoring it elsewhere
    // would undo changes that never happened there.
    spec(KeyKind::RestoreUndo, "restore_undo", false, false),
    spec(KeyKind::RemindersShown, "reminders_shown", false, false),
    spec(
        KeyKind::RemindersLastRun,
        "reminders_last_run",
        false,
        false,
    ),
    spec(KeyKind::OverlayCorner, "overlay_corner", false, false),
];

impl KeyKind {
    pub const ALL: [KeyKind; 9] = [
        KeyKind::Settings,
        KeyKind::Notes,
        KeyKind::Seen,
        KeyKind::Copied,
        KeyKind::DateOrder,
        KeyKind::RestoreUndo,
        KeyKind::RemindersShown,
        KeyKind::RemindersLastRun,
        KeyKind::OverlayCorner,
    ];

    pub fn spec(self) -> &'static KindSpec {
        // SCHEMA is in `ALL`'s order (a test keeps it so).
        &SCHEMA[self as usize]
    }
}

/// One storage key, typed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StoreKey {
    Settings,
    Notes(String),
    Seen(String),
    Copied(String),
    DateOrder(String),
    RestoreUndo,
    RemindersShown,
    RemindersLastRun,
    OverlayCorner,
}

impl StoreKey {
    pub fn kind(&self) -> KeyKind {
        match self {
            StoreKey::Settings => KeyKind::Settings,
            StoreKey::Notes(_) => KeyKind::Notes,
            StoreKey::Seen(_) => KeyKind::Seen,
            StoreKey::Copied(_) => KeyKind::Copied,
            StoreKey::DateOrder(_) => KeyKind::DateOrder,
            StoreKey::RestoreUndo => KeyKind::RestoreUndo,
            StoreKey::RemindersShown => KeyKind::RemindersShown,
            StoreKey::RemindersLastRun => KeyKind::RemindersLastRun,
            StoreKey::OverlayCorner => KeyKind::OverlayCorner,
        }
    }

    /// The deal key or host after a prefixed kind's prefix.
    pub fn suffix(&self) -> Option<&str> {
        match self {
            StoreKey::Notes(s)
            | StoreKey::Seen(s)
            | StoreKey::Copied(s)
            | StoreKey::DateOrder(s) => Some(s),
            _ => None,
        }
    }

    fn with_suffix(kind: KeyKind, suffix: &str) -> Option<StoreKey> {
        let s = suffix.to_string();
        Some(match kind {
            KeyKind::Notes => StoreKey::Notes(s),
            KeyKind::Seen => StoreKey::Seen(s),
            KeyKind::Copied => StoreKey::Copied(s),
            KeyKind::DateOrder => StoreKey::DateOrder(s),
            _ => return None,
        })
    }

    /// The key as stored; `None` for a string that is none of Stallwatch's keys.
    pub fn parse(key: &str) -> Option<StoreKey> {
        SCHEMA.iter().find_map(|s| {
            if s.prefixed {
                let rest = key.strip_prefix(s.key)?;
                (!rest.is_empty())
                    .then(|| Self::with_suffix(s.kind, rest))
                    .flatten()
            } else if key == s.key {
                Some(match s.kind {
                    KeyKind::Settings => StoreKey::Settings,
                    KeyKind::RestoreUndo => StoreKey::RestoreUndo,
                    KeyKind::RemindersShown => StoreKey::RemindersShown,
                    KeyKind::RemindersLastRun => StoreKey::RemindersLastRun,
                    KeyKind::OverlayCorner => StoreKey::OverlayCorner,
                    _ => return None,
                })
            } else {
                None
            }
        })
    }
}

impl fmt::Display for StoreKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind().spec().key)?;
        if let Some(s) = self.suffix() {
            f.write_str(s)?;
        }
        Ok(())
    }
}

impl Serialize for StoreKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl From<StoreKey> for String {
    fn from(k: StoreKey) -> String {
        k.to_string()
    }
}

/// What was read from storage (all of it, or the keys a call named), taken apart once: only
/// Stallwatch's own keys are kept, each under its kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stored {
    map: Map<String, Value>,
}

impl Stored {
    /// From the object `storage.local.get` returned; anything else is an empty store.
    pub fn from_value(value: Value) -> Stored {
        let map = match value {
            Value::Object(m) => m
                .into_iter()
                .filter(|(k, v)| !v.is_null() && StoreKey::parse(k).is_some())
                .collect(),
            _ => Map::new(),
        };
        Stored { map }
    }

    /// Nothing stored.
    pub fn empty() -> Stored {
        Stored::default()
    }

    /// The value under `key`, if any.
    pub fn get(&self, key: &StoreKey) -> Option<&Value> {
        self.map.get(&key.to_string())
    }

    /// Every stored key of `kind` with its value (for a prefixed kind, the deal key or host
    /// after the prefix; else the whole key), in key order.
    pub fn of_kind(&self, kind: KeyKind) -> impl Iterator<Item = (&str, &Value)> {
        let spec = kind.spec();
        self.map.iter().filter_map(move |(k, v)| {
            if spec.prefixed {
                k.strip_prefix(spec.key).map(|rest| (rest, v))
            } else {
                (k == spec.key).then_some((k.as_str(), v))
            }
        })
    }

    /// Every stored key with its value, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.map.iter()
    }

    /// This store after `effects` (what the browser will hold once they are applied).
    pub fn after(&self, effects: &Effects) -> Stored {
        let mut map = self.map.clone();
        for (k, v) in &effects.set {
            map.insert(k.clone(), v.clone());
        }
        for k in &effects.remove {
            map.remove(k);
        }
        Stored::from_value(Value::Object(map))
    }
}

/// What a call changes in storage: the JavaScript writes `set` in one `storage.local.set`,
/// then removes `remove`, and shows `status` when there is one. Every export that changes
/// storage returns this shape.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Effects {
    pub set: Map<String, Value>,
    pub remove: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

impl Effects {
    pub fn none() -> Effects {
        Effects::default()
    }

    /// One value to write.
    pub fn setting(key: StoreKey, value: Value) -> Effects {
        let mut e = Effects::none();
        e.set(key, value);
        e
    }

    pub fn set(&mut self, key: StoreKey, value: Value) {
        self.put(key.to_string(), value);
    }

    pub fn remove(&mut self, key: StoreKey) {
        self.drop_key(key.to_string());
    }

    /// The last word on `k`: written.
    fn put(&mut self, k: String, value: Value) {
        self.remove.retain(|r| r != &k);
        self.set.insert(k, value);
    }

    /// The last word on `k`: removed.
    fn drop_key(&mut self, k: String) {
        self.set.remove(&k);
        if !self.remove.contains(&k) {
            self.remove.push(k);
        }
    }

    /// `other`'s changes after this one's.
    pub fn and(mut self, other: Effects) -> Effects {
        for (k, v) in other.set {
            self.put(k, v);
        }
        for k in other.remove {
            self.drop_key(k);
        }
        self.status = other.status.or(self.status);
        self
    }

    pub fn with_status(mut self, status: impl Into<String>) -> Effects {
        self.status = Some(status.into());
        self
    }

    /// Nothing to write or remove.
    pub fn is_empty(&self) -> bool {
        self.set.is_empty() && self.remove.is_empty()
    }
}

/// "Delete everything Stallwatch keeps here": every key of this extension's storage (`keys`,
/// all of them as read), a key of a newer Stallwatch's unknown kind included: the storage area
/// is Stallwatch's own, so nothing in it belongs to anyone else.
pub fn delete_everything<'a>(keys: impl IntoIterator<Item = &'a String>) -> Effects {
    Effects {
        remove: keys.into_iter().cloned().collect(),
        ..Effects::none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_schema_lists_every_kind_once_in_order() {
        for (i, k) in KeyKind::ALL.iter().enumerate() {
            assert_eq!(SCHEMA[i].kind, *k, "SCHEMA follows KeyKind::ALL");
            assert_eq!(*k as usize, i);
        }
        // No key or prefix is a prefix of another kind's: a key parses to one kind only.
        for a in &SCHEMA {
            for b in &SCHEMA {
                if a.kind != b.kind && b.prefixed {
                    assert!(!a.key.starts_with(b.key), "{} vs {}", a.key, b.key);
                }
            }
        }
    }

    #[test]
    fn every_key_reads_back_as_itself() {
        let keys = [
            StoreKey::Settings,
            StoreKey::Notes("sf:acme:006".into()),
            StoreKey::Seen("hs:1:2".into()),
            StoreKey::Copied("sf:acme:006".into()),
            StoreKey::DateOrder("acme.lightning.force.com".into()),
            StoreKey::RestoreUndo,
            StoreKey::RemindersShown,
            StoreKey::RemindersLastRun,
            StoreKey::OverlayCorner,
        ];
        for k in &keys {
            assert_eq!(StoreKey::parse(&k.to_string()).as_ref(), Some(k));
        }
        assert_eq!(keys.len(), KeyKind::ALL.len());
        assert_eq!(StoreKey::Notes("x".into()).to_string(), "notes:x");
        for not_ours in ["notes:", "something_else", "Settings", "seen"] {
            assert_eq!(StoreKey::parse(not_ours), None, "{not_ours}");
        }
    }

    #[test]
    fn stored_keeps_only_our_keys_and_reads_them_by_kind() {
        let s = Stored::from_value(json!({
            "settings": {"silence_days": 9},
            "notes:sf:a:1": {"reason": "x"},
            "notes:sf:a:2": {"reason": "y"},
            "seen:sf:a:1": {"v": 1},
            "another_extension": 5,
            "copied:sf:a:1": null,
        }));
        assert_eq!(
            s.get(&StoreKey::Settings),
            Some(&json!({"silence_days": 9}))
        );
        let notes: Vec<&str> = s.of_kind(KeyKind::Notes).map(|(k, _)| k).collect();
        assert_eq!(notes, ["sf:a:1", "sf:a:2"]);
        assert_eq!(
            s.iter().count(),
            4,
            "the foreign key and the null are dropped"
        );
        assert_eq!(Stored::from_value(json!([1, 2])), Stored::empty());
    }

    #[test]
    fn effects_keep_the_last_word_per_key() {
        let mut e = Effects::setting(StoreKey::Settings, json!({}));
        e.remove(StoreKey::Settings);
        assert!(e.set.is_empty());
        assert_eq!(e.remove, ["settings"]);
        let e = e.and(Effects::setting(StoreKey::Settings, json!({"a": 1})));
        assert!(e.remove.is_empty());
        assert_eq!(e.set["settings"], json!({"a": 1}));
        let s = Stored::empty().after(&e);
        assert_eq!(s.get(&StoreKey::Settings), Some(&json!({"a": 1})));
    }

    #[test]
    fn delete_everything_removes_every_key_read() {
        let all = json!({"settings": {}, "notes:sf:a:1": {}, "overlay_corner": "top-left", "a_newer_kind": 1});
        let keys: Vec<String> = all.as_object().unwrap().keys().cloned().collect();
        let e = delete_everything(&keys);
        assert!(e.set.is_empty());
        assert_eq!(e.remove.len(), 4);
        assert_eq!(Stored::from_value(all).after(&e), Stored::empty());
    }
}
