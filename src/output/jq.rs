//! `--jq EXPR`: a jq filter over each JSON record, built in (the jaq crates).

use jaq_core::compile::Undefined;
use jaq_core::load::{Arena, File, Loader, lex, parse};
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
        let modules = loader.load(&arena, File { code: expr, path: () }).map_err(|errs| {
            let problems = errs.iter().flat_map(|(_, e)| load_problems(e)).collect::<Vec<_>>();
            invalid(expr, problems)
        })?;
        let filter = jaq_core::Compiler::default().with_funs(funs).compile(modules).map_err(|errs| {
            let problems = errs
                .iter()
                .flat_map(|(_, es)| es.iter())
                .map(|(name, undefined)| {
                    let what = match undefined {
                        Undefined::Filter(0) => format!("`{name}` is not a jq filter or function"),
                        Undefined::Filter(n) => format!("`{name}` is not a jq function taking {n} arguments"),
                        other => format!("`{name}` is not a defined {}", other.as_str()),
                    };
                    (what, Some(*name))
                })
                .collect();
            invalid(expr, problems)
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

/// What is wrong, and the part of the expression it is about (an empty part
/// at the end: the expression stopped too early).
type Problem<'a> = (String, Option<&'a str>);

fn load_problems<'a>(err: &jaq_core::load::Error<&'a str>) -> Vec<Problem<'a>> {
    use jaq_core::load::Error;
    match err {
        Error::Io(errs) => errs.iter().map(|(path, e)| (format!("cannot load `{path}`: {e}"), None)).collect(),
        Error::Lex(errs) => errs
            .iter()
            .map(|(expect, found)| match expect {
                // Point at the bracket that is never closed, not at the end.
                lex::Expect::Delim(open) => {
                    let what = match open.chars().last() {
                        Some('(') => "`(` is never closed: expected `)`".to_owned(),
                        Some('[') => "`[` is never closed: expected `]`".to_owned(),
                        Some('{') => "`{` is never closed: expected `}`".to_owned(),
                        Some('"') => "the string is never closed: expected `\"`".to_owned(),
                        _ => format!("`{open}` is never closed"),
                    };
                    (what, Some(&open[..open.len().min(1)]))
                }
                other => {
                    let wanted = match other {
                        lex::Expect::Digit => "a digit",
                        lex::Expect::Ident => "a name",
                        lex::Expect::Escape => "a string escape (`\\n`, `\\\"`, `\\u00e9`, …)",
                        lex::Expect::Unicode => "four hexadecimal digits",
                        _ => "a jq token",
                    };
                    (format!("expected {wanted}, found {}", found_text(found)), Some(*found))
                }
            })
            .collect(),
        Error::Parse(errs) => errs
            .iter()
            .map(|(expect, found)| {
                let wanted = match expect {
                    parse::Expect::Just(s) => format!("`{s}`"),
                    parse::Expect::Term => "a value or filter".to_owned(),
                    parse::Expect::Nothing => "the end of the expression".to_owned(),
                    other => format!("a {}", other.as_str()),
                };
                (format!("expected {wanted}, found {}", found_text(found)), Some(*found))
            })
            .collect(),
    }
}

fn found_text(found: &str) -> String {
    let token: String = found.chars().take_while(|c| !c.is_whitespace()).take(20).collect();
    if found.trim().is_empty() { "the end of the expression".to_owned() } else { format!("`{token}`") }
}

/// The error for an expression that does not compile: what is wrong in
/// words, then the expression with a caret under the first problem.
fn invalid(expr: &str, problems: Vec<Problem<'_>>) -> CliError {
    let what = problems.iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>().join("; ");
    let what = if what.is_empty() { "it does not parse".to_owned() } else { what };
    let mut err = CliError::usage(format!("invalid `--jq` expression: {what}"))
        .with_hint("the filter runs on each record, as `jq` does on NDJSON; e.g. `--jq '.account.id'`");
    let at = problems.iter().find_map(|(_, part)| part.and_then(|p| offset_in(expr, p)));
    if let Some(at) = at
        && !expr.contains('\n')
    {
        let column = expr[..at].chars().count();
        err = err.with_snippet(vec![expr.to_owned(), format!("{}^", " ".repeat(column))]);
    }
    err
}

/// Where `part` (a slice of `whole`, as jaq's errors are) starts in `whole`.
fn offset_in(whole: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    (start <= whole.len() && whole.is_char_boundary(start)).then_some(start)
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
        let err = JqFilter::compile(".a | ").map(|_| ()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid `--jq` expression: expected a value or filter, found the end of the expression"
        );
        assert_eq!(err.snippet(), [".a | ".to_owned(), "     ^".to_owned()]);
        assert!(JqFilter::compile("nosuchfunction").is_err());
        let keys = JqFilter::compile("keys | length").unwrap();
        assert_eq!(keys.run(serde_json::json!({"a": 1, "b": 2})).unwrap(), vec![JqOutput::Json("2".into())]);
    }
}
