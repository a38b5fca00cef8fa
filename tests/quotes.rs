//! Quotes on the seeds against their gold (`seeds/gold/*.gold.json`), scored
//! as `shared/tools/eval_seeds.py --stage quotes` does. Detection uses the
//! whole pipeline; attribution is also scored with entities from the gold
//! aliases so it is guarded independently of the entities stage.

use std::path::Path;
use textanalysis::quotes::{eval, QuoteExtractor};
use textanalysis::{Config, Pipeline};

fn totals(oracle: bool) -> eval::Counts {
    let pipeline = Pipeline::new(&Config::default()).unwrap();
    let extractor = QuoteExtractor::new().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/gold");
    let mut total = eval::Counts::default();
    for file in eval::evaluate_dir(&pipeline, &extractor, &dir, oracle).unwrap() {
        total.add(file.counts);
    }
    total
}

#[test]
fn seed_quotes_are_found_and_attributed_end_to_end() {
    let c = totals(false);
    assert!(c.recall() >= 0.97, "recall {:.3} ({c:?})", c.recall());
    assert!(
        c.precision() >= 0.95,
        "precision {:.3} ({c:?})",
        c.precision()
    );
    assert!(
        c.speaker_accuracy() >= 0.999,
        "speaker accuracy {:.3} ({c:?})",
        c.speaker_accuracy()
    );
}

#[test]
fn seed_speakers_are_right_with_gold_entities() {
    let c = totals(true);
    assert!(c.recall() >= 0.97, "recall {:.3} ({c:?})", c.recall());
    // Every gold speaker is right since descriptions know portfolios (54/54).
    assert!(
        c.speaker_accuracy() >= 0.999,
        "speaker accuracy {:.3} ({c:?})",
        c.speaker_accuracy()
    );
}
