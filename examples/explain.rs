//! Prints the classifier's view of each block of a text (or `--html`) file, for tuning.
use textanalysis::clean::{decode_html, html, text, Classifier, MetaFinder};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let is_html = args.iter().any(|a| a == "--html");
    let path = args.last().expect("a file");
    let bytes = std::fs::read(path).expect("readable file");
    let classifier = Classifier::new();
    let lines = if is_html {
        let (page, _) = decode_html(&bytes).expect("decodable");
        let document = scraper::Html::parse_document(&page);
        let page = html::page(&document, &MetaFinder::new());
        classifier.explain(&page.blocks)
    } else {
        let t = String::from_utf8_lossy(&bytes).into_owned();
        classifier.explain(&text::blocks(&t))
    };
    for line in lines {
        println!("{line}");
    }
}
