//! The HTML escaping that Qualys applies to RESULTS before wrapping it in CDATA.

use std::borrow::Cow;

/// Undoes, once, the HTML escaping that Qualys applies to `RESULTS` text before it wraps the
/// text in a CDATA section, so that `&quot;` becomes `"` and `&amp;lt;` becomes `&lt;`.
///
/// The parser never does this on its own, because CDATA content is kept byte for byte.
/// Call it only on text that was escaped this way: applied twice, it would corrupt a real
/// `&amp;` sequence. It decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and decimal or
/// hexadecimal character references; anything else, including an unknown name such as
/// `&nbsp;` or an invalid code point, is left as it is. Borrows when there is nothing to decode.
///
/// # Example
///
/// ```
/// use qualys_sem::unescape_html;
///
/// assert_eq!(unescape_html("a &quot;quoted&quot; &amp;lt;tag&amp;gt;"), "a \"quoted\" &lt;tag&gt;");
/// assert_eq!(unescape_html("&#39;&#x41;&nbsp;"), "'A&nbsp;");
/// ```
pub fn unescape_html(text: &str) -> Cow<'_, str> {
    let Some(first) = memchr::memchr(b'&', text.as_bytes()) else {
        return Cow::Borrowed(text);
    };

    let mut output = String::with_capacity(text.len());
    output.push_str(&text[..first]);
    let mut rest = &text[first..];

    while let Some(at) = rest.find('&') {
        output.push_str(&rest[..at]);
        rest = &rest[at..];
        match decode_reference(rest) {
            Some((decoded, length)) => {
                output.push(decoded);
                rest = &rest[length..];
            }
            None => {
                output.push('&');
                rest = &rest[1..];
            }
        }
    }
    output.push_str(rest);
    Cow::Owned(output)
}

/// Decodes the reference at the start of `text` (which starts with `&`), returning the
/// character and the length of the reference including `&` and `;`.
fn decode_reference(text: &str) -> Option<(char, usize)> {
    // The longest reference worth looking at is `&#x10FFFF;` (10 bytes).
    let end = text.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let name = &text[1..end];
    let decoded = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((decoded, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(unescape_html("no references"), Cow::Borrowed(_)));
    }

    #[test]
    fn decodes_once() {
        assert_eq!(unescape_html("&amp;amp;"), "&amp;");
        assert_eq!(unescape_html("x &gt; 1 &lt; 2"), "x > 1 < 2");
    }

    #[test]
    fn leaves_unknown_and_broken_references() {
        assert_eq!(
            unescape_html("&nbsp;&#xD800;&#;& alone &amp"),
            "&nbsp;&#xD800;&#;& alone &amp"
        );
        assert_eq!(unescape_html("&#128512;"), "\u{1F600}");
    }
}
