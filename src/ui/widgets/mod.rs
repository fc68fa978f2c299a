//! Small reusable widgets that know nothing about sessions.

pub mod radar;
pub mod slider;
