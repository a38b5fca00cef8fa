//! Proto code generation with no system `protoc`: `protox` parses the proto in
//! pure Rust, `tonic-prost-build` generates the code, and the encoded descriptor
//! set is written to `OUT_DIR` for server reflection and JSON transcoding.
use prost::Message;
use std::{env, fs, path::PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=proto");
    let descriptors = protox::compile(["textanalysis/v1/textanalysis.proto"], ["proto"])?;
    let out_dir = PathBuf::from(env::var("OUT_DIR")?);
    fs::write(
        out_dir.join("textanalysis_descriptor.bin"),
        descriptors.encode_to_vec(),
    )?;
    let mut prost_config = tonic_prost_build::Config::new();
    prost_config.enable_type_names();
    tonic_prost_build::configure().compile_fds_with_config(descriptors, prost_config)?;
    Ok(())
}
