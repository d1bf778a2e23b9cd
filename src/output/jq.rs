//! `--jq EXPR`: a jq filter over each JSON record, built in (the jaq crates).

use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Ctx, Native, Vars, data, unwrap_valr};
use jaq_json::Val;
use serde::Deserialize;

use crate::error::CliError;

type Filter = jaq_core::compile::Filter<Native<data::JustLut<Val>>>;

pub struct JqFilter {
    filter: Filter,
}

/// One output of the filter: strings print raw (as `gh --jq` and `jq -r`
/// do), everything else as compact JSON.
#[derive(Debug, PartialEq, Eq)]
pub enum JqOutput {
    Text(String),
    Json(String),
}

impl JqFilter {
    pub fn compile(expr: &str) -> Result<JqFilter, CliError> {
        let defs = jaq_core::defs().chain(jaq_std::defs()).chain(jaq_json::defs());
        let funs = jaq_core::funs().chain(jaq_std::funs()).chain(jaq_json::funs());
        let loader = Loader::new(defs);
        let arena = Arena::default();
        let bad = |what: String| {
            CliError::usage(format!("`{expr}` is not a valid jq expression: {what}"))
                .with_hint("the filter runs on each record, as `jq` does on NDJSON; e.g. `--jq '.account.id'`")
        };
        let modules = loader
            .load(&arena, File { code: expr, path: () })
            .map_err(|errs| bad(errs.into_iter().map(|(_, e)| format!("{e:?}")).collect::<Vec<_>>().join("; ")))?;
        let filter = jaq_core::Compiler::default().with_funs(funs).compile(modules).map_err(|errs| {
            bad(errs
                .into_iter()
                .flat_map(|(_, es)| {
                    es.into_iter().map(|(name, undefined)| format!("`{name}` is undefined ({undefined:?})"))
                })
                .collect::<Vec<_>>()
                .join("; "))
        })?;
        Ok(JqFilter { filter })
    }

    pub fn run(&self, input: serde_json::Value) -> Result<Vec<JqOutput>, String> {
        let input = Val::deserialize(input).map_err(|e| e.to_string())?;
        let ctx = Ctx::<data::JustLut<Val>>::new(&self.filter.lut, Vars::new([]));
        let mut outputs = Vec::new();
        for out in self.filter.id.run((ctx, input)).map(unwrap_valr) {
            let v = out.map_err(|e| e.to_string())?;
            outputs.push(match &v {
                Val::TStr(bytes) => JqOutput::Text(String::from_utf8_lossy(bytes).into_owned()),
                other => JqOutput::Json(other.to_string()),
            });
        }
        Ok(outputs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_select_and_strings_come_out_raw() {
        let f = JqFilter::compile(".account | select(.status == \"active\") | .id, .mfa").unwrap();
        let out = f.run(serde_json::json!({"account": {"id": "acc_x", "status": "active", "mfa": false}})).unwrap();
        assert_eq!(out, vec![JqOutput::Text("acc_x".into()), JqOutput::Json("false".into())]);
        assert!(f.run(serde_json::json!({"account": {"status": "locked"}})).unwrap().is_empty());
        assert!(JqFilter::compile(".[").is_err());
        assert!(JqFilter::compile("nosuchfunction").is_err());
        let keys = JqFilter::compile("keys | length").unwrap();
        assert_eq!(keys.run(serde_json::json!({"a": 1, "b": 2})).unwrap(), vec![JqOutput::Json("2".into())]);
    }
}
