//! Hostile HTML (huge, deeply nested, malformed, truncated) and huge text
//! dumps: cleaning neither crashes nor goes quadratic. Work is measured
//! without clocks: a counting allocator adds up, for the test's own thread,
//! the bytes it allocates plus a fixed charge per allocation, which grows
//! with the nodes, blocks and strings the cleaner builds. Each input is
//! cleaned at size n and 2n: linear work doubles, quadratic work
//! quadruples; the tests allow up to 3x.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use textanalysis::clean::{Cleaner, Content};

struct Counting;

thread_local! {
    static WORK: Cell<u64> = const { Cell::new(0) };
}

fn charge(bytes: usize) {
    // `try_with`: the counter may already be gone while a thread exits.
    let _ = WORK.try_with(|w| w.set(w.get() + bytes as u64 + 64));
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counter only reads and writes a const-initialised thread-local `Cell`,
// which never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        charge(layout.size());
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System` through `alloc`/`realloc` above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        charge(new_size);
        // SAFETY: as for `dealloc`; `new_size` is the caller's, unchanged.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Work done on this thread by `f`, and its result.
fn work<T>(f: impl FnOnce() -> T) -> (u64, T) {
    let before = WORK.with(Cell::get);
    let out = f();
    (WORK.with(Cell::get) - before, out)
}

/// Cleans `make(n)` and `make(2 * n)`, checks each body with `check` and the
/// growth of the work; returns the larger input's length.
fn cleans_linearly(
    name: &str,
    n: usize,
    make: impl Fn(usize) -> Content,
    check: impl Fn(&Content, &str),
) -> usize {
    let cleaner = Cleaner::new();
    let mut works = Vec::new();
    let mut len = 0;
    for size in [n, 2 * n] {
        let content = make(size);
        len = content.len();
        let (w, doc) = work(|| cleaner.run(&content, false));
        let body = doc.map(|d| d.body).unwrap_or_default();
        assert!(body.len() <= len, "{name}: body longer than the input");
        check(&content, &body);
        works.push(w);
    }
    let ratio = works[1] as f64 / works[0].max(1) as f64;
    eprintln!(
        "{name}: work {} -> {} (x{ratio:.2}), {len} bytes",
        works[0], works[1]
    );
    assert!(
        ratio < 3.0,
        "{name}: work grew x{ratio:.2} when the input doubled"
    );
    len
}

fn paragraph(i: usize) -> String {
    format!(
        "<p>Paragraph {i}: the ministers said on Monday that the talks had been useful \
         and that they would meet again in the coming weeks to discuss the details.</p>"
    )
}

fn article(paragraphs: usize) -> String {
    let mut html = String::from(
        "<html><head><title>Talks resume</title></head><body>\
         <nav><a href=/>Home</a><a href=/w>World</a></nav><article>",
    );
    for i in 0..paragraphs {
        html.push_str(&paragraph(i));
    }
    html.push_str("</article><footer>© 2019 Example News</footer></body></html>");
    html
}

#[test]
fn huge_html_page_is_cleaned_in_linear_work() {
    let len = cleans_linearly(
        "10 MB page",
        33_000,
        |n| Content::Html(article(n).into_bytes()),
        |_, body| {
            assert!(body.contains("Paragraph 0:"));
            assert!(!body.contains("Home"));
        },
    );
    assert!(len >= 10_000_000, "{len}");
}

#[test]
fn truncated_huge_page_is_cleaned_in_linear_work() {
    cleans_linearly(
        "truncated 2 MB page",
        3_300,
        |n| {
            let html = article(n);
            // Cut inside the last paragraph's tag: no closing tags at all.
            let cut = html.len() - 200;
            Content::Html(html.as_bytes()[..cut].to_vec())
        },
        |_, body| assert!(body.contains("Paragraph 1:")),
    );
}

#[test]
fn deeply_nested_html_is_cleaned_in_linear_work() {
    cleans_linearly(
        "100k nested divs",
        50_000,
        |depth| {
            let mut html = "<div>".repeat(depth);
            html.push_str(&article(5));
            html.push_str(&"</div>".repeat(depth));
            Content::Html(html.into_bytes())
        },
        |_, body| assert!(body.contains("Paragraph 4:"), "{body}"),
    );
    cleans_linearly(
        "100k unclosed inline tags",
        50_000,
        |depth| {
            let mut html = "<span><b>".repeat(depth / 2);
            html.push_str(&article(5));
            Content::Html(html.into_bytes())
        },
        |_, body| assert!(body.contains("Paragraph 4:"), "{body}"),
    );
}

#[test]
fn malformed_html_is_cleaned_in_linear_work() {
    // Misnested formatting elements (the parser's adoption agency), stray
    // end tags, unclosed attributes and table content outside cells.
    cleans_linearly(
        "misnested tags",
        2_500,
        |n| {
            let mut html = String::from("<html><body>");
            for i in 0..n {
                html.push_str("<b><i><a href=x>x</b></i></a></td></tr><table>cell<p>");
                html.push_str(&paragraph(i));
            }
            Content::Html(html.into_bytes())
        },
        |_, body| assert!(body.contains("Paragraph 7:")),
    );
}

#[test]
fn huge_text_dump_is_cleaned_in_linear_work() {
    cleans_linearly(
        "10 MB text dump",
        50_000,
        |n| {
            let mut text = String::from("Home\nWorld\n\nTalks resume\n\n");
            for i in 0..n {
                text.push_str(&format!(
                    "Paragraph {i}: the ministers said on Monday that the talks had been useful and that they would meet again.\n\nShare\n"
                ));
            }
            Content::Text(text)
        },
        |_, body| assert!(body.contains("Paragraph 3:")),
    );
}
