//! Property tests: every valid query renders to a string that parses back
//! to the same query. Needs the `proptest` feature for the strategies.
#![cfg(feature = "proptest")]

use proptest::prelude::*;
use qualys_sem::query::{Query, strategy};
use qualys_sem::{Gateway, Platform};

proptest! {
    #[test]
    fn render_then_parse_gives_query(query in strategy::query()) {
        let rendered = query.render();
        prop_assert_eq!(Query::parse(&rendered), Ok(query));
    }

    #[test]
    fn generated_queries_pass_the_builder(query in strategy::query()) {
        prop_assert_eq!(query.to_builder().build(), Ok(query));
    }

    #[test]
    fn pairs_then_from_pairs_gives_query(query in strategy::query()) {
        let pairs: Vec<(&str, String)> = query
            .to_pairs()
            .into_iter()
            .map(|(param, value)| (param.as_str(), value))
            .collect();
        prop_assert_eq!(Query::from_pairs(pairs), Ok(query));
    }

    #[test]
    fn url_carries_the_query(query in strategy::query()) {
        let url = query.to_url(&Gateway::platform(Platform::Eu1));
        let (endpoint, raw) = url.split_once('?').unwrap();
        prop_assert_eq!(endpoint, "https://gateway.qg1.apps.qualys.eu/sem/v1/assetList");
        prop_assert_eq!(Query::parse(raw), Ok(query));
    }

    #[test]
    fn render_is_stable(query in strategy::query()) {
        let once = query.render();
        let twice = Query::parse(&once).unwrap().render();
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn parse_never_panics(raw in "[a-z_=&%0-9A-F,+-]{0,60}") {
        let _ = Query::parse(&raw);
    }
}
