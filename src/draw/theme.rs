//! The two looks of every picture kgx draws: dark (the canvas's default) and light (for print).
//! Kind colours stay the same in both; what changes is the ground, text, halos and highlights.

/// A colour with alpha: red, green, blue, opacity (not premultiplied).
pub type Rgba = [u8; 4];

/// Dark or light.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    /// Light text on a dark ground: the canvas's default.
    #[default]
    Dark,
    /// Dark text on white: for print and documents.
    Light,
}

impl Theme {
    /// Both themes, for menus and `--theme`.
    pub const ALL: [Theme; 2] = [Theme::Dark, Theme::Light];

    /// The name in menus and on the command line: "dark" or "light".
    pub fn name(self) -> &'static str {
        match self {
            Theme::Dark => "dark",
            Theme::Light => "light",
        }
    }

    /// The theme with this name, if any.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name().eq_ignore_ascii_case(name))
    }

    /// Its colours.
    pub fn palette(self) -> Palette {
        match self {
            Theme::Dark => Palette {
                background: [0x1B, 0x1E, 0x24],
                label: [0xE8, 0xE8, 0xE8],
                label_dim: [0x70, 0x70, 0x70],
                halo: [0x1B, 0x1E, 0x24, 0xE0],
                node_outline: [0x11, 0x13, 0x16, 0xA0],
                selection: [0xFF, 0xFF, 0xFF],
                hover: [0xFF, 0xE0, 0x80],
                path: [0xFF, 0xD0, 0x40],
                pin: [0xFF, 0x50, 0x50],
                edge_alpha: 170,
                dim_alpha: 40,
            },
            Theme::Light => Palette {
                background: [0xFF, 0xFF, 0xFF],
                label: [0x1A, 0x1A, 0x1A],
                label_dim: [0x9A, 0x9A, 0x9A],
                halo: [0xFF, 0xFF, 0xFF, 0xE6],
                node_outline: [0x30, 0x30, 0x30, 0xB0],
                selection: [0x10, 0x10, 0x10],
                hover: [0xC0, 0x7A, 0x00],
                path: [0xD0, 0x8A, 0x00],
                pin: [0xD0, 0x20, 0x20],
                edge_alpha: 200,
                dim_alpha: 50,
            },
        }
    }
}

/// The colours of one theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// The ground the graph is drawn on.
    pub background: [u8; 3],
    /// Label text.
    pub label: [u8; 3],
    /// Label text of dimmed actors.
    pub label_dim: [u8; 3],
    /// The halo behind labels, so lines never cut through them.
    pub halo: Rgba,
    /// The rim around nodes.
    pub node_outline: Rgba,
    /// The ring around selected actors.
    pub selection: [u8; 3],
    /// The ring around the hovered actor.
    pub hover: [u8; 3],
    /// Highlighted shortest paths.
    pub path: [u8; 3],
    /// The mark of pinned actors.
    pub pin: [u8; 3],
    /// Opacity of cooperation lines (0–255).
    pub edge_alpha: u8,
    /// How much dimmed elements keep of their colour (0–255).
    pub dim_alpha: u8,
}
