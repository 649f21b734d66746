//! Fonts: by default only the embedded DejaVu family (the `dejavu` crate), so text
//! renders the same on every machine; `--system-fonts` adds the host's fonts.

use cosmic_text::{fontdb, Family, FontSystem, SwashCache};

pub struct Fonts {
    pub system: FontSystem,
    pub swash: SwashCache,
    /// The family names the database has: (lower-cased, as the font names itself).
    families: Vec<(String, String)>,
    /// The advance (in em) of the atomic-inline placeholder character, per family.
    placeholder_advance: std::collections::HashMap<String, f32>,
}

/// A resolved `font-family`: a generic family or a name the database has.
#[derive(Clone, Debug, PartialEq)]
pub enum FamilyChoice {
    Serif,
    SansSerif,
    Monospace,
    Named(String),
}

impl FamilyChoice {
    pub fn as_family(&self) -> Family<'_> {
        match self {
            FamilyChoice::Serif => Family::Serif,
            FamilyChoice::SansSerif => Family::SansSerif,
            FamilyChoice::Monospace => Family::Monospace,
            FamilyChoice::Named(n) => Family::Name(n),
        }
    }
}

impl Fonts {
    /// The embedded DejaVu fonts only (deterministic output).
    pub fn embedded() -> Fonts {
        Fonts::with_system_fonts(false)
    }

    /// The embedded fonts plus, when `system` is set, every font the host has.
    pub fn with_system_fonts(system: bool) -> Fonts {
        let mut db = fontdb::Database::new();
        for data in [
            dejavu::sans::regular(),
            dejavu::sans::bold(),
            dejavu::sans::oblique(),
            dejavu::sans::bold_oblique(),
            dejavu::serif::regular(),
            dejavu::serif::bold(),
            dejavu::serif::italic(),
            dejavu::serif::bold_italic(),
            dejavu::sans_mono::regular(),
            dejavu::sans_mono::bold(),
            dejavu::sans_mono::oblique(),
            dejavu::sans_mono::bold_oblique(),
        ] {
            db.load_font_data(data.to_vec());
        }
        if system {
            db.load_system_fonts();
        }
        db.set_sans_serif_family("DejaVu Sans");
        db.set_serif_family("DejaVu Serif");
        db.set_monospace_family("DejaVu Sans Mono");
        let mut families: Vec<(String, String)> = db
            .faces()
            .flat_map(|f| {
                f.families
                    .iter()
                    .map(|(name, _)| (name.to_ascii_lowercase(), name.clone()))
            })
            .collect();
        families.sort();
        families.dedup();
        Fonts {
            system: FontSystem::new_with_locale_and_db("en-US".into(), db),
            swash: SwashCache::new(),
            families,
            placeholder_advance: Default::default(),
        }
    }

    /// The advance of U+FFFC in `family`, in em (measured once by shaping it).
    pub fn placeholder_advance_em(&mut self, family: &FamilyChoice) -> f32 {
        let key = format!("{family:?}");
        if let Some(v) = self.placeholder_advance.get(&key) {
            return *v;
        }
        let size = 100.0;
        let mut buffer =
            cosmic_text::Buffer::new(&mut self.system, cosmic_text::Metrics::new(size, size));
        let mut attrs = cosmic_text::Attrs::new();
        attrs.family = family.as_family();
        buffer.set_text(
            crate::layout::inline::PLACEHOLDER,
            &attrs,
            cosmic_text::Shaping::Advanced,
            None,
        );
        buffer.shape_until_scroll(&mut self.system, false);
        let advance = buffer
            .layout_runs()
            .flat_map(|r| r.glyphs.iter().map(|g| g.w))
            .sum::<f32>()
            / size;
        self.placeholder_advance.insert(key, advance);
        advance
    }

    /// CSS Fonts 4 § 5 font matching, first step: the first family in the list that
    /// is available (generic families always are); the default is serif, as in browsers.
    pub fn resolve(&self, list: &[String]) -> FamilyChoice {
        for name in list {
            match name.to_ascii_lowercase().as_str() {
                "serif" => return FamilyChoice::Serif,
                "sans-serif" | "system-ui" | "ui-sans-serif" => return FamilyChoice::SansSerif,
                "monospace" | "ui-monospace" => return FamilyChoice::Monospace,
                lower => {
                    if let Ok(i) = self
                        .families
                        .binary_search_by(|(l, _)| l.as_str().cmp(lower))
                    {
                        return FamilyChoice::Named(self.families[i].1.clone());
                    }
                }
            }
        }
        FamilyChoice::Serif
    }
}
