//! Lists removed blocks whose text is in the true body (recall losses), by reason.
use textanalysis::clean::{decode_html, eval, Cleaner};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let pages = eval::load_pages(std::path::Path::new(&args[1])).expect("data");
    let is_text = args.iter().any(|a| a == "--text");
    let cleaner = Cleaner::new();
    for page in &pages {
        let doc = if is_text {
            cleaner.clean_text(&page.text, false)
        } else {
            let (html, _) = decode_html(&page.html).expect("decodable");
            cleaner.clean_html(&html, false)
        };
        for r in &doc.removed {
            let words = eval::tokens(&r.text).count();
            if words >= 2 && page.truth.contains(r.text.trim()) {
                println!(
                    "{} {:<14} {}",
                    &page.id[..6],
                    r.reason,
                    r.text.chars().take(120).collect::<String>()
                );
            }
        }
    }
}
