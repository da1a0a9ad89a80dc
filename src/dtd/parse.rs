//! Reader for the declarations of a DTD file.
//!
//! It reads `<!ELEMENT>` and `<!ATTLIST>` declarations, comments and
//! processing instructions. Entity and notation declarations, parameter
//! entities, conditional sections, choice groups and nested groups are
//! rejected with [`DtdError::Unsupported`], because the checker has no rule
//! for them and silently ignoring them would weaken it.

use super::model::{AttributeDecl, ContentModel, Dtd, ElementDecl, Occurrence, Particle};

/// Failure to read a DTD file. Lines start at 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DtdError {
    /// The text does not follow the declaration syntax.
    #[error("invalid DTD at line {line}: expected {expected}, found {found:?}")]
    Syntax {
        /// Line of the unexpected text.
        line: usize,
        /// Description of the text the grammar allows at this place.
        expected: &'static str,
        /// Up to 20 characters of the text found instead.
        found: String,
    },
    /// A construct that is valid in a DTD but outside the supported subset.
    #[error("unsupported DTD construct at line {line}: {construct}")]
    Unsupported {
        /// Line where the construct starts.
        line: usize,
        /// The construct, such as "choice group in the content model of TAG".
        construct: String,
    },
    /// The same element is declared twice.
    #[error("element {name} is declared twice (second declaration at line {line})")]
    DuplicateElement {
        /// Line of the second declaration.
        line: usize,
        /// Element name.
        name: String,
    },
    /// A sequence names the same child twice, which makes positions ambiguous.
    #[error("content model of {element} names {child} twice (line {line})")]
    DuplicateChild {
        /// Line of the declaration.
        line: usize,
        /// Declared element.
        element: String,
        /// Child named twice.
        child: String,
    },
    /// A content model or attribute list names an element that has no declaration.
    #[error("{context} names element {name}, which is not declared")]
    Undeclared {
        /// Place of the name, such as "the content model of ASSET".
        context: String,
        /// The undeclared element name.
        name: String,
    },
}

/// Reads every declaration of a DTD file.
///
/// # Errors
///
/// Returns [`DtdError`] on a syntax error, on a construct outside the
/// supported subset, on duplicate declarations, and on a content model or
/// attribute list that names an undeclared element.
///
/// # Example
///
/// ```
/// use qualys_sem::dtd::{parse_dtd, ContentModel};
///
/// let dtd = parse_dtd("<!ELEMENT A (B, C?)> <!ELEMENT B (#PCDATA)> <!ELEMENT C EMPTY>").unwrap();
/// assert_eq!(dtd.element("A").unwrap().content.to_string(), "(B, C?)");
/// assert_eq!(dtd.element("C").unwrap().content, ContentModel::Empty);
/// ```
pub fn parse_dtd(text: &str) -> Result<Dtd, DtdError> {
    let mut scanner = Scanner { text, pos: 0 };
    let mut dtd = Dtd::default();
    let mut attribute_lists = Vec::new();

    loop {
        scanner.skip_whitespace();
        if scanner.at_end() {
            break;
        }
        let line = scanner.line();
        if scanner.eat("<!--") {
            scanner.skip_past("-->", "end of comment `-->`")?;
        } else if scanner.eat("<?") {
            scanner.skip_past("?>", "end of processing instruction `?>`")?;
        } else if scanner.eat("<!ELEMENT") {
            let decl = scanner.element_decl()?;
            if let Err(decl) = dtd.insert(decl) {
                return Err(DtdError::DuplicateElement {
                    line,
                    name: decl.name,
                });
            }
        } else if scanner.eat("<!ATTLIST") {
            attribute_lists.push(scanner.attribute_list()?);
        } else {
            return Err(scanner.unsupported_or_syntax());
        }
    }

    for (element, attributes) in attribute_lists {
        let Some(decl) = dtd.element_mut(&element) else {
            return Err(DtdError::Undeclared {
                context: "an attribute list".to_owned(),
                name: element,
            });
        };
        decl.attributes.extend(attributes);
    }
    check_children_declared(&dtd)?;
    Ok(dtd)
}

fn check_children_declared(dtd: &Dtd) -> Result<(), DtdError> {
    for decl in dtd.elements() {
        let children: Vec<&str> = match &decl.content {
            ContentModel::Mixed(names) => names.iter().map(String::as_str).collect(),
            ContentModel::Sequence(particles) => {
                particles.iter().map(|p| p.name.as_str()).collect()
            }
            ContentModel::Empty | ContentModel::Any | ContentModel::Text => Vec::new(),
        };
        if let Some(name) = children
            .into_iter()
            .find(|name| dtd.element(name).is_none())
        {
            return Err(DtdError::Undeclared {
                context: format!("the content model of {}", decl.name),
                name: name.to_owned(),
            });
        }
    }
    Ok(())
}

struct Scanner<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Scanner<'t> {
    fn rest(&self) -> &'t str {
        &self.text[self.pos..]
    }

    fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    fn line(&self) -> usize {
        1 + self.text[..self.pos]
            .bytes()
            .filter(|&b| b == b'\n')
            .count()
    }

    fn skip_whitespace(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, token: &str) -> bool {
        if self.rest().starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn syntax(&self, expected: &'static str) -> DtdError {
        DtdError::Syntax {
            line: self.line(),
            expected,
            found: self.rest().chars().take(20).collect(),
        }
    }

    fn unsupported(&self, construct: String) -> DtdError {
        DtdError::Unsupported {
            line: self.line(),
            construct,
        }
    }

    fn unsupported_or_syntax(&self) -> DtdError {
        let rest = self.rest();
        for (prefix, construct) in [
            ("<!ENTITY", "entity declaration"),
            ("<!NOTATION", "notation declaration"),
            ("<![", "conditional section"),
            ("%", "parameter entity reference"),
        ] {
            if rest.starts_with(prefix) {
                return self.unsupported(construct.to_owned());
            }
        }
        self.syntax("a declaration, a comment or a processing instruction")
    }

    fn skip_past(&mut self, terminator: &str, expected: &'static str) -> Result<(), DtdError> {
        match self.rest().find(terminator) {
            Some(index) => {
                self.pos += index + terminator.len();
                Ok(())
            }
            None => Err(self.syntax(expected)),
        }
    }

    fn require_whitespace(&mut self, expected: &'static str) -> Result<(), DtdError> {
        if !self.peek().is_some_and(char::is_whitespace) {
            return Err(self.syntax(expected));
        }
        self.skip_whitespace();
        Ok(())
    }

    fn name(&mut self) -> Result<String, DtdError> {
        let rest = self.rest();
        let starts_well = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_' || c == ':');
        if !starts_well {
            return Err(self.syntax("a name"));
        }
        let len = rest
            .char_indices()
            .find(|&(_, c)| !is_name_char(c))
            .map_or(rest.len(), |(index, _)| index);
        self.pos += len;
        Ok(rest[..len].to_owned())
    }

    fn occurrence(&mut self) -> Occurrence {
        if self.eat("?") {
            Occurrence::Optional
        } else if self.eat("*") {
            Occurrence::ZeroOrMore
        } else if self.eat("+") {
            Occurrence::OneOrMore
        } else {
            Occurrence::One
        }
    }

    fn close_declaration(&mut self) -> Result<(), DtdError> {
        self.skip_whitespace();
        if self.eat(">") {
            Ok(())
        } else {
            Err(self.syntax("`>` closing the declaration"))
        }
    }

    /// `<!ELEMENT` S Name S contentspec S? `>`, after `<!ELEMENT`.
    fn element_decl(&mut self) -> Result<ElementDecl, DtdError> {
        self.require_whitespace("whitespace after <!ELEMENT")?;
        let line = self.line();
        let name = self.name()?;
        self.require_whitespace("whitespace after the element name")?;
        let content = self.content_spec(&name)?;
        self.close_declaration()?;

        if let ContentModel::Sequence(particles) = &content {
            for (index, particle) in particles.iter().enumerate() {
                if particles[..index].iter().any(|p| p.name == particle.name) {
                    return Err(DtdError::DuplicateChild {
                        line,
                        element: name,
                        child: particle.name.clone(),
                    });
                }
            }
        }
        Ok(ElementDecl {
            name,
            content,
            attributes: Vec::new(),
        })
    }

    /// contentspec ::= `EMPTY` | `ANY` | Mixed | children
    fn content_spec(&mut self, element: &str) -> Result<ContentModel, DtdError> {
        if self.eat("EMPTY") {
            return Ok(ContentModel::Empty);
        }
        if self.eat("ANY") {
            return Ok(ContentModel::Any);
        }
        if !self.eat("(") {
            return Err(self.syntax("EMPTY, ANY or `(`"));
        }
        self.skip_whitespace();
        if self.eat("#PCDATA") {
            self.mixed()
        } else {
            self.sequence(element)
        }
    }

    /// Mixed ::= `(` S? `#PCDATA` (S? `|` S? Name)* S? `)*` | `(` S? `#PCDATA` S? `)`,
    /// after `#PCDATA`.
    fn mixed(&mut self) -> Result<ContentModel, DtdError> {
        let mut names = Vec::new();
        loop {
            self.skip_whitespace();
            if self.eat(")") {
                break;
            }
            if !self.eat("|") {
                return Err(self.syntax("`|` or `)` in mixed content"));
            }
            self.skip_whitespace();
            names.push(self.name()?);
        }
        let starred = self.eat("*");
        if names.is_empty() {
            return Ok(ContentModel::Text);
        }
        if !starred {
            return Err(self.syntax("`*` after mixed content with element names"));
        }
        Ok(ContentModel::Mixed(names))
    }

    /// Reads a flat sequence `(A, B?, C*)`, or a single particle with an
    /// occurrence on the group such as `(TAG)+`, after the opening `(`.
    fn sequence(&mut self, element: &str) -> Result<ContentModel, DtdError> {
        let mut particles = Vec::new();
        loop {
            self.skip_whitespace();
            if self.peek() == Some('(') {
                return Err(
                    self.unsupported(format!("nested group in the content model of {element}"))
                );
            }
            let name = self.name()?;
            let occurrence = self.occurrence();
            particles.push(Particle { name, occurrence });

            self.skip_whitespace();
            if self.eat(")") {
                break;
            }
            if self.peek() == Some('|') {
                return Err(
                    self.unsupported(format!("choice group in the content model of {element}"))
                );
            }
            if !self.eat(",") {
                return Err(self.syntax("`,` or `)` in a sequence"));
            }
        }

        let group = self.occurrence();
        if group != Occurrence::One {
            let [only] = particles.as_mut_slice() else {
                return Err(self.unsupported(format!(
                    "occurrence on a sequence of several elements in {element}"
                )));
            };
            only.occurrence = combine(only.occurrence, group);
        }
        Ok(ContentModel::Sequence(particles))
    }

    /// `<!ATTLIST` S Name AttDef* S? `>`, after `<!ATTLIST`.
    fn attribute_list(&mut self) -> Result<(String, Vec<AttributeDecl>), DtdError> {
        self.require_whitespace("whitespace after <!ATTLIST")?;
        let element = self.name()?;
        let mut attributes = Vec::new();
        loop {
            self.skip_whitespace();
            if self.eat(">") {
                return Ok((element, attributes));
            }
            let name = self.name()?;
            self.require_whitespace("whitespace after the attribute name")?;
            self.attribute_type()?;
            self.require_whitespace("whitespace after the attribute type")?;
            let required = self.default_decl()?;
            attributes.push(AttributeDecl { name, required });
        }
    }

    fn attribute_type(&mut self) -> Result<(), DtdError> {
        if self.peek() != Some('(') {
            let keyword = self.name()?;
            if keyword != "NOTATION" {
                return Ok(());
            }
            self.skip_whitespace();
        }
        if !self.eat("(") {
            return Err(self.syntax("`(` of an enumerated attribute type"));
        }
        self.skip_past(")", "`)` closing the enumeration")
    }

    /// Reads the default declaration and returns whether it is `#REQUIRED`.
    fn default_decl(&mut self) -> Result<bool, DtdError> {
        if self.eat("#REQUIRED") {
            return Ok(true);
        }
        if self.eat("#IMPLIED") {
            return Ok(false);
        }
        if self.eat("#FIXED") {
            self.require_whitespace("whitespace after #FIXED")?;
        }
        let quote = match self.peek() {
            Some(quote @ ('"' | '\'')) => quote,
            _ => return Err(self.syntax("#REQUIRED, #IMPLIED, #FIXED or a quoted default")),
        };
        self.pos += 1;
        let mut end = [0; 4];
        self.skip_past(
            quote.encode_utf8(&mut end),
            "closing quote of the default value",
        )?;
        Ok(false)
    }
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | ':' | '-' | '.')
}

/// Folds the occurrence of a one-particle group into the particle's own.
fn combine(inner: Occurrence, outer: Occurrence) -> Occurrence {
    use Occurrence::{One, OneOrMore, Optional, ZeroOrMore};
    match (inner, outer) {
        (One, other) | (other, One) => other,
        (Optional, Optional) => Optional,
        (OneOrMore, OneOrMore) => OneOrMore,
        _ => ZeroOrMore,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(dtd: &Dtd, name: &str) -> String {
        dtd.element(name).unwrap().content.to_string()
    }

    #[test]
    fn sequence_with_occurrences() {
        let error = parse_dtd("<!ELEMENT A (B, C?, D*, E+)>").unwrap_err();
        assert!(matches!(error, DtdError::Undeclared { .. }), "{error}");

        let text = "<!ELEMENT A (B, C?, D*,\n E+)> <!ELEMENT B EMPTY> <!ELEMENT C ANY>
                    <!ELEMENT D (#PCDATA)> <!ELEMENT E (#PCDATA | B)*>";
        let dtd = parse_dtd(text).unwrap();
        assert_eq!(content(&dtd, "A"), "(B, C?, D*, E+)");
        assert_eq!(content(&dtd, "C"), "ANY");
        assert_eq!(content(&dtd, "D"), "(#PCDATA)");
        assert_eq!(content(&dtd, "E"), "(#PCDATA | B)*");
    }

    #[test]
    fn group_occurrence_folds_into_particle() {
        let dtd = parse_dtd("<!ELEMENT A (B)*> <!ELEMENT C (B?)+> <!ELEMENT B EMPTY>").unwrap();
        assert_eq!(content(&dtd, "A"), "(B*)");
        assert_eq!(content(&dtd, "C"), "(B*)");
    }

    #[test]
    fn attribute_lists_attach_to_elements() {
        let text = r#"<!-- c --> <!ELEMENT R (#PCDATA)>
            <!ATTLIST R status CDATA #REQUIRED number (1|2) #IMPLIED kind CDATA #FIXED "x">"#;
        let dtd = parse_dtd(text).unwrap();
        let attributes = &dtd.element("R").unwrap().attributes;
        let names: Vec<(&str, bool)> = attributes
            .iter()
            .map(|a| (a.name.as_str(), a.required))
            .collect();
        assert_eq!(
            names,
            [("status", true), ("number", false), ("kind", false)]
        );
    }

    #[test]
    fn unsupported_constructs_rejected() {
        for text in [
            "<!ELEMENT A (B | C)>",
            "<!ELEMENT A ((B, C), D)>",
            "<!ELEMENT A (B, C)*>",
            "<!ENTITY x \"y\">",
            "%pe;",
        ] {
            let error = parse_dtd(text).unwrap_err();
            assert!(
                matches!(error, DtdError::Unsupported { .. }),
                "{text}: {error}"
            );
        }
    }

    #[test]
    fn syntax_errors_carry_line() {
        let error = parse_dtd("<!ELEMENT A EMPTY>\n<!ELEMENT B (C,>").unwrap_err();
        assert!(matches!(error, DtdError::Syntax { line: 2, .. }), "{error}");
        let error = parse_dtd("<!-- open").unwrap_err();
        assert!(matches!(error, DtdError::Syntax { line: 1, .. }), "{error}");
    }

    #[test]
    fn duplicates_rejected() {
        let error = parse_dtd("<!ELEMENT A EMPTY> <!ELEMENT A ANY>").unwrap_err();
        assert!(matches!(error, DtdError::DuplicateElement { .. }));
        let error = parse_dtd("<!ELEMENT A (B, B)> <!ELEMENT B EMPTY>").unwrap_err();
        assert!(matches!(error, DtdError::DuplicateChild { .. }));
    }
}
