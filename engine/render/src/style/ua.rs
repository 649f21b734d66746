//! The user-agent style sheet: the parts of HTML § 15 "Rendering" that matter for the
//! properties we render (display, margins, headings, lists, phrasing elements).

pub const UA_SHEET: &str = r#"
/* § 15.3.1 Hidden elements */
area, base, basefont, datalist, head, link, meta, noembed, noframes, param, rp, script,
style, template, title, [hidden]:not([hidden=until-found i]) { display: none; }
/* Scripting is enabled: noscript is not rendered (HTML § 15.3.1). */
noscript { display: none !important; }
input[type=hidden i] { display: none !important; }
dialog:not([open]) { display: none; }
dialog { position: absolute; left: 0; right: 0; margin: auto; border: solid; padding: 1em; background-color: white; color: black; }
/* § 15.5.4 The details and summary elements */
details, summary { display: block; }
details:not([open]) > :not(summary:first-of-type) { display: none; }

/* § 15.3.2 The page */
html, body { display: block; }
body { margin: 8px; }

/* § 15.3.3 Flow content */
address, blockquote, center, dialog, div, figure, figcaption, footer, form, header, hr,
legend, listing, main, p, plaintext, pre, search, xmp { display: block; }
blockquote, figure, listing, p, plaintext, pre, xmp { margin-top: 1em; margin-bottom: 1em; }
blockquote, figure { margin-left: 40px; margin-right: 40px; }
address { font-style: italic; }
listing, plaintext, pre, xmp { font-family: monospace; white-space: pre; }
center { text-align: center; }

/* § 15.3.4 Phrasing content */
cite, dfn, em, i, var { font-style: italic; }
b, strong { font-weight: bolder; }
code, kbd, samp, tt { font-family: monospace; }
big { font-size: larger; }
small, sub, sup { font-size: smaller; }
u, ins { text-decoration: underline; }
s, strike, del { text-decoration: line-through; }
a:any-link { color: #0000ee; text-decoration: underline; }
mark { background-color: yellow; color: black; }
br { display: inline; }

/* § 15.3.6 Sections and headings */
article, aside, h1, h2, h3, h4, h5, h6, hgroup, nav, section { display: block; }
h1 { margin-top: 0.67em; margin-bottom: 0.67em; font-size: 2em; font-weight: bold; }
h2 { margin-top: 0.83em; margin-bottom: 0.83em; font-size: 1.5em; font-weight: bold; }
h3 { margin-top: 1em; margin-bottom: 1em; font-size: 1.17em; font-weight: bold; }
h4 { margin-top: 1.33em; margin-bottom: 1.33em; font-size: 1em; font-weight: bold; }
h5 { margin-top: 1.67em; margin-bottom: 1.67em; font-size: 0.83em; font-weight: bold; }
h6 { margin-top: 2.33em; margin-bottom: 2.33em; font-size: 0.67em; font-weight: bold; }

/* § 15.3.7 Lists (markers are not drawn) */
dir, dd, dl, dt, menu, ol, ul { display: block; }
li { display: list-item; }
dir, dl, menu, ol, ul { margin-top: 1em; margin-bottom: 1em; }
dd { margin-left: 40px; }
dir, menu, ol, ul { padding-left: 40px; }
li ul, li ol, li menu, li dir, li dl, dd ul, dd ol, dl dl { margin-top: 0; margin-bottom: 0; }

/* § 15.3.8 Tables (laid out as blocks: no table layout yet) */
table { display: table; border-spacing: 2px; }
caption { display: table-caption; }
tr { display: table-row; }
td, th { display: table-cell; padding: 1px; }
th { font-weight: bold; }
thead { display: table-header-group; }
tbody { display: table-row-group; }
tfoot { display: table-footer-group; }

/* § 15.3.10 Form controls (no widgets are drawn) */
input, select, button, textarea { display: inline-block; }

/* § 15.3.11 The hr element */
hr { color: gray; border-style: solid; border-width: 1px; margin: 0.5em auto; }

/* § 15.3.12 The fieldset element */
fieldset { display: block; margin-left: 2px; margin-right: 2px; border: 2px groove rgb(192, 192, 192); padding: 0.35em 0.75em 0.625em; }
"#;
