//! Differential tests: the same inputs parsed into our arena DOM and into
//! markup5ever_rcdom (html5ever's reference tree) must give the same tree.

use html5ever::tendril::TendrilSink;
use html5ever::{parse_document, ParseOpts};
use markup5ever_rcdom::{Handle, NodeData as RcData, RcDom};
use roundabout_engine::dom::dump::{attribute_dump_name, dump_tree, element_dump_name};
use roundabout_engine::dom::{parse_html_document, Document};

/// The same html5lib-style dump as `dump_tree`, from an rcdom tree.
fn dump_rc(handle: &Handle, depth: usize, out: &mut String) {
    let line = |out: &mut String, depth: usize, text: &str| {
        out.push_str("| ");
        out.push_str(&"  ".repeat(depth));
        out.push_str(text);
        out.push('\n');
    };
    match &handle.data {
        RcData::Doctype {
            name,
            public_id,
            system_id,
        } => {
            if public_id.is_empty() && system_id.is_empty() {
                line(out, depth, &format!("<!DOCTYPE {name}>"));
            } else {
                line(
                    out,
                    depth,
                    &format!("<!DOCTYPE {name} \"{public_id}\" \"{system_id}\">"),
                );
            }
        }
        RcData::Element {
            name,
            attrs,
            template_contents,
            ..
        } => {
            line(out, depth, &element_dump_name(name));
            let mut list: Vec<(String, String)> = attrs
                .borrow()
                .iter()
                .map(|a| (attribute_dump_name(&a.name), a.value.to_string()))
                .collect();
            list.sort();
            for (n, v) in list {
                line(out, depth + 1, &format!("{n}=\"{v}\""));
            }
            if let Some(contents) = template_contents.borrow().as_ref() {
                line(out, depth + 1, "content");
                for c in contents.children.borrow().iter() {
                    dump_rc(c, depth + 2, out);
                }
            }
            for c in handle.children.borrow().iter() {
                dump_rc(c, depth + 1, out);
            }
        }
        RcData::Text { contents } => line(out, depth, &format!("\"{}\"", contents.borrow())),
        RcData::Comment { contents } => line(out, depth, &format!("<!-- {contents} -->")),
        RcData::ProcessingInstruction { target, contents } => {
            line(out, depth, &format!("<?{target} {contents}>"))
        }
        RcData::Document => {
            for c in handle.children.borrow().iter() {
                dump_rc(c, depth, out);
            }
        }
    }
}

fn rcdom_dump(html: &str) -> String {
    let dom = parse_document(RcDom::default(), ParseOpts::default()).one(html);
    let mut out = String::new();
    dump_rc(&dom.document, 0, &mut out);
    out
}

const CORPUS: &[&str] = &[
    "",
    "plain text",
    "<!doctype html><title>t</title><p>one<p>two",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\"><p>x",
    // Misnested formatting: the adoption agency algorithm.
    "<b>1<i>2</b>3</i>4",
    "<p><b><i><u>x</p>y",
    "<a href=a>1<div>2<a href=b>3</a></div></a>",
    "<b><p>para</b>after",
    // Tables: foster parenting and implied elements.
    "<table>foster<tr><td>cell</td></tr>text</table>",
    "<table><tr><td>1<td>2<tr><td>3</table>",
    "<table><caption>c<tr><td>x</table>",
    "<table><colgroup><col><tbody><tr><th>h</table>",
    "<table><b>bold<tr><td>c</td></tr></b></table>",
    // Templates keep their contents apart.
    "<template><tr><td>in template</td></tr></template><p>after",
    "<template id=t><template><span>nested</span></template></template>",
    "<table><template><td>t</td></template></table>",
    // Foreign content: SVG and MathML, attribute adjustment.
    "<svg viewBox='0 0 10 10'><foreignObject><p>html in svg</p></foreignObject><circle r=1 /></svg>",
    "<svg><a xlink:href='#x'><desc><b>x</b></desc></a></svg><math><mi>x</mi><annotation-xml encoding='text/html'><div>d</div></annotation-xml></math>",
    "<svg><p>breaks out</p></svg>",
    // Entities and character references.
    "<p>&amp; &lt; &gt; &quot; &nbsp; &copy; &#x263A; &#9731; &notin; &notit; &bogus;</p>",
    "<p title='&amp;&lt;&quot;'>a &ampx b</p>",
    // Raw text, RCDATA, comments, processing-instruction-like input.
    "<script>if (a < b) { document.write('</p>') }</script><style>p > a { }</style>",
    "<textarea><b>&amp;</b></textarea><title><i>t</i></title>",
    "<!-- c1 --><html><!-- c2 --><body><!-- c3 --></body></html><!-- c4 -->",
    "<?xml version='1.0'?><p>x",
    // Odd structure.
    "<html><head></head><body></body></html><p>after html",
    "<frameset><frame></frameset>",
    "<select><option>1<option>2<optgroup><option>3</select>",
    "<ul><li>1<li>2<ul><li>2.1</ul><li>3</ul>",
    "<dl><dt>t<dd>d<dt>t2</dl>",
    "<h1><h2>nested headings</h2></h1>",
    "<p>unclosed <em>emphasis",
    "</p></br></div>",
    "<body a=1><body b=2 a=3>",
    "<pre>\nleading newline</pre><listing>\nx</listing>",
    "<noscript><p>with scripting</p></noscript>",
    "<image src=x><isindex>",
    "<button><button>nested</button></button>",
    "<form><form>nested forms</form></form>",
    "a\0b<p>\0</p>",
];

#[test]
fn arena_dom_matches_rcdom_on_tricky_inputs() {
    let mut failures = Vec::new();
    for input in CORPUS {
        let ours = {
            let parsed = parse_html_document(input);
            dump_tree(&parsed.document, Document::ROOT)
        };
        let theirs = rcdom_dump(input);
        if ours != theirs {
            failures.push(format!(
                "input: {input:?}\n--- ours\n{ours}--- rcdom\n{theirs}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_dump_is_not_vacuous() {
    // A different tree must produce a different dump (so the comparison can fail).
    let a = dump_tree(&parse_html_document("<p>x</p>").document, Document::ROOT);
    let b = dump_tree(&parse_html_document("<p>y</p>").document, Document::ROOT);
    assert_ne!(a, b);
    assert!(a.contains("|     <p>\n|       \"x\""), "{a}");
}
