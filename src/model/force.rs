//! [`ForceSettings`]: the ForceAtlas2 settings a person can change and the document keeps.

/// The largest scaling or gravity kgx accepts: beyond it the force layout spreads actors past
/// the coordinates a file may hold, or pulls every actor onto one point.
pub const MAX_FORCE_SETTING: f32 = 1.0e4;

/// The force layout's settings that belong to a document (saved in its metadata), so the same
/// graph gets the same kind of picture wherever it is laid out. Everything else the layout needs
/// is in `crate::layout::LayoutParams`, which builds from these.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ForceSettings {
    /// Strength of repulsion (ForceAtlas2's scaling ratio): larger spreads the picture. Above 0.
    pub scaling: f32,
    /// Pull towards the centre that keeps separate parts together. 0 or more.
    pub gravity: f32,
    /// Attraction grows with the logarithm of distance: tighter, more separated clusters.
    pub lin_log: bool,
    /// Keep the actors' discs from overlapping (on graphs of up to 5,000 actors).
    pub prevent_overlap: bool,
}

impl ForceSettings {
    /// The settings of a document that says nothing about them.
    pub const DEFAULT: ForceSettings =
        ForceSettings { scaling: 5.0, gravity: 2.5, lin_log: false, prevent_overlap: true };

    /// Whether these are the default settings (a file then needs no `force` section).
    pub fn is_default(&self) -> bool {
        *self == Self::DEFAULT
    }
}

impl Default for ForceSettings {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Why a force setting was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ForceSettingError {
    /// A scaling that is not a finite number above 0 and at most [`MAX_FORCE_SETTING`].
    #[error("scaling {0} must be a finite number above 0 and at most {MAX_FORCE_SETTING}")]
    Scaling(String),
    /// A gravity that is not a finite number from 0 to [`MAX_FORCE_SETTING`].
    #[error("gravity {0} must be a finite number from 0 to {MAX_FORCE_SETTING}")]
    Gravity(String),
}

/// Checks a scaling: finite, above 0, at most [`MAX_FORCE_SETTING`].
///
/// # Errors
/// [`ForceSettingError::Scaling`].
pub fn check_scaling(value: f32) -> Result<f32, ForceSettingError> {
    if value.is_finite() && value > 0.0 && value <= MAX_FORCE_SETTING {
        Ok(value)
    } else {
        Err(ForceSettingError::Scaling(value.to_string()))
    }
}

/// Checks a gravity: finite, from 0 to [`MAX_FORCE_SETTING`].
///
/// # Errors
/// [`ForceSettingError::Gravity`].
pub fn check_gravity(value: f32) -> Result<f32, ForceSettingError> {
    if value.is_finite() && (0.0..=MAX_FORCE_SETTING).contains(&value) {
        Ok(value)
    } else {
        Err(ForceSettingError::Gravity(value.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaling_must_be_positive_finite_and_bounded() {
        assert_eq!(check_scaling(10.0), Ok(10.0));
        for bad in [0.0, -1.0, f32::NAN, f32::INFINITY, 2.0e4] {
            assert!(check_scaling(bad).is_err(), "{bad} must be refused");
        }
    }

    #[test]
    fn gravity_may_be_zero_but_not_negative() {
        assert_eq!(check_gravity(0.0), Ok(0.0));
        for bad in [-0.5, f32::NAN, f32::NEG_INFINITY, 1.0e5] {
            assert!(check_gravity(bad).is_err(), "{bad} must be refused");
        }
    }

    #[test]
    fn default_settings_are_the_default() {
        assert!(ForceSettings::default().is_default());
        assert!(!ForceSettings { lin_log: true, ..ForceSettings::DEFAULT }.is_default());
    }
}
