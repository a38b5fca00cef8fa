//! The five seed articles, embedded, for the benchmarks (`mod seeds;` in each).

pub const SEEDS: [&str; 5] = [
    include_str!("../../seeds/000_014238c15a46f1f0.txt"),
    include_str!("../../seeds/001_fd6752b6150a77c8.txt"),
    include_str!("../../seeds/002_3f996f77626a4efd.txt"),
    include_str!("../../seeds/003_6c5723df540ffc3e.txt"),
    include_str!("../../seeds/004_29795408d260e6de.txt"),
];
