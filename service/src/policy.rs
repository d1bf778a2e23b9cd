//! Password policy (placeholder; being written).
