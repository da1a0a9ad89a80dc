//! The bundled DTD file and the checker's content models are one truth:
//! these tests read the file's declarations with plain text handling and
//! compare them with what the checker enforces.

use qualys_sem::check::TYPED_ELEMENTS;
use qualys_sem::dtd::{ContentModel, SEM_DTD, SEM_ROOT, sem_dtd};

/// Returns `(name, content model)` for each `<!ELEMENT` of the file, with
/// comments removed and whitespace normalized to the checker's notation.
fn declarations_in_file() -> Vec<(String, String)> {
    let mut text = SEM_DTD.to_owned();
    while let Some(start) = text.find("<!--") {
        let end = start + text[start..].find("-->").unwrap() + 3;
        text.replace_range(start..end, "");
    }
    text.split("<!ELEMENT")
        .skip(1)
        .map(|declaration| {
            let declaration = &declaration[..declaration.find('>').unwrap()];
            let words: Vec<&str> = declaration.split_whitespace().collect();
            let name = words[0].to_owned();
            let content = words[1..].join(" ").replace(" ,", ",").replace(",", ", ");
            let content = content
                .replace(",  ", ", ")
                .replace("( ", "(")
                .replace(" )", ")");
            (name, content)
        })
        .collect()
}

#[test]
fn file_declarations_match_checker_model() {
    let declarations = declarations_in_file();
    assert_eq!(declarations.len(), sem_dtd().elements().len());
    for (name, content) in declarations {
        let decl = sem_dtd()
            .element(&name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(decl.content.to_string(), content, "{name}");
    }
}

#[test]
fn required_structure_as_specified() {
    let content = |name: &str| sem_dtd().element(name).unwrap().content.to_string();
    assert_eq!(content(SEM_ROOT), "(REQUEST?, RESPONSE)");
    assert_eq!(
        content("REQUEST"),
        "(DATETIME, USER_LOGIN, RESOURCE, PARAM_LIST?, POST_DATA?)"
    );
    assert_eq!(content("RESPONSE"), "(DATETIME, ASSET_LIST?, WARNING?)");
    assert_eq!(content("ASSET_LIST"), "(ASSET+)");
    assert_eq!(
        content("ASSET"),
        "(ID, ASSET_ID?, IP?, IPV6?, ASSET_FRIENDLY_NAME?, OS?, OS_VERSION?, ASSET_STATUS?, \
         LAST_SEEN?, OWNERSHIP?, MODEL_NAME?, MANUFACTURER?, USERNAME?, TAGS?, DETECTION_LIST?)"
    );
    assert_eq!(content("TAGS"), "(TAG+)");
    assert_eq!(content("TAG"), "(TAG_ID?, NAME)");
    assert_eq!(content("DETECTION_LIST"), "(DETECTION+)");
    assert_eq!(
        content("DETECTION"),
        "(QID, TYPE, SEVERITY?, RESULTS?, STATUS?, FIRST_FOUND_DATETIME?, LAST_FOUND_DATETIME?, \
         TIMES_FOUND?, LAST_UPDATE_DATETIME?, LAST_FIXED_DATETIME?, FIRST_REOPENED_DATETIME?, \
         LAST_REOPENED_DATETIME?, TIMES_REOPENED?)"
    );
    assert_eq!(content("WARNING"), "(CODE?, TEXT, URL?)");
}

#[test]
fn every_declaration_has_a_comment() {
    // Each declaration is preceded by a comment that states whether it was
    // seen in the sample reply or inferred, and from what.
    let mut rest = SEM_DTD;
    while let Some(index) = rest.find("<!ELEMENT") {
        let before = rest[..index].trim_end();
        assert!(
            before.ends_with("-->"),
            "no comment before {}",
            &rest[index..index + 40]
        );
        let comment = &before[before.rfind("<!--").unwrap()..];
        assert!(
            comment.contains("Seen") || comment.contains("Inferred"),
            "comment does not say seen or inferred: {comment}"
        );
        rest = &rest[index + 1..];
    }
}

#[test]
fn typed_elements_are_children_in_dtd() {
    for &(parent, element, _) in TYPED_ELEMENTS {
        let decl = sem_dtd().element(parent).unwrap();
        let ContentModel::Sequence(particles) = &decl.content else {
            panic!("{parent} has no sequence");
        };
        assert!(
            particles.iter().any(|p| p.name == element),
            "{element} is not a child of {parent}"
        );
        let child = sem_dtd().element(element).unwrap();
        assert_eq!(child.content, ContentModel::Text, "{element}");
    }
}
