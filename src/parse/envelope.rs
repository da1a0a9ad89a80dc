//! The records around the assets: the `REQUEST` echo and the `WARNING`.

use std::borrow::Cow;

use super::children::{Child, next_child};
use super::cursor::{Cursor, Fault};
use super::extra::read_extra;
use super::fields::Field;
use crate::model::{Param, Request, Warning};

/// Reads a `REQUEST` echo whose start tag the cursor has just read. Children this crate does
/// not model are read for well-formedness and dropped.
pub(crate) fn read_request<'w>(cursor: &mut Cursor<'w>, depth: u32) -> Result<Request<'w>, Fault> {
    let mut request = Request::default();
    loop {
        let Child::Element { start, is_empty } = next_child(cursor, "REQUEST")? else {
            return Ok(request);
        };
        let field = Field {
            name: start.name().0,
            offset: cursor.event_start(),
        };
        if field.name == "PARAM_LIST" {
            if !is_empty {
                read_params(cursor, depth + 1, &mut request.params)
                    .map_err(|error| error.within(|| "PARAM_LIST".to_owned()))?;
            }
            continue;
        }
        if !matches!(
            field.name,
            "DATETIME" | "USER_LOGIN" | "RESOURCE" | "POST_DATA"
        ) {
            read_extra(cursor, &start, is_empty, depth)?;
            continue;
        }
        let text = field.read_text(cursor, is_empty)?;
        match field.name {
            "DATETIME" => request.datetime = field.timestamp(text)?,
            "USER_LOGIN" => request.user_login = text,
            "RESOURCE" => request.resource = text,
            _ => request.post_data = text,
        }
    }
}

fn read_params<'w>(
    cursor: &mut Cursor<'w>,
    depth: u32,
    params: &mut Vec<Param<'w>>,
) -> Result<(), Fault> {
    loop {
        let Child::Element { start, is_empty } = next_child(cursor, "PARAM_LIST")? else {
            return Ok(());
        };
        if start.name().0 != "PARAM" {
            read_extra(cursor, &start, is_empty, depth)?;
            continue;
        }
        let mut param = Param::default();
        if !is_empty {
            read_param(cursor, depth + 1, &mut param)?;
        }
        params.push(param);
    }
}

fn read_param<'w>(cursor: &mut Cursor<'w>, depth: u32, param: &mut Param<'w>) -> Result<(), Fault> {
    loop {
        let Child::Element { start, is_empty } = next_child(cursor, "PARAM")? else {
            return Ok(());
        };
        let name = start.name().0;
        if !matches!(name, "KEY" | "VALUE") {
            read_extra(cursor, &start, is_empty, depth)?;
            continue;
        }
        let text = Field {
            name,
            offset: cursor.event_start(),
        }
        .read_text(cursor, is_empty)?;
        let text = text.unwrap_or_default();
        if name == "KEY" {
            param.key = text;
        } else {
            param.value = text;
        }
    }
}

/// Reads a `WARNING` whose start tag the cursor has just read. Layout whitespace around the
/// text and URL is removed, whether they are CDATA or escaped text.
pub(crate) fn read_warning<'w>(cursor: &mut Cursor<'w>, depth: u32) -> Result<Warning<'w>, Fault> {
    let mut warning = Warning::default();
    loop {
        let Child::Element { start, is_empty } = next_child(cursor, "WARNING")? else {
            return Ok(warning);
        };
        let field = Field {
            name: start.name().0,
            offset: cursor.event_start(),
        };
        if !matches!(field.name, "CODE" | "TEXT" | "URL") {
            read_extra(cursor, &start, is_empty, depth)?;
            continue;
        }
        let text = field.read_text(cursor, is_empty)?;
        let text = text.map(trim).filter(|text| !text.is_empty());
        match field.name {
            "CODE" => warning.code = field.unsigned(text)?,
            "TEXT" => warning.text = text,
            _ => warning.url = text,
        }
    }
}

/// Removes surrounding whitespace, borrowing where the text was borrowed.
fn trim(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) if text.trim().len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(text.trim().to_owned()),
    }
}
