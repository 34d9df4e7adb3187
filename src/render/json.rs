//! Compact JSON for the open data, byte for byte what serde_json writes with markup characters
//! (`<`, `>`, `&`) escaped as `\u003c`-style escapes, but with a string escaper that scans eight
//! bytes at a time.
//!
//! serde_json checks every byte of every string on its own, and the minutes' text is most of every
//! open-data file: that loop was most of the cost of writing them. serde_json gives no way to
//! replace its string escaping, hence this serializer; anything rare (floats, non-string map keys)
//! is still written by serde_json itself.

use crate::bytes::{zero_bytes, HIGHS, ONES};
use serde::ser::{self, Serialize};
use serde_json::Error;

/// `value` as compact, markup-safe JSON.
pub fn to_vec<T: Serialize + ?Sized>(value: &T, capacity: usize) -> Result<Vec<u8>, Error> {
    let mut json = Json { out: Vec::with_capacity(capacity) };
    value.serialize(&mut json)?;
    Ok(json.out)
}

/// The serializer: writes into `out`.
pub struct Json {
    out: Vec<u8>,
}

/// What each byte becomes inside a JSON string: 0 stays, `b'u'` becomes `\u00XX`, anything else
/// becomes a backslash and that byte. serde_json's escapes, plus `<`, `>` and `&`.
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = b'u';
        i += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t[b'<' as usize] = b'u';
    t[b'>' as usize] = b'u';
    t[b'&' as usize] = b'u';
    t
};

/// Whether any of the eight bytes in `w` needs escaping. Branch-free: the checks are or-ed
/// together and tested once, and pairs of characters one bit apart share a check: `"` (0x22)
/// and `&` (0x26) both read 0x26 with bit 2 set, `<` (0x3c) and `>` (0x3e) both 0x3e with bit 1.
#[inline]
fn needs_escape(w: u64) -> bool {
    let control = w.wrapping_sub(ONES * 0x20) & !w;
    let special = zero_bytes((w | (ONES * 0x04)) ^ (ONES * 0x26))
        | zero_bytes((w | (ONES * 0x02)) ^ (ONES * 0x3e))
        | zero_bytes(w ^ (ONES * b'\\' as u64));
    (control | special) & HIGHS != 0
}

/// Appends `s` as a JSON string, quotes included.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let (mut start, mut i) = (0, 0);
    // Words without anything to escape, most of the text, are passed over eight bytes at a time.
    while let Some(word) = b.get(i..i + 8) {
        if needs_escape(u64::from_le_bytes(word.try_into().expect("eight bytes"))) {
            for j in i..i + 8 {
                escape_byte(out, b, j, &mut start);
            }
        }
        i += 8;
    }
    // The last few bytes, padded with spaces (which need no escape) to a word.
    let mut tail = [b' '; 8];
    tail[..b.len() - i].copy_from_slice(&b[i..]);
    if needs_escape(u64::from_le_bytes(tail)) {
        for j in i..b.len() {
            escape_byte(out, b, j, &mut start);
        }
    }
    out.extend_from_slice(&b[start..]);
    out.push(b'"');
}

/// Writes the text from `start` and the escape of byte `i`, if it needs one.
#[inline]
fn escape_byte(out: &mut Vec<u8>, b: &[u8], i: usize, start: &mut usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let escape = ESCAPE[b[i] as usize];
    if escape == 0 {
        return;
    }
    out.extend_from_slice(&b[*start..i]);
    if escape == b'u' {
        out.extend_from_slice(b"\\u00");
        out.push(HEX[(b[i] >> 4) as usize]);
        out.push(HEX[(b[i] & 0xf) as usize]);
    } else {
        out.push(b'\\');
        out.push(escape);
    }
    *start = i + 1;
}

impl Json {
    fn display(&mut self, v: impl std::fmt::Display) {
        use std::io::Write;
        let _ = write!(self.out, "{v}");
    }

    /// Rare values (floats) as serde_json writes them.
    fn by_serde_json<T: Serialize>(&mut self, v: T) -> Result<(), Error> {
        serde_json::to_writer(&mut self.out, &v)
    }

    /// `{"variant":` before a variant's content; the caller closes the brace.
    fn open_variant(&mut self, variant: &str) {
        self.out.push(b'{');
        write_str(&mut self.out, variant);
        self.out.push(b':');
    }
}

/// A sequence or map being written: whether the next element is the first.
pub struct Compound<'a> {
    json: &'a mut Json,
    first: bool,
    /// What to close with: "]", "}", "]}" or "}}".
    close: &'static str,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.json.out.push(b',');
        }
        self.first = false;
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.comma();
        write_str(&mut self.json.out, key);
        self.json.out.push(b':');
        value.serialize(&mut *self.json)
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.json)
    }

    fn finish(self) -> Result<(), Error> {
        self.json.out.extend_from_slice(self.close.as_bytes());
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Json {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.display(v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.display(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.display(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.display(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.by_serde_json(v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.by_serde_json(v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        write_str(&mut self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_str(&mut self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        ser::Serializer::collect_seq(self, v)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        self.out.push(b'[');
        Ok(Compound { json: self, first: true, close: "]" })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.open_variant(variant);
        self.out.push(b'[');
        Ok(Compound { json: self, first: true, close: "]}" })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        self.out.push(b'{');
        Ok(Compound { json: self, first: true, close: "}" })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.open_variant(variant);
        self.out.push(b'{');
        Ok(Compound { json: self, first: true, close: "}}" })
    }
}

/// Sequences, tuples and tuple structs and variants are all written as JSON arrays: one body for
/// the four serde traits, which differ only in the name of the element method.
macro_rules! array_impls {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    )*};
}

array_impls!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    /// Keys are written as serde_json writes them: strings as they are, numbers and booleans quoted.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        match serde_json::to_value(key)? {
            serde_json::Value::String(s) => write_str(&mut self.json.out, &s),
            v @ (serde_json::Value::Number(_) | serde_json::Value::Bool(_)) => {
                write_str(&mut self.json.out, &v.to_string())
            }
            _ => return Err(ser::Error::custom("key must be a string")),
        }
        self.json.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.json)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

#[cfg(test)]
mod tests {
    use serde::Serialize;
    use serde_json::ser::{CompactFormatter, Formatter, Serializer};
    use std::collections::BTreeMap;
    use std::io;

    /// The reference: serde_json's compact format with `<`, `>` and `&` escaped in strings.
    struct HtmlSafe;

    impl Formatter for HtmlSafe {
        fn write_string_fragment<W: ?Sized + io::Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
            let mut last = 0;
            for (i, c) in fragment.char_indices() {
                let escape = match c {
                    '<' => "\\u003c",
                    '>' => "\\u003e",
                    '&' => "\\u0026",
                    _ => continue,
                };
                w.write_all(&fragment.as_bytes()[last..i])?;
                w.write_all(escape.as_bytes())?;
                last = i + 1;
            }
            CompactFormatter.write_string_fragment(w, &fragment[last..])
        }
    }

    fn reference<T: Serialize>(value: &T) -> String {
        let mut out = Vec::new();
        value.serialize(&mut Serializer::with_formatter(&mut out, HtmlSafe)).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn ours<T: Serialize>(value: &T) -> String {
        String::from_utf8(super::to_vec(value, 0).unwrap()).unwrap()
    }

    #[derive(Serialize)]
    #[serde(tag = "type", rename_all = "kebab-case")]
    enum Tagged {
        Unit,
        Fields { a: Option<u32>, b: Vec<i64> },
        Inner(Inner),
    }

    #[derive(Serialize)]
    struct Inner {
        x: f64,
        y: (bool, char),
        #[serde(skip_serializing_if = "Option::is_none")]
        z: Option<String>,
    }

    #[derive(Serialize)]
    enum External {
        Unit,
        New(u8),
        Tuple(i8, String),
        Struct { s: &'static str },
    }

    #[test]
    fn writes_what_serde_json_writes_for_every_kind_of_value() {
        let texts = [
            "",
            "plain text that is long enough for whole words",
            "æøå – “citat” <b>R&D</b> \"q\" \\ / \u{7f} \u{1} \u{1f}\t\r\n\u{8}\u{c}",
            "12345678<",
            "1234567\"",
            "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}",
            "ÆØÅÆØÅÆØÅÆØÅ>&",
        ];
        for t in texts {
            assert_eq!(ours(&t), reference(&t), "{t:?}");
        }
        let mut map = BTreeMap::new();
        map.insert("k<".to_string(), vec![Some(1.5f64), None, Some(-0.0), Some(f64::NAN)]);
        map.insert("".to_string(), vec![]);
        assert_eq!(ours(&map), reference(&map));
        let numbers: BTreeMap<u32, (u64, i64, u8, i128)> = [(7, (u64::MAX, i64::MIN, 0, -1))].into_iter().collect();
        assert_eq!(ours(&numbers), reference(&numbers));
        let tagged = vec![
            Tagged::Unit,
            Tagged::Fields { a: Some(3), b: vec![-1, 2] },
            Tagged::Fields { a: None, b: vec![] },
            Tagged::Inner(Inner { x: 1.0, y: (true, '<'), z: None }),
            Tagged::Inner(Inner { x: 0.1, y: (false, 'é'), z: Some("z".into()) }),
        ];
        assert_eq!(ours(&tagged), reference(&tagged));
        let external = (External::Unit, External::New(4), External::Tuple(-2, "t".into()), External::Struct { s: "s" });
        assert_eq!(ours(&external), reference(&external));
        assert_eq!(ours(&((), Some(()), b"ab".as_slice())), reference(&((), Some(()), b"ab".as_slice())));
    }

    proptest::proptest! {
        #[test]
        fn random_strings_are_escaped_as_serde_json_escapes_them(s in "\\PC*|[\\x00-\\x7f]*") {
            proptest::prop_assert_eq!(ours(&s), reference(&s));
        }
    }
}
