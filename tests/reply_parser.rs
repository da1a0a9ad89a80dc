//! Replies that are not exports come out of the parser and the reader as errors, never as a
//! page with zero assets.

use qualys_sem::{ErrorKind, Event, Parser, Reader};

/// Reads every event, returning the number of assets and the first error's kind.
fn read(body: &[u8]) -> (usize, Option<ErrorKind>) {
    let mut assets = 0;
    for event in Parser::new(body) {
        match event {
            Ok(Event::Asset(_)) => assets += 1,
            Ok(_) => {}
            Err(error) => return (assets, Some(error.kind().clone())),
        }
    }
    (assets, None)
}

#[test]
fn error_replies_are_errors() {
    let cases = [
        "simple_return_bad_parameter.xml",
        "simple_return_internal_error.xml",
        "simple_return_not_authorized.xml",
        "simple_return_rate_limit.xml",
        "generic_return_internal_error.xml",
        "generic_return_malformed.xml",
        "generic_return_nested.xml",
        "html_maintenance.html",
        "html_proxy.html",
        "xhtml.xml",
        "json_auth.json",
        "json_gateway_503.json",
        "plain_text.txt",
    ];
    for name in cases {
        let body = std::fs::read(format!("testdata/reply/{name}")).unwrap();
        let (assets, error) = read(&body);
        assert_eq!(assets, 0, "{name}");
        assert!(
            matches!(error, Some(ErrorKind::Reply(_))),
            "{name}: {error:?}"
        );
    }
}

#[test]
fn simple_return_text_is_typed() {
    let body = std::fs::read("testdata/reply/simple_return_bad_parameter.xml").unwrap();
    let Err(error) = Parser::new(&body).next().unwrap() else {
        panic!("a SIMPLE_RETURN is not an export");
    };
    let ErrorKind::Reply(qualys_sem::reply::ReplyError::Api(reply)) = error.kind() else {
        panic!("unexpected kind {:?}", error.kind());
    };
    let message = reply.message();
    assert_eq!(message.to_string(), reply.text);
    assert!(
        matches!(
            message,
            qualys_sem::ApiMessage::UnrecognizedParameters { .. }
        ),
        "{message:?}"
    );
}

#[test]
fn empty_bodies_have_their_own_error() {
    for body in [&b""[..], b"  \n\t ", b"\xef\xbb\xbf"] {
        assert!(matches!(read(body).1, Some(ErrorKind::Empty)), "{body:?}");
    }
}

#[test]
fn other_root_is_named() {
    let body = b"<HOST_LIST_VM_DETECTION_OUTPUT><RESPONSE/></HOST_LIST_VM_DETECTION_OUTPUT>";
    let (_, error) = read(body);
    let Some(ErrorKind::Reply(reply)) = error else {
        panic!("unexpected {error:?}");
    };
    assert!(
        reply.to_string().contains("HOST_LIST_VM_DETECTION_OUTPUT"),
        "{reply}"
    );
}

#[test]
fn reader_classifies_like_parser() {
    let body = std::fs::read("testdata/reply/simple_return_rate_limit.xml").unwrap();
    let mut reader = Reader::new(&body[..]);
    let error = reader.read_event().unwrap().unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Reply(reply) if reply.is_retryable()));
    assert!(reader.read_event().is_none());
}

#[test]
fn other_encodings_are_rejected() {
    let latin1 = br#"<?xml version="1.0" encoding="ISO-8859-1"?><ASSET_LIST_VM_DETECTION_OUTPUT/>"#;
    assert!(
        matches!(read(latin1).1, Some(ErrorKind::UnsupportedEncoding { name }) if name == "ISO-8859-1")
    );
    let utf16 = b"\xff\xfe<\x00A\x00";
    assert!(
        matches!(read(utf16).1, Some(ErrorKind::UnsupportedEncoding { name }) if name == "UTF-16LE")
    );
    let bom = b"\xef\xbb\xbf<ASSET_LIST_VM_DETECTION_OUTPUT/>";
    let (assets, error) = read(bom);
    assert_eq!(assets, 0);
    assert!(error.is_none(), "{error:?}");
}
