use super::*;

fn read(text: &str) -> Result<BatchText> {
    BatchText::read(text.as_bytes().to_vec())
}

/// A batch answer as `serde_json` reads it, each account its raw text.
type Serde<'a> = crate::client::BatchAnswer<&'a serde_json::value::RawValue>;

/// Each result's account text (`None` without one), from our reading…
fn account_texts(ours: &BatchText) -> Vec<Option<&[u8]>> {
    ours.results.iter().map(|r| r.account.clone().map(|a| &ours.body[a])).collect()
}

/// …and from `serde_json`'s.
fn serde_account_texts<'a>(theirs: &Serde<'a>) -> Vec<Option<&'a [u8]>> {
    theirs.results.iter().map(|r| r.account.map(|a| a.get().as_bytes())).collect()
}

/// A seeded xorshift: `next(n)` is in `0..n`, the same sequence every run.
fn xorshift(mut state: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    }
}

#[test]
fn each_account_is_the_text_the_service_wrote() {
    let account =
        r#"{"id":"acc_x","display_name":"Zo\u00eb \"Z\" ☃ \\","n":[-0.5e+3,0,12,true,false,null,{}],"devices":[]}"#;
    let body = format!(
        r#" {{ "results" : [ {{"input":{{"kind":"id","value":"acc_x"}},"account": {account} }},
            {{"input":{{}},"account":null,"error":{{"code":"account_not_found","detail":"no \"such\" account"}},"later":[1]}} ],
            "next":null }} "#
    );
    let answer = read(&body).unwrap();
    assert_eq!(answer.results.len(), 2);
    let range = answer.results[0].account.clone().unwrap();
    assert_eq!(&answer.body[range], account.as_bytes());
    assert!(answer.results[0].error.is_none() && answer.results[1].account.is_none());
    let error = answer.results[1].error.as_ref().unwrap();
    assert_eq!((error.code.as_str(), error.detail.as_str()), ("account_not_found", "no \"such\" account"));
    // A key is compared unescaped, as serde_json compares it.
    let answer = read(r#"{"res\u0075lts":[{"input":1,"acco\u0075nt":{"id":"acc_y"}}]}"#).unwrap();
    assert_eq!(&answer.body[answer.results[0].account.clone().unwrap()], br#"{"id":"acc_y"}"#);
    assert!(read(r#"{"results":[]}"#).unwrap().results.is_empty());
}

#[test]
fn anything_that_is_not_json_or_not_a_batch_answer_is_refused() {
    let bad = [
        "",
        "{}",
        "[]",
        r#"{"results":{}}"#,
        r#"{"results":[1]}"#,
        r#"{"results":[{"account":{"id":"acc_x"}}]}"#,
        r#"{"results":[]} {}"#,
        r#"{"results":[],"results":[]}"#,
        r#"{"results":[{"input":1,"account":{},"account":{}}]}"#,
        r#"{"results":[{"input":1,"input":2}]}"#,
        r#"{"results":[{"input":1,"error":{"code":"x"}}]}"#,
        r#"{"results":[{"input":1,"error":"x"}]}"#,
        r#"{"results":[{"input":1,"account":{"id":tru}}]}"#,
        r#"{"results":[{"input":1,"account":{"id":"a"}]}"#,
        r#"{"results":[{"input":1,"account":{"id":"a",}}]}"#,
        r#"{"results":[{"input":1,"account":{"id" "a"}}]}"#,
        r#"{"results":[{"input":1,"account":{"n":01}}]}"#,
        r#"{"results":[{"input":1,"account":{"n":1.}}]}"#,
        r#"{"results":[{"input":1,"account":{"n":-}}]}"#,
        r#"{"results":[{"input":1,"account":{"n":1e}}]}"#,
        r#"{"results":[{"input":1,"account":{"n":+1}}]}"#,
        r#"{"results":[{"input":1,"account":{"s":"\x"}}]}"#,
        r#"{"results":[{"input":1,"account":{"s":"\u12g4"}}]}"#,
        r#"{"results":[{"input":1,"account":{"s":"\u12"}}]}"#,
        "{\"results\":[{\"input\":1,\"account\":{\"s\":\"a\nb\"}}]}",
        "{\"results\":[{\"input\":1,\"account\":{\"s\":\"a\u{1b}[2J\"}}]}",
        r#"{"results":[{"input":1,"account":{"s":"open}}]}"#,
        r#"{"results":[{"input":1,"account":{'s':1}}]}"#,
    ];
    for text in bad {
        assert!(read(text).is_err(), "{text}");
        // serde_json, reading the same answer, refuses it too.
        assert!(serde_json::from_str::<crate::client::BatchAnswer<&serde_json::value::RawValue>>(text).is_err());
    }
    let deep = format!(r#"{{"results":[{{"input":{}1{}}}]}}"#, "[".repeat(200), "]".repeat(200));
    assert_eq!(read(&deep).unwrap_err().what, "nested too deeply");
    let not_utf8 = BatchText::read(b"{\"results\":[{\"input\":\"\xff\"}]}".to_vec()).unwrap_err();
    assert_eq!(not_utf8.to_string(), "text that is not UTF-8 at byte 22");
}

/// Mutated answers (bytes changed, dropped or doubled) get the same
/// verdict here as from `serde_json` reading the same answer, with the
/// same account text when both take it.
#[test]
fn mutated_answers_get_serde_json_s_verdict() {
    let seed = r#"{"results":[{"input":{"kind":"email","value":"a@b.c"},"account":{"id":"acc_x","n":[-1.5e3,0,true,false,null],"s":"q\"\\\u00e9"}},{"input":{},"error":{"code":"account_not_found","detail":"no"}}],"x":null}"#;
    let alphabet = br#"{}[]":,\-+.0123456789eEtrufalsn "#;
    let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
    let mut taken = 0;
    for _ in 0..20_000 {
        let mut body = seed.as_bytes().to_vec();
        for _ in 0..1 + next(3) {
            let at = next(body.len());
            match next(3) {
                0 => body[at] = alphabet[next(alphabet.len())],
                1 => drop(body.remove(at)),
                _ => body.insert(at, body[at]),
            }
        }
        let text = String::from_utf8(body).unwrap();
        let ours = read(&text);
        match serde_json::from_str::<Serde>(&text) {
            Ok(theirs) => {
                let ours = ours.unwrap_or_else(|e| panic!("{text}: {e}"));
                assert_eq!(account_texts(&ours), serde_account_texts(&theirs), "{text}");
                taken += 1;
            }
            Err(_) => assert!(ours.is_err(), "{text}"),
        }
    }
    assert!(taken > 1_000, "only {taken} mutations were still answers");
}

/// Bytes beyond ASCII, valid UTF-8 or not, put into a string of the
/// account, of the input, of a key and outside any string: the answer is
/// taken exactly when it is UTF-8 text that `serde_json` takes, as when
/// the body was checked as UTF-8 whole first.
#[test]
fn text_beyond_ascii_is_taken_only_as_utf8() {
    let seed = br#"{"results":[{"input":{"kind":"email","value":"ab@c.d"},"account":{"id":"acc_x","name":"J\u00e9 ok"}}],"k":1}"#;
    let pieces: [&[u8]; 12] = [
        "é".as_bytes(),
        "☃".as_bytes(),
        "😀".as_bytes(),
        b"\xc3",
        b"\xe2\x98",
        b"\xf0\x9f\x98",
        b"\xff",
        b"\x80",
        b"\xc0\xaf",
        b"\xed\xa0\x80",
        b"\xf4\x90\x80\x80",
        b"\xe0\x80\xaf",
    ];
    let mut next = xorshift(0x853c_49e6_748f_ea9b);
    let (mut taken, mut refused) = (0, 0);
    for _ in 0..20_000 {
        let mut body = seed.to_vec();
        for _ in 0..1 + next(2) {
            let at = next(body.len());
            let piece = pieces[next(pieces.len())];
            body.splice(at..at, piece.iter().copied());
        }
        let ours = BatchText::read(body.clone());
        let theirs = std::str::from_utf8(&body).ok().and_then(|text| serde_json::from_str::<Serde>(text).ok());
        match theirs {
            Some(theirs) => {
                let ours = ours.unwrap_or_else(|e| panic!("{}: {e}", String::from_utf8_lossy(&body)));
                assert_eq!(account_texts(&ours), serde_account_texts(&theirs));
                taken += 1;
            }
            None => {
                assert!(ours.is_err(), "{:?}", String::from_utf8_lossy(&body));
                refused += 1;
            }
        }
    }
    assert!(taken > 1_000 && refused > 1_000, "taken {taken}, refused {refused}");
}

/// Nesting is refused exactly where `serde_json` refuses to parse it, in
/// an account and in an input, with objects and arrays mixed and an
/// empty one innermost.
#[test]
fn nesting_is_refused_from_the_depth_serde_json_refuses() {
    let mut accepted = Vec::new();
    for n in 120..=130 {
        for inner in ["1", "[]", "{}"] {
            let open: String = (0..n).map(|k| if k % 3 == 0 { "{\"k\":" } else { "[" }).collect();
            let close: String = (0..n).rev().map(|k| if k % 3 == 0 { "}" } else { "]" }).collect();
            let nested = format!("{open}{inner}{close}");
            for body in [
                format!(r#"{{"results":[{{"input":{{}},"account":{nested}}}]}}"#),
                format!(r#"{{"results":[{{"input":{nested}}}]}}"#),
                format!(r#"{{"other":{nested},"results":[]}}"#),
            ] {
                let serde = serde_json::from_str::<serde_json::Value>(&body).is_ok();
                assert_eq!(read(&body).is_ok(), serde, "{n} levels around {inner}: {body}");
                accepted.push(serde);
            }
        }
    }
    assert!(accepted.contains(&true) && accepted.contains(&false), "the range misses the limit");
}

#[test]
fn every_value_serde_json_takes_is_taken_and_every_one_it_refuses_is_refused() {
    let values = [
        "0",
        "-0",
        "1.5",
        "-12.25e-7",
        "1E9",
        "true",
        "false",
        "null",
        r#""""#,
        r#""\"\\\/\b\f\n\r\t\u00e9""#,
        "[]",
        "{}",
        r#"[{"a":[{"b":null}]}]"#,
        r#"{"":""}"#,
        " [ 1 , 2 ] ",
        "[1,]",
        "{\"a\"}",
        "tr",
        "nul",
        "1.e5",
        ".5",
        "0x10",
        "\"\t\"",
        "[1 2]",
        "{\"a\":1 \"b\":2}",
        "\u{a0}1",
    ];
    for v in values {
        let body = format!(r#"{{"results":[{{"input":{v}}}]}}"#);
        let serde = serde_json::from_str::<serde_json::Value>(v).is_ok();
        assert_eq!(read(&body).is_ok(), serde, "{v:?}");
    }
}
