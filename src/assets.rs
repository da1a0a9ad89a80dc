//! Whole assets, put together from the events.

use crate::error::Error;
use crate::event::Event;
use crate::model::{Asset, Warning};
use crate::slice::Parser;

/// Gathers events into whole assets. Shared by the slice and reader iterators.
#[derive(Default)]
pub(crate) struct AssetBuilder<'a> {
    current: Option<Asset<'a>>,
    warning: Option<Warning<'a>>,
}

impl<'a> AssetBuilder<'a> {
    /// Takes one event; returns the asset it completes, if any.
    pub(crate) fn push(&mut self, event: Event<'a>) -> Option<Asset<'a>> {
        match event {
            Event::Asset(header) => {
                self.current = Some(Asset {
                    header,
                    detections: Vec::new(),
                });
            }
            Event::Detection(detection) => {
                if let Some(asset) = &mut self.current {
                    asset.detections.push(detection);
                }
            }
            Event::AssetEnd(end) => {
                let mut asset = self.current.take()?;
                if let Some(trailing) = end.trailing {
                    asset.header.merge_trailing(*trailing);
                }
                return Some(asset);
            }
            Event::Warning(warning) => self.warning = Some(warning),
            _ => {}
        }
        None
    }

    /// Drops a partly read asset after an error in it.
    pub(crate) fn discard(&mut self) {
        self.current = None;
    }

    /// Takes the page's warning, once it has been read.
    pub(crate) fn take_warning(&mut self) -> Option<Warning<'a>> {
        self.warning.take()
    }
}

/// An iterator over the whole assets of a document in memory, one at a time, each with its
/// detections. Text borrows from the input; [`Asset::into_owned`] detaches it.
///
/// An error in one asset's values costs that asset only: the iterator yields the error and
/// goes on with the next asset. After a fatal error it ends.
///
/// # Example
///
/// ```
/// use qualys_sem::Assets;
///
/// let xml = br#"<ASSET_LIST_VM_DETECTION_OUTPUT><RESPONSE><ASSET_LIST>
///   <ASSET><ID>1</ID><DETECTION_LIST><DETECTION><QID>610100</QID></DETECTION></DETECTION_LIST></ASSET>
///   <ASSET><ID>2</ID><SEVERITY_OOPS/></ASSET>
/// </ASSET_LIST></RESPONSE></ASSET_LIST_VM_DETECTION_OUTPUT>"#;
///
/// let assets: Vec<_> = Assets::new(xml).collect::<Result<_, _>>()?;
/// assert_eq!(assets.len(), 2);
/// assert_eq!(assets[0].detections[0].qid, 610100);
/// assert_eq!(assets[1].header.extra[0].name, "SEVERITY_OOPS");
/// # Ok::<(), qualys_sem::Error>(())
/// ```
pub struct Assets<'i> {
    parser: Parser<'i>,
    builder: AssetBuilder<'i>,
}

impl<'i> Assets<'i> {
    /// Creates an iterator over the assets of a document's bytes.
    pub fn new(input: &'i [u8]) -> Assets<'i> {
        Assets::from_parser(Parser::new(input))
    }

    /// Creates an iterator over the assets that a parser has not handed out yet.
    pub fn from_parser(parser: Parser<'i>) -> Assets<'i> {
        Assets {
            parser,
            builder: AssetBuilder::default(),
        }
    }

    /// Takes the page's `WARNING`, once the iteration has passed it (after the last asset).
    pub fn take_warning(&mut self) -> Option<Warning<'i>> {
        self.builder.take_warning()
    }
}

impl<'i> Iterator for Assets<'i> {
    type Item = Result<crate::model::Asset<'i>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.parser.next()? {
                Ok(event) => {
                    if let Some(asset) = self.builder.push(event) {
                        return Some(Ok(asset));
                    }
                }
                Err(error) => {
                    self.builder.discard();
                    return Some(Err(error));
                }
            }
        }
    }
}
