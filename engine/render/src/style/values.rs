//! CSS values the renderer understands (CSS Values and Units 4, CSS Color 4): lengths
//! with their units, percentages, and colours (named, `#hex`, `rgb()/rgba()`,
//! `hsl()/hsla()`, `transparent`, `currentcolor`).

use cssparser::{ParseError, Parser, Token};

/// An sRGB colour with straight (not premultiplied) alpha, channels 0–255, alpha 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: f32,
}

impl Rgba {
    pub const TRANSPARENT: Rgba = Rgba {
        r: 0,
        g: 0,
        b: 0,
        a: 0.0,
    };
    pub const BLACK: Rgba = Rgba {
        r: 0,
        g: 0,
        b: 0,
        a: 1.0,
    };
    pub const WHITE: Rgba = Rgba {
        r: 255,
        g: 255,
        b: 255,
        a: 1.0,
    };

    pub const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
        Rgba { r, g, b, a: 1.0 }
    }

    /// CSSOM serialization of a computed colour: `rgb(r, g, b)` or `rgba(r, g, b, a)`.
    pub fn to_css(self) -> String {
        if self.a >= 1.0 {
            format!("rgb({}, {}, {})", self.r, self.g, self.b)
        } else {
            // CSS Color 4 § 15.2: alpha serialized with the fewest digits that round-trip
            // through 8 bits, as browsers do.
            let a = (self.a * 255.0).round() / 255.0;
            let mut s = format!("{:.2}", a);
            if ((s.parse::<f32>().unwrap_or(0.0) * 255.0).round() - (a * 255.0).round()).abs() > 0.0
            {
                s = format!("{:.3}", a);
            }
            let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
            format!("rgba({}, {}, {}, {})", self.r, self.g, self.b, s)
        }
    }
}

/// A specified colour: a concrete one or `currentcolor` (resolved against `color`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ColorSpec {
    Rgba(Rgba),
    CurrentColor,
}

/// A length before computation: px, font-relative or viewport-relative.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Length {
    Px(f32),
    Em(f32),
    Rem(f32),
    Ex(f32),
    Ch(f32),
    Vw(f32),
    Vh(f32),
    Vmin(f32),
    Vmax(f32),
}

/// What computing a length needs (CSS Values 4 § 5 "Distance units").
#[derive(Clone, Copy, Debug)]
pub struct LengthContext {
    pub font_size: f32,
    pub root_font_size: f32,
    pub viewport_w: f32,
    pub viewport_h: f32,
}

impl Length {
    /// The absolute length in CSS px.
    pub fn to_px(self, cx: &LengthContext) -> f32 {
        match self {
            Length::Px(v) => v,
            Length::Em(v) => v * cx.font_size,
            Length::Rem(v) => v * cx.root_font_size,
            // DejaVu Sans: x-height 0.5468 em; "0" advance 0.636 em.
            Length::Ex(v) => v * cx.font_size * 0.547,
            Length::Ch(v) => v * cx.font_size * 0.636,
            Length::Vw(v) => v * cx.viewport_w / 100.0,
            Length::Vh(v) => v * cx.viewport_h / 100.0,
            Length::Vmin(v) => v * cx.viewport_w.min(cx.viewport_h) / 100.0,
            Length::Vmax(v) => v * cx.viewport_w.max(cx.viewport_h) / 100.0,
        }
    }

    fn from_dimension(value: f32, unit: &str) -> Option<Length> {
        Some(match unit.to_ascii_lowercase().as_str() {
            "px" => Length::Px(value),
            "em" => Length::Em(value),
            "rem" => Length::Rem(value),
            "ex" => Length::Ex(value),
            "ch" => Length::Ch(value),
            "vw" => Length::Vw(value),
            "vh" => Length::Vh(value),
            "vmin" => Length::Vmin(value),
            "vmax" => Length::Vmax(value),
            "pt" => Length::Px(value * 96.0 / 72.0),
            "pc" => Length::Px(value * 16.0),
            "in" => Length::Px(value * 96.0),
            "cm" => Length::Px(value * 96.0 / 2.54),
            "mm" => Length::Px(value * 96.0 / 25.4),
            "q" => Length::Px(value * 96.0 / 101.6),
            _ => return None,
        })
    }
}

/// A `<length-percentage>` before computation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LengthPercentage {
    Length(Length),
    /// A percentage, as a fraction (50% → 0.5).
    Percent(f32),
}

/// A computed `<length-percentage>`: absolute px or a fraction of the containing block.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lp {
    Px(f32),
    Percent(f32),
}

impl Lp {
    pub fn resolve(self, basis: f32) -> f32 {
        match self {
            Lp::Px(v) => v,
            Lp::Percent(p) => p * basis,
        }
    }

    pub fn to_css(self) -> String {
        match self {
            Lp::Px(v) => px_css(v),
            Lp::Percent(p) => format!("{}%", number_css(p * 100.0)),
        }
    }
}

impl LengthPercentage {
    pub fn compute(self, cx: &LengthContext) -> Lp {
        match self {
            LengthPercentage::Length(l) => Lp::Px(l.to_px(cx)),
            LengthPercentage::Percent(p) => Lp::Percent(p),
        }
    }
}

/// Serializes a number the way CSSOM does (shortest form, no trailing zeros).
pub fn number_css(v: f32) -> String {
    let rounded = (v as f64 * 1000.0).round() / 1000.0;
    if rounded == rounded.trunc() {
        format!("{}", rounded as i64)
    } else {
        let s = format!("{rounded}");
        s
    }
}

pub fn px_css(v: f32) -> String {
    format!("{}px", number_css(v))
}

/// Parses a `<length>`; unitless 0 is allowed (CSS Values 4 § 6.1).
pub fn parse_length(input: &mut Parser) -> Option<Length> {
    let location = input.state();
    let length = match input.next() {
        Ok(Token::Dimension { value, unit, .. }) => {
            let (value, unit) = (*value, unit.clone());
            Length::from_dimension(value, &unit)
        }
        Ok(Token::Number { value, .. }) if *value == 0.0 => Some(Length::Px(0.0)),
        _ => None,
    };
    if length.is_none() {
        input.reset(&location);
    }
    length
}

/// Parses a `<length-percentage>`; negative values are rejected when `non_negative`.
pub fn parse_length_percentage(input: &mut Parser, non_negative: bool) -> Option<LengthPercentage> {
    let location = input.state();
    let value = match input.next() {
        Ok(Token::Percentage { unit_value, .. }) => Some(LengthPercentage::Percent(*unit_value)),
        Ok(_) => {
            input.reset(&location);
            parse_length(input).map(LengthPercentage::Length)
        }
        Err(_) => None,
    };
    let negative = match value {
        Some(LengthPercentage::Percent(p)) => p < 0.0,
        Some(LengthPercentage::Length(l)) => {
            l.to_px(&LengthContext {
                font_size: 1.0,
                root_font_size: 1.0,
                viewport_w: 1.0,
                viewport_h: 1.0,
            }) < 0.0
        }
        None => false,
    };
    if value.is_none() || (non_negative && negative) {
        input.reset(&location);
        return None;
    }
    value
}

/// Parses a `<number>`.
pub fn parse_number(input: &mut Parser) -> Option<f32> {
    let location = input.state();
    match input.next() {
        Ok(Token::Number { value, .. }) => Some(*value),
        _ => {
            input.reset(&location);
            None
        }
    }
}

/// Parses a `<color>` (CSS Color 4 § 4).
pub fn parse_color(input: &mut Parser) -> Option<ColorSpec> {
    let location = input.state();
    let token = input.next().ok()?.clone();
    let result = match token {
        Token::Ident(ref name) => {
            let name = name.to_ascii_lowercase();
            if name == "currentcolor" {
                Some(ColorSpec::CurrentColor)
            } else if name == "transparent" {
                Some(ColorSpec::Rgba(Rgba::TRANSPARENT))
            } else {
                named_color(&name).map(ColorSpec::Rgba)
            }
        }
        Token::IDHash(ref hex) | Token::Hash(ref hex) => parse_hex(hex).map(ColorSpec::Rgba),
        Token::Function(ref name) => {
            let name = name.to_ascii_lowercase();
            input
                .parse_nested_block(|args| {
                    let color = match name.as_str() {
                        "rgb" | "rgba" => parse_rgb_args(args),
                        "hsl" | "hsla" => parse_hsl_args(args),
                        _ => None,
                    };
                    match color {
                        Some(c) if args.is_exhausted() => Ok(c),
                        _ => Err(ParseError::<()>::custom(())),
                    }
                })
                .ok()
                .map(ColorSpec::Rgba)
        }
        _ => None,
    };
    if result.is_none() {
        input.reset(&location);
    }
    result
}

fn parse_hex(hex: &str) -> Option<Rgba> {
    let digits: Vec<u8> = hex
        .chars()
        .map(|c| c.to_digit(16).map(|d| d as u8))
        .collect::<Option<_>>()?;
    let (r, g, b, a) = match digits.len() {
        3 => (digits[0] * 17, digits[1] * 17, digits[2] * 17, 255),
        4 => (
            digits[0] * 17,
            digits[1] * 17,
            digits[2] * 17,
            digits[3] * 17,
        ),
        6 => (
            digits[0] * 16 + digits[1],
            digits[2] * 16 + digits[3],
            digits[4] * 16 + digits[5],
            255,
        ),
        8 => (
            digits[0] * 16 + digits[1],
            digits[2] * 16 + digits[3],
            digits[4] * 16 + digits[5],
            digits[6] * 16 + digits[7],
        ),
        _ => return None,
    };
    Some(Rgba {
        r,
        g,
        b,
        a: a as f32 / 255.0,
    })
}

/// One component of a colour function: a number or a percentage (of `full`), or
/// `none` (0).
fn color_component(args: &mut Parser, full: f32) -> Option<f32> {
    match args.next().ok()?.clone() {
        Token::Number { value, .. } => Some(value),
        Token::Percentage { unit_value, .. } => Some(unit_value * full),
        Token::Ident(ref i) if i.eq_ignore_ascii_case("none") => Some(0.0),
        _ => None,
    }
}

/// Reads the separator between components: a comma in the legacy syntax, nothing in
/// the modern one. Returns whether a comma was read.
fn separator(args: &mut Parser, legacy: Option<bool>) -> Option<bool> {
    let location = args.state();
    let comma = args.expect_comma().is_ok();
    if !comma {
        args.reset(&location);
    }
    match legacy {
        Some(l) if l != comma => None,
        _ => Some(comma),
    }
}

fn alpha(args: &mut Parser, legacy: bool) -> Option<f32> {
    if args.is_exhausted() {
        return Some(1.0);
    }
    if legacy {
        args.expect_comma().ok()?;
    } else {
        args.expect_delim('/').ok()?;
    }
    let a = color_component(args, 1.0)?;
    Some(a.clamp(0.0, 1.0))
}

fn parse_rgb_args(args: &mut Parser) -> Option<Rgba> {
    let r = color_component(args, 255.0)?;
    let legacy = separator(args, None)?;
    let g = color_component(args, 255.0)?;
    separator(args, Some(legacy))?;
    let b = color_component(args, 255.0)?;
    let a = alpha(args, legacy)?;
    let ch = |v: f32| v.round().clamp(0.0, 255.0) as u8;
    Some(Rgba {
        r: ch(r),
        g: ch(g),
        b: ch(b),
        a,
    })
}

fn parse_hsl_args(args: &mut Parser) -> Option<Rgba> {
    let h = match args.next().ok()?.clone() {
        Token::Number { value, .. } => value,
        Token::Dimension {
            value, ref unit, ..
        } => match unit.to_ascii_lowercase().as_str() {
            "deg" => value,
            "rad" => value.to_degrees(),
            "grad" => value * 0.9,
            "turn" => value * 360.0,
            _ => return None,
        },
        _ => return None,
    };
    let legacy = separator(args, None)?;
    let s = color_component(args, 100.0)?;
    separator(args, Some(legacy))?;
    let l = color_component(args, 100.0)?;
    let a = alpha(args, legacy)?;
    let (r, g, b) = hsl_to_rgb(h, s / 100.0, l / 100.0);
    let ch = |v: f32| (v * 255.0).round().clamp(0.0, 255.0) as u8;
    Some(Rgba {
        r: ch(r),
        g: ch(g),
        b: ch(b),
        a,
    })
}

/// CSS Color 4 § 7.1 "Converting HSL colors to sRGB colors".
fn hsl_to_rgb(hue: f32, sat: f32, light: f32) -> (f32, f32, f32) {
    let sat = sat.clamp(0.0, 1.0);
    let light = light.clamp(0.0, 1.0);
    let hue = hue.rem_euclid(360.0);
    let f = |n: f32| {
        let k = (n + hue / 30.0) % 12.0;
        let a = sat * light.min(1.0 - light);
        light - a * (k - 3.0).min(9.0 - k).clamp(-1.0, 1.0)
    };
    (f(0.0), f(8.0), f(4.0))
}

/// The CSS named colours (CSS Color 4 § 6.1).
pub fn named_color(name: &str) -> Option<Rgba> {
    let hex: u32 = match name {
        "aliceblue" => 0xf0f8ff,
        "antiquewhite" => 0xfaebd7,
        "aqua" | "cyan" => 0x00ffff,
        "aquamarine" => 0x7fffd4,
        "azure" => 0xf0ffff,
        "beige" => 0xf5f5dc,
        "bisque" => 0xffe4c4,
        "black" => 0x000000,
        "blanchedalmond" => 0xffebcd,
        "blue" => 0x0000ff,
        "blueviolet" => 0x8a2be2,
        "brown" => 0xa52a2a,
        "burlywood" => 0xdeb887,
        "cadetblue" => 0x5f9ea0,
        "chartreuse" => 0x7fff00,
        "chocolate" => 0xd2691e,
        "coral" => 0xff7f50,
        "cornflowerblue" => 0x6495ed,
        "cornsilk" => 0xfff8dc,
        "crimson" => 0xdc143c,
        "darkblue" => 0x00008b,
        "darkcyan" => 0x008b8b,
        "darkgoldenrod" => 0xb8860b,
        "darkgray" | "darkgrey" => 0xa9a9a9,
        "darkgreen" => 0x006400,
        "darkkhaki" => 0xbdb76b,
        "darkmagenta" => 0x8b008b,
        "darkolivegreen" => 0x556b2f,
        "darkorange" => 0xff8c00,
        "darkorchid" => 0x9932cc,
        "darkred" => 0x8b0000,
        "darksalmon" => 0xe9967a,
        "darkseagreen" => 0x8fbc8f,
        "darkslateblue" => 0x483d8b,
        "darkslategray" | "darkslategrey" => 0x2f4f4f,
        "darkturquoise" => 0x00ced1,
        "darkviolet" => 0x9400d3,
        "deeppink" => 0xff1493,
        "deepskyblue" => 0x00bfff,
        "dimgray" | "dimgrey" => 0x696969,
        "dodgerblue" => 0x1e90ff,
        "firebrick" => 0xb22222,
        "floralwhite" => 0xfffaf0,
        "forestgreen" => 0x228b22,
        "fuchsia" | "magenta" => 0xff00ff,
        "gainsboro" => 0xdcdcdc,
        "ghostwhite" => 0xf8f8ff,
        "gold" => 0xffd700,
        "goldenrod" => 0xdaa520,
        "gray" | "grey" => 0x808080,
        "green" => 0x008000,
        "greenyellow" => 0xadff2f,
        "honeydew" => 0xf0fff0,
        "hotpink" => 0xff69b4,
        "indianred" => 0xcd5c5c,
        "indigo" => 0x4b0082,
        "ivory" => 0xfffff0,
        "khaki" => 0xf0e68c,
        "lavender" => 0xe6e6fa,
        "lavenderblush" => 0xfff0f5,
        "lawngreen" => 0x7cfc00,
        "lemonchiffon" => 0xfffacd,
        "lightblue" => 0xadd8e6,
        "lightcoral" => 0xf08080,
        "lightcyan" => 0xe0ffff,
        "lightgoldenrodyellow" => 0xfafad2,
        "lightgray" | "lightgrey" => 0xd3d3d3,
        "lightgreen" => 0x90ee90,
        "lightpink" => 0xffb6c1,
        "lightsalmon" => 0xffa07a,
        "lightseagreen" => 0x20b2aa,
        "lightskyblue" => 0x87cefa,
        "lightslategray" | "lightslategrey" => 0x778899,
        "lightsteelblue" => 0xb0c4de,
        "lightyellow" => 0xffffe0,
        "lime" => 0x00ff00,
        "limegreen" => 0x32cd32,
        "linen" => 0xfaf0e6,
        "maroon" => 0x800000,
        "mediumaquamarine" => 0x66cdaa,
        "mediumblue" => 0x0000cd,
        "mediumorchid" => 0xba55d3,
        "mediumpurple" => 0x9370db,
        "mediumseagreen" => 0x3cb371,
        "mediumslateblue" => 0x7b68ee,
        "mediumspringgreen" => 0x00fa9a,
        "mediumturquoise" => 0x48d1cc,
        "mediumvioletred" => 0xc71585,
        "midnightblue" => 0x191970,
        "mintcream" => 0xf5fffa,
        "mistyrose" => 0xffe4e1,
        "moccasin" => 0xffe4b5,
        "navajowhite" => 0xffdead,
        "navy" => 0x000080,
        "oldlace" => 0xfdf5e6,
        "olive" => 0x808000,
        "olivedrab" => 0x6b8e23,
        "orange" => 0xffa500,
        "orangered" => 0xff4500,
        "orchid" => 0xda70d6,
        "palegoldenrod" => 0xeee8aa,
        "palegreen" => 0x98fb98,
        "paleturquoise" => 0xafeeee,
        "palevioletred" => 0xdb7093,
        "papayawhip" => 0xffefd5,
        "peachpuff" => 0xffdab9,
        "peru" => 0xcd853f,
        "pink" => 0xffc0cb,
        "plum" => 0xdda0dd,
        "powderblue" => 0xb0e0e6,
        "purple" => 0x800080,
        "rebeccapurple" => 0x663399,
        "red" => 0xff0000,
        "rosybrown" => 0xbc8f8f,
        "royalblue" => 0x4169e1,
        "saddlebrown" => 0x8b4513,
        "salmon" => 0xfa8072,
        "sandybrown" => 0xf4a460,
        "seagreen" => 0x2e8b57,
        "seashell" => 0xfff5ee,
        "sienna" => 0xa0522d,
        "silver" => 0xc0c0c0,
        "skyblue" => 0x87ceeb,
        "slateblue" => 0x6a5acd,
        "slategray" | "slategrey" => 0x708090,
        "snow" => 0xfffafa,
        "springgreen" => 0x00ff7f,
        "steelblue" => 0x4682b4,
        "tan" => 0xd2b48c,
        "teal" => 0x008080,
        "thistle" => 0xd8bfd8,
        "tomato" => 0xff6347,
        "turquoise" => 0x40e0d0,
        "violet" => 0xee82ee,
        "wheat" => 0xf5deb3,
        "white" => 0xffffff,
        "whitesmoke" => 0xf5f5f5,
        "yellow" => 0xffff00,
        "yellowgreen" => 0x9acd32,
        _ => return None,
    };
    Some(Rgba::rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn color(text: &str) -> Option<ColorSpec> {
        let mut p = Parser::new(text);
        let c = parse_color(&mut p)?;
        p.is_exhausted().then_some(c)
    }

    #[test]
    fn colours_in_every_syntax() {
        let red = Some(ColorSpec::Rgba(Rgba::rgb(255, 0, 0)));
        for text in [
            "red",
            "RED",
            "#f00",
            "#ff0000",
            "#ff0000ff",
            "rgb(255, 0, 0)",
            "rgb(255 0 0)",
            "rgba(255,0,0,1)",
            "rgb(100% 0% 0%)",
            "hsl(0, 100%, 50%)",
            "hsl(0deg 100% 50% / 1)",
            "hsl(360 100% 50%)",
        ] {
            assert_eq!(color(text), red, "{text}");
        }
        assert_eq!(
            color("hsl(120, 100%, 25%)"),
            Some(ColorSpec::Rgba(Rgba::rgb(0, 128, 0)))
        );
        assert_eq!(
            color("rgba(0, 0, 255, 0.5)"),
            Some(ColorSpec::Rgba(Rgba {
                r: 0,
                g: 0,
                b: 255,
                a: 0.5
            }))
        );
        assert_eq!(color("currentColor"), Some(ColorSpec::CurrentColor));
        for bad in [
            "#ff000",
            "rgb(1, 2)",
            "rgb(1 2, 3)",
            "hsl(1, 2%)",
            "notacolor",
            "rgb(1,2,3) x",
        ] {
            assert_eq!(color(bad), None, "{bad}");
        }
    }

    #[test]
    fn alpha_serializes_like_browsers() {
        assert_eq!(
            Rgba {
                r: 1,
                g: 2,
                b: 3,
                a: 0.5
            }
            .to_css(),
            "rgba(1, 2, 3, 0.5)"
        );
        assert_eq!(
            Rgba {
                r: 1,
                g: 2,
                b: 3,
                a: 1.0
            }
            .to_css(),
            "rgb(1, 2, 3)"
        );
        assert_eq!(
            Rgba {
                r: 1,
                g: 2,
                b: 3,
                a: 0.0
            }
            .to_css(),
            "rgba(1, 2, 3, 0)"
        );
    }

    #[test]
    fn lengths_compute_against_their_context() {
        let cx = LengthContext {
            font_size: 20.0,
            root_font_size: 16.0,
            viewport_w: 800.0,
            viewport_h: 600.0,
        };
        assert_eq!(Length::Em(1.5).to_px(&cx), 30.0);
        assert_eq!(Length::Rem(2.0).to_px(&cx), 32.0);
        assert_eq!(Length::Vw(10.0).to_px(&cx), 80.0);
        assert_eq!(Length::Vh(50.0).to_px(&cx), 300.0);
        assert_eq!(Length::Vmin(10.0).to_px(&cx), 60.0);
    }
}
